import { accountsFn, callFunction } from '../lib/cloud';
import { type Remote, useRemote } from './use-remote';

/**
 * How many of the caller's messages are unread (`accounts.myMessages`, one row), for the 消息
 * entry on 我的; reloaded whenever the tab shows again. `enabled` false (not signed in yet) loads
 * nothing, so the tab never asks for a sign-in on its own.
 */
export function useUnreadMessages(enabled: boolean): Remote<number> {
  return useRemote(
    enabled ? 'accounts.myMessages:unread' : null,
    async () => (await callFunction(accountsFn, 'myMessages', { page: 1, pageSize: 1 })).unread,
    { reloadOnShow: true, signInOnDemand: false },
  );
}
