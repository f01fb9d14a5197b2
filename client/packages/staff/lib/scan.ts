import Taro from '@tarojs/taro';

/** What one scan attempt gave: the QR text, nothing (the person backed out), or an unreadable picture. */
export type ScanOutcome = { kind: 'code'; text: string } | { kind: 'cancelled' } | { kind: 'unreadable' };

/**
 * weapp: the platform's own scanner (`scanType: ['qrCode']`). The H5 build swaps in `scan.h5.ts`
 * (photo + jsqr) through Taro's per-platform files, so jsqr never reaches the mini-program.
 */
export async function scanQrCode(): Promise<ScanOutcome> {
  try {
    const answer = await Taro.scanCode({ scanType: ['qrCode'] });
    return answer.result ? { kind: 'code', text: answer.result } : { kind: 'unreadable' };
  } catch (thrown) {
    const errMsg = String((thrown as { errMsg?: unknown } | null)?.errMsg ?? '');
    return /cancel/i.test(errMsg) ? { kind: 'cancelled' } : { kind: 'unreadable' };
  }
}
