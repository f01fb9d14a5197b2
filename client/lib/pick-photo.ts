import Taro from '@tarojs/taro';
import { ARRIVAL_PHOTO_MAX_SIDE } from '../../shared/domain/donation';

/**
 * Taking a photo to upload through a cloud function (arrival photos, visit photos, consent forms):
 * compressed on the phone, read as base64. Shared by the feature subpackages that take photos.
 */

/** A photo ready to upload, as base64 JPEG/PNG (the preview shows the stored copy). */
export interface PickedPhoto {
  base64: string;
}

function cancelled(error: unknown): boolean {
  return /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? error));
}

/**
 * weapp: a photo from the camera or album (`chooseMedia`), compressed by WeChat, read as base64.
 * Resolves null when the user backs out. The H5 build uses `pick-photo.h5.ts`.
 */
export async function pickPhoto(): Promise<PickedPhoto | null> {
  let path: string | undefined;
  try {
    const chosen = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['camera', 'album'],
    });
    path = chosen.tempFiles[0]?.tempFilePath;
  } catch (error) {
    if (cancelled(error)) return null;
    throw error;
  }
  if (!path) return null;
  const compressed = await Taro.compressImage({ src: path, quality: 70, compressedWidth: ARRIVAL_PHOTO_MAX_SIDE });
  const base64 = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: compressed.tempFilePath,
      encoding: 'base64',
      success: (r) => resolve(r.data as string),
      fail: (e) => reject(new Error(e.errMsg)),
    });
  });
  return { base64 };
}
