import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { accountsFn, callFunction } from '../lib/cloud';
import { type Remote, useRemote } from './use-remote';

/** Position of 我的 in the tab bar (`tabBar.list` in app.config.ts), where the unread count shows. */
export const MINE_TAB_INDEX = 3;

/** The tab-bar badge for a count: nothing for 0, "99+" past 99. */
export function unreadBadgeText(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}

/**
 * How many of the caller's messages are unread (`accounts.myMessages`, one row), reloaded whenever
 * the page shows again, and shown as a badge on the 我的 tab so a donor or resident sees from any
 * tab that something arrived. Call it from tab pages only (WeChat refuses badges elsewhere).
 * `enabled` false (not signed in yet) loads nothing, so a tab never asks for a sign-in on its own.
 */
export function useUnreadMessages(enabled: boolean): Remote<number> {
  const unread = useRemote(
    enabled ? 'accounts.myMessages:unread' : null,
    async () => (await callFunction(accountsFn, 'myMessages', { page: 1, pageSize: 1 })).unread,
    { reloadOnShow: true, signInOnDemand: false },
  );
  const count = unread.data;
  useEffect(() => {
    if (count === undefined) return;
    const text = unreadBadgeText(count);
    // Best effort: an old base library without badges, or a page that is not a tab, just shows none.
    try {
      const done = text
        ? Taro.setTabBarBadge({ index: MINE_TAB_INDEX, text })
        : Taro.removeTabBarBadge({ index: MINE_TAB_INDEX });
      void Promise.resolve(done).catch(() => undefined);
    } catch {
      // no badge API
    }
  }, [count]);
  return unread;
}
