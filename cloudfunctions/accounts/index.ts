import { accountsContract } from '../../shared/contracts/accounts';
import { defineHandler } from '../core/handler';
import { confirmRoleInvite } from './actions/confirm-role-invite';
import { createRoleInvite } from './actions/create-role-invite';
import { listRoleInvites } from './actions/list-role-invites';
import { addFamilyMember } from './actions/add-family-member';
import { listStaff } from './actions/list-staff';
import { markMessagesRead } from './actions/mark-messages-read';
import { me } from './actions/me';
import { myMessages } from './actions/my-messages';
import { recordSubscription } from './actions/record-subscription';
import { redeemRoleInvite } from './actions/redeem-role-invite';
import { removeFamilyMember } from './actions/remove-family-member';
import { revokeRole } from './actions/revoke-role';
import { updateProfile } from './actions/update-profile';
import { withdrawRoleInvite } from './actions/withdraw-role-invite';

/** `accounts`: the caller's own account and messages; staff roles by invitation for admins. */
export const main = defineHandler(accountsContract, {
  me,
  updateProfile,
  myMessages,
  markMessagesRead,
  addFamilyMember,
  removeFamilyMember,
  recordSubscription,
  listStaff,
  createRoleInvite,
  listRoleInvites,
  redeemRoleInvite,
  confirmRoleInvite,
  withdrawRoleInvite,
  revokeRole,
});
