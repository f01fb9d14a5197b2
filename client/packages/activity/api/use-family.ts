import type { TAddFamilyMemberRequest } from '../../../../shared/contracts/accounts';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { accountsFn, callFunction } from '../../../lib/cloud';

/** Add a family member the caller books for (`accounts.addFamilyMember`); answers the fresh profile. */
export function useAddFamilyMember(options?: ActionOptions) {
  return useAction(
    (data: TAddFamilyMemberRequest['data']) => callFunction(accountsFn, 'addFamilyMember', { data }),
    options,
  );
}

/** Remove a family member (`accounts.removeFamilyMember`); answers the fresh profile. */
export function useRemoveFamilyMember(options?: ActionOptions) {
  return useAction((memberId: string) => callFunction(accountsFn, 'removeFamilyMember', { memberId }), options);
}
