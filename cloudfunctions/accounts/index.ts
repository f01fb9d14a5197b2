import { accountsContract } from '../../shared/contracts/accounts';
import { defineHandler } from '../core/handler';
import { markMessagesRead } from './actions/mark-messages-read';
import { me } from './actions/me';
import { myMessages } from './actions/my-messages';
import { recordSubscription } from './actions/record-subscription';
import { grantRole, listStaff, revokeRole } from './actions/roles';
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
