import Taro from '@tarojs/taro';
import { RECEIPT_PHOTO_MAX_SIDE } from '../../../../shared/domain/donation';
// Type only: at build time './pick-photo' resolves to this very file on H5.
import type { PickedPhoto } from './pick-photo';

const JPEG_QUALITY = 0.72;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('图片无法打开，请换一张'));
    image.src = src;
  });
}

/**
 * H5: a photo from the camera or album (`Taro.chooseImage`), scaled to at most 1280 px on its
 * longer side and re-encoded as JPEG on a canvas — a phone photo of several MB becomes a few
 * hundred KB. Resolves null when the user backs out.
 */
export async function pickPhoto(): Promise<PickedPhoto | null> {
  let path: string | undefined;
  try {
    const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] });
    path = picked.tempFilePaths[0];
  } catch {
    return null;
  }
  if (!path) return null;
  const image = await loadImage(path);
  if (!image.naturalWidth || !image.naturalHeight) throw new Error('图片无法打开，请换一张');
  const scale = Math.min(1, RECEIPT_PHOTO_MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('浏览器不支持图片处理');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const dataUrl = canvas.toDataURL('image/jpeg', JPEG_QUALITY);
  return { base64: dataUrl.slice(dataUrl.indexOf(',') + 1), previewPath: dataUrl };
}
