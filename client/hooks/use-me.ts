import { useEffect } from 'react';
import type { TMe, TUpdateProfileRequest } from '../../shared/contracts/accounts';
import { accountsFn, callFunction } from '../lib/cloud';
import { adoptProfileElderMode } from '../lib/elder-mode';
import { type ActionOptions, useAction } from './use-action';
import { type RemoteOptions, type Remote, useRemote } from './use-remote';

/**
 * The signed-in person's profile and roles (`accounts.me`), reloaded when the page shows again.
 * A device with no 大字模式 choice of its own follows the profile's setting.
 */
export function useMe(options: RemoteOptions = {}): Remote<TMe> {
  const me = useRemote('accounts.me', () => callFunction(accountsFn, 'me', {}), { reloadOnShow: true, ...options });
  const elderMode = me.data?.elderMode;
  useEffect(() => {
    if (elderMode !== undefined) adoptProfileElderMode(elderMode);
  }, [elderMode]);
  return me;
}

/**
 * At launch and after every sign-in: read the profile once, quietly, and let its 大字模式 apply
 * to whatever page is open (the pages that load the profile themselves do the same through
 * `useMe`). A visitor who is not signed in simply keeps the device's setting.
 */
export function followProfileElderMode(): void {
  callFunction(accountsFn, 'me', {}).then(
    (me) => adoptProfileElderMode(me.elderMode),
    () => undefined,
  );
}

/** `accounts.updateProfile`: nickname, phone, home station, elder mode. */
export function useUpdateProfile(options?: ActionOptions) {
  return useAction(
    (data: TUpdateProfileRequest['data']) => callFunction(accountsFn, 'updateProfile', { data }),
    options,
  );
}
