import type { accountsContract } from '../../../../shared/contracts/accounts';
import type { ResponseOf } from '../../../../shared/contracts/common';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { accountsFn, callFunction } from '../../../lib/cloud';

export type RedeemedInvite = ResponseOf<typeof accountsContract, 'redeemRoleInvite'>;

/** Redeem a staff invite code, or look at one already redeemed (`accounts.redeemRoleInvite`). */
export function useRedeemInvite(options?: ActionOptions) {
  return useAction((code: string) => callFunction(accountsFn, 'redeemRoleInvite', { code }), options);
}
