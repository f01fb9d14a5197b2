import Taro from '@tarojs/taro';

declare const wx: { env: { USER_DATA_PATH: string } };

/**
 * weapp: writes the base64 file to the user data folder and opens it (WeChat's document viewer,
 * with its menu to forward or save). The H5 build uses `save-file.h5.ts` instead.
 */
export async function saveBase64File(file: { fileName: string; mimeType: string; base64: string }): Promise<void> {
  const filePath = `${wx.env.USER_DATA_PATH}/${file.fileName}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: file.base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (error) => reject(new Error(error.errMsg)),
    });
  });
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
}
