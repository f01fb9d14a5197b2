import Taro from '@tarojs/taro';
import { drawScaled, loadImage } from '../../../lib/browser-image';
import type { ScanOutcome } from './scan';

/** Photos are decoded at this many pixels on their longer side first, then at full size. */
const FIRST_PASS_MAX_SIDE = 1024;

function pixelsOf(
  image: HTMLImageElement,
  maxSide: number,
): { data: Uint8ClampedArray; width: number; height: number } {
  const { canvas, context } = drawScaled(image, maxSide);
  const { width, height } = canvas;
  return { data: context.getImageData(0, 0, width, height).data, width, height };
}

/**
 * H5: a photo from the camera or the album (`Taro.chooseImage`), drawn to a canvas and decoded
 * with jsqr — loaded only now, as its own chunk, so the page opens without it.
 */
export async function scanQrCode(): Promise<ScanOutcome> {
  let path: string | undefined;
  try {
    const picked = await Taro.chooseImage({ count: 1, sizeType: ['original'], sourceType: ['camera', 'album'] });
    path = picked.tempFilePaths[0];
  } catch {
    return { kind: 'cancelled' };
  }
  if (!path) return { kind: 'cancelled' };
  try {
    const [{ default: jsQR }, image] = await Promise.all([import('jsqr'), loadImage(path)]);
    const longer = Math.max(image.naturalWidth, image.naturalHeight);
    const sides = longer > FIRST_PASS_MAX_SIDE ? [FIRST_PASS_MAX_SIDE, longer] : [longer];
    for (const side of sides) {
      const { data, width, height } = pixelsOf(image, side);
      const found = jsQR(data, width, height, { inversionAttempts: 'attemptBoth' });
      if (found?.data) return { kind: 'code', text: found.data };
    }
    return { kind: 'unreadable' };
  } catch {
    return { kind: 'unreadable' };
  } finally {
    if (path.startsWith('blob:')) URL.revokeObjectURL(path);
  }
}
