import { accountsContract } from '../../shared/contracts/accounts';
import { defineHandler } from '../core/handler';
import { me } from './actions/me';
import { updateProfile } from './actions/update-profile';

/** `accounts`: the caller's own account. */
export const main = defineHandler(accountsContract, { me, updateProfile });
