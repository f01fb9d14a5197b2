/**
 * How wide a check-in QR code is drawn, in CSS px. It fills the width the page leaves it (the
 * window minus the page's and the card's padding) up to a comfortable size — larger in 大字模式 —
 * and never shrinks below what a phone camera still reads at arm's length. At 200 % zoom (a
 * 195-px-wide window) the whole code stays on screen instead of spilling past the edge.
 */
export const QR_MAX_SIDE = 260;
export const QR_MAX_SIDE_ELDER = 300;
/** About 3 px per module for the codes we draw (≈ 41 modules with the quiet zone). */
export const QR_MIN_SIDE = 120;
/**
 * Horizontal space the code page takes around the code, in design px (750 wide): page padding
 * 2 × 24, card padding 2 × 32 and border 2 × 1, the code's white box 2 × 8. 大字模式 on a narrow
 * window halves the card padding (rotating-code.scss).
 */
const CHROME_DESIGN_PX = 2 * 24 + 2 * 32 + 2 * 1 + 2 * 8;

/** CSS px per design px: 0.5 up to a 375-wide window (H5 never shrinks its root font below that), then scaling. */
export function designScale(windowWidth: number): number {
  return Math.min(40, Math.max(20, (40 * windowWidth) / 750)) / 40;
}

/** The side of the QR code for a window `windowWidth` CSS px wide. */
export function qrSide(windowWidth: number, elder: boolean): number {
  const available = Math.floor(windowWidth - CHROME_DESIGN_PX * designScale(windowWidth));
  const max = elder ? QR_MAX_SIDE_ELDER : QR_MAX_SIDE;
  return Math.max(QR_MIN_SIDE, Math.min(max, available));
}
