import { useSyncExternalStore } from 'react';
import { isElderMode, subscribeElderMode } from '../lib/elder-mode';

/** Whether 大字模式 is on; re-renders when it is switched anywhere. */
export function useElderMode(): boolean {
  return useSyncExternalStore(subscribeElderMode, isElderMode, isElderMode);
}
