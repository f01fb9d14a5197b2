/**
 * Browser-only image helpers (DOM `Image` and `<canvas>`), for the H5 variants of pages that read
 * a photo: the scanner (`scan.h5.ts`) and the photo picker (`lib/pick-photo.h5.ts`: arrival and visit photos). Imported
 * only from `*.h5.ts` files, so they never reach the mini-program.
 */

/** Loads an image from a URL (blob:, data: or http). */
export function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('图片无法打开，请换一张'));
    image.src = src;
  });
}

/** Draws the image on a new white canvas, scaled so its longer side is at most `maxSide` pixels. */
export function drawScaled(
  image: HTMLImageElement,
  maxSide: number,
): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  if (!image.naturalWidth || !image.naturalHeight) throw new Error('图片无法打开，请换一张');
  const scale = Math.min(1, maxSide / Math.max(image.naturalWidth, image.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('浏览器不支持图片处理');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return { canvas, context };
}
