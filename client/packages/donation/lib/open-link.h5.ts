/** H5: open the charity's own project page in a new tab. */
export function openProjectLink(url: string): void {
  window.open(url, '_blank', 'noopener');
}

export const OPEN_LINK_LABEL = '打开慈善组织项目页面';
