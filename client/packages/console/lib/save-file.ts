import Taro from '@tarojs/taro';

declare const wx: { env: { USER_DATA_PATH: string } };

/** A file the backend put in cloud storage, reachable for a few minutes through `url`. */
export interface LinkedFile {
  fileName: string;
  url: string;
}

/**
 * weapp: downloads the file into the user data folder under its own name and opens it in WeChat's
 * document viewer (with its menu to forward or save). The storage download domain must be on the
 * mini-program's downloadFile list (README › Deploy, ADR 0013). The H5 build uses `save-file.h5.ts`.
 */
export async function saveLinkedFile(file: LinkedFile): Promise<void> {
  const filePath = `${wx.env.USER_DATA_PATH}/${file.fileName}`;
  const result = await Taro.downloadFile({ url: file.url, filePath });
  if (result.statusCode !== 200) throw new Error(`下载失败（${result.statusCode}）`);
  const extension = file.fileName.slice(file.fileName.lastIndexOf('.') + 1);
  await Taro.openDocument({ filePath: result.filePath || filePath, fileType: extension as 'xlsx', showMenu: true });
}
