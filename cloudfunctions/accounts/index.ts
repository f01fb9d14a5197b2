import { accountsContract } from '../../shared/contracts/accounts';
import { defineHandler } from '../core/handler';
import { grantRole } from './actions/grant-role';
import { listStaff } from './actions/list-staff';
import { markMessagesRead } from './actions/mark-messages-read';
import { me } from './actions/me';
import { myMessages } from './actions/my-messages';
import { recordSubscription } from './actions/record-subscription';
import { revokeRole } from './actions/revoke-role';
import { updateProfile } from './actions/update-profile';

/** `accounts`: the caller's own account and messages; staff roles for admins. */
export const main = defineHandler(accountsContract, {
  me,
  updateProfile,
  myMessages,
  markMessagesRead,
  recordSubscription,
  listStaff,
  grantRole,
  revokeRole,
});
