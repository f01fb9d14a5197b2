import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { DRAFTS_CHANGED, listDrafts, type VisitDraft } from '../lib/drafts';
import { onNetworkBack } from '../lib/network';
import { syncAll } from './sync';

/** The drafts on this phone, kept current as they are saved, sent or removed. */
export function useDrafts(): VisitDraft[] {
  const [drafts, setDrafts] = useState<VisitDraft[]>(() => listDrafts());
  useEffect(() => {
    const refresh = () => setDrafts(listDrafts());
    Taro.eventCenter.on(DRAFTS_CHANGED, refresh);
    refresh();
    return () => {
      Taro.eventCenter.off(DRAFTS_CHANGED, refresh);
    };
  }, []);
  useDidShow(() => setDrafts(listDrafts()));
  return drafts;
}

/**
 * Sends waiting drafts whenever there is a chance: when the page opens or shows again, and the
 * moment the network comes back. Answers `syncNow` for a 立即同步 button and whether it is running.
 */
export function useAutoSync(): { syncNow: () => Promise<void>; syncing: boolean } {
  const [syncing, setSyncing] = useState(false);
  const syncNow = useCallback(async () => {
    setSyncing(true);
    try {
      await syncAll();
    } finally {
      setSyncing(false);
    }
  }, []);
  useEffect(() => {
    void syncNow();
    return onNetworkBack(() => void syncNow());
  }, [syncNow]);
  useDidShow(() => void syncNow());
  return { syncNow, syncing };
}
