import { volunteeringContract } from '../../shared/contracts/volunteering';
import { defineHandler } from '../core/handler';
import { activityVolunteers } from './actions/activity-volunteers';
import { adjustHours } from './actions/adjust-hours';
import { autoClose } from './actions/auto-close';
import { cancelShift } from './actions/cancel-shift';
import { claimHours } from './actions/claim-hours';
import { confirmAutoClosed } from './actions/confirm-auto-closed';
import { disputeIdNumber } from './actions/dispute-id-number';
import { idDisputes } from './actions/id-disputes';
import { issueCertificate } from './actions/issue-certificate';
import { leaderboard } from './actions/leaderboard';
import { myClaims } from './actions/my-claims';
import { myHours } from './actions/my-hours';
import { myIdDispute } from './actions/my-id-dispute';
import { myProfile } from './actions/my-profile';
import { myShiftCode } from './actions/my-shift-code';
import { myShifts } from './actions/my-shifts';
import { register } from './actions/register';
import { resolveIdDispute } from './actions/resolve-id-dispute';
import { reviewClaim } from './actions/review-claim';
import { reviewQueue } from './actions/review-queue';
import { scanShift } from './actions/scan-shift';
import { signUpShift } from './actions/sign-up-shift';
import { verifyCertificate } from './actions/verify-certificate';

/** `volunteering`: registration, shifts, scan-verified hours, top-ups, ledger and certificates. */
export const main = defineHandler(
  volunteeringContract,
  {
    register,
    disputeIdNumber,
    myIdDispute,
    idDisputes,
    resolveIdDispute,
    myProfile,
    signUpShift,
    cancelShift,
    myShifts,
    myShiftCode,
    scanShift,
    activityVolunteers,
    claimHours,
    myClaims,
    reviewQueue,
    confirmAutoClosed,
    reviewClaim,
    adjustHours,
    myHours,
    leaderboard,
    issueCertificate,
    verifyCertificate,
  },
  { timers: { autoClose } },
);
