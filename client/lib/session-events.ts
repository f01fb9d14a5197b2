import Taro from '@tarojs/taro';

const SESSION_CHANGED = 'station-link:session-changed';

/** Tells every mounted data hook that the signed-in person changed (H5 persona switch). */
export function emitSessionChanged(): void {
  Taro.eventCenter.trigger(SESSION_CHANGED);
}

/** Runs `listener` after each sign-in or sign-out; returns the unsubscribe function. */
export function onSessionChanged(listener: () => void): () => void {
  Taro.eventCenter.on(SESSION_CHANGED, listener);
  return () => {
    Taro.eventCenter.off(SESSION_CHANGED, listener);
  };
}
