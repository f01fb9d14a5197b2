import type { LinkedFile } from './save-file';

/**
 * H5: fetches the file and saves it under its own name (a Blob link with `download`, which works
 * whatever origin the storage link has, as long as storage answers CORS). When CORS refuses the
 * fetch the browser opens the link itself, and the file downloads under the storage name.
 */
export async function saveLinkedFile(file: LinkedFile): Promise<void> {
  let res: Response;
  try {
    res = await fetch(file.url);
  } catch {
    // Network or CORS refusal: let the browser fetch it as a plain download.
    window.location.assign(file.url);
    return;
  }
  if (!res.ok) throw new Error(`下载失败（${res.status}），请重新导出`);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
