import Taro from '@tarojs/taro';
import { coarse, type Located } from './location.shared';

export { coarse, type Located, type Position } from './location.shared';

function errMsgOf(error: unknown): string {
  return error && typeof error === 'object' && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : '';
}

/**
 * The device's position (weapp): `wx.getLocation` in GCJ-02. The first call shows WeChat's
 * permission dialog with the reason in app.json (`permission.scope.userLocation`); a refusal
 * (now or earlier) answers `denied`, anything else `unavailable`.
 */
export async function locate(): Promise<Located> {
  try {
    const r = await Taro.getLocation({ type: 'gcj02' });
    return { ok: true, position: coarse({ latitude: r.latitude, longitude: r.longitude }) };
  } catch (error) {
    return { ok: false, reason: /auth|permission|deny|denied/i.test(errMsgOf(error)) ? 'denied' : 'unavailable' };
  }
}

/** Whether the person can turn location back on from inside the app (weapp's settings page). */
export const CAN_OPEN_LOCATION_SETTINGS = true;

/** Opens WeChat's settings page for this app; answers whether location is now allowed. */
export async function openLocationSettings(): Promise<boolean> {
  try {
    const r = await Taro.openSetting();
    return r.authSetting['scope.userLocation'] === true;
  } catch {
    return false;
  }
}
