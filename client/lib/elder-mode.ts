import Taro from '@tarojs/taro';

/** Storage key of the person's own choice ('1' on, '0' off; absent = never chosen on this device). */
const STORAGE_KEY = 'station-link.elderMode';
/** The profile's setting as last seen on this device, so the next launch starts with it. */
const PROFILE_KEY = 'station-link.elderMode.profile';
/** WeChat font scale at or above which 大字模式 starts on until the person chooses. */
const LARGE_FONT_SCALE = 1.15;

let enabled = false;
let chosen = false;
const listeners = new Set<() => void>();

function notify(): void {
  listeners.forEach((listener) => listener());
}

/** The user's WeChat font scale (1 = standard); 1 where the platform does not say. */
function fontScale(): number {
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined;
    const factor = Number(info?.fontSizeScaleFactor);
    return Number.isFinite(factor) && factor > 0 ? factor : 1;
  } catch {
    return 1;
  }
}

/**
 * Reads the stored choice; with none, the profile's setting as last seen on this device; with
 * neither, follows a large WeChat font setting. Call once at launch, then `followProfile` with the
 * profile as soon as it can be read, so a page opened directly (a shared link, a reload) is in
 * 大字模式 from its first screen when the profile says so.
 */
export function initElderMode(): void {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
  const fromProfile: unknown = Taro.getStorageSync(PROFILE_KEY);
  chosen = stored === '1' || stored === '0';
  enabled = chosen ? stored === '1' : fromProfile === '1' || largeFont();
  notify();
}

/** WeChat's font is set large enough that 大字模式 starts on by itself. */
function largeFont(): boolean {
  return process.env.TARO_ENV === 'weapp' && fontScale() >= LARGE_FONT_SCALE;
}

export function isElderMode(): boolean {
  return enabled;
}

/** Whether the person chose on this device (then the profile's value does not override it). */
export function hasElderModeChoice(): boolean {
  return chosen;
}

/** Turns 大字模式 on or off and remembers it on this device. */
export function setElderMode(value: boolean): void {
  enabled = value;
  chosen = true;
  Taro.setStorageSync(STORAGE_KEY, value ? '1' : '0');
  notify();
}

/**
 * Adopts the profile's setting on a device where the person has not chosen yet, and remembers it
 * for the next launch. The profile's `false` is also what a never-chosen profile says, so it never
 * turns off what a large WeChat font turned on.
 */
export function adoptProfileElderMode(value: boolean): void {
  Taro.setStorageSync(PROFILE_KEY, value ? '1' : '0');
  const next = value || largeFont();
  if (chosen || next === enabled) return;
  enabled = next;
  notify();
}

export function subscribeElderMode(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
