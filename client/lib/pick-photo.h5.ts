import Taro from '@tarojs/taro';
import { ARRIVAL_PHOTO_MAX_SIDE } from '../../shared/domain/donation';
import { drawScaled, loadImage } from './browser-image';
// Type only: at build time './pick-photo' resolves to this very file on H5.
import type { PickedPhoto } from './pick-photo';

const JPEG_QUALITY = 0.72;

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
  try {
    const { canvas } = drawScaled(await loadImage(path), ARRIVAL_PHOTO_MAX_SIDE);
    const dataUrl = canvas.toDataURL('image/jpeg', JPEG_QUALITY);
    return { base64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
  } finally {
    if (path.startsWith('blob:')) URL.revokeObjectURL(path);
  }
}
