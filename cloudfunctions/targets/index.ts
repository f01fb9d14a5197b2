import { targetsContract } from '../../shared/contracts/targets';
import { defineHandler } from '../core/handler';
import { closeTarget } from './actions/close-target';
import { confirmVisit } from './actions/confirm-visit';
import { createTarget } from './actions/create-target';
import { createTargetLinkCode } from './actions/create-target-link-code';
import { exportRoster } from './actions/export-roster';
import { flagEvent } from './actions/flag-event';
import { getTarget } from './actions/get-target';
import { getVisit } from './actions/get-visit';
import { getVisitPolicy } from './actions/get-visit-policy';
import { listFollowUps } from './actions/list-follow-ups';
import { listTargets } from './actions/list-targets';
import { listWorkers } from './actions/list-workers';
import { moveTarget } from './actions/move-target';
import { movedOut } from './actions/moved-out';
import { myTasks } from './actions/my-tasks';
import { pairVolunteer } from './actions/pair-volunteer';
import { pendingVisits } from './actions/pending-visits';
import { planSummary } from './actions/plan-summary';
import { readLog } from './actions/read-log';
import { reconcile } from './actions/reconcile';
import { recordVisit } from './actions/record-visit';
import { redeemTargetLinkCode } from './actions/redeem-target-link-code';
import { setHomeLocation } from './actions/set-home-location';
import { setVisitPolicy } from './actions/set-visit-policy';
import { targetVisits } from './actions/target-visits';
import { unpairVolunteer } from './actions/unpair-volunteer';
import { updateTarget } from './actions/update-target';
import { uploadPhoto } from './actions/upload-photo';

/** `targets`: the protected roster of service targets (服务对象) and their home visits (探访关爱). */
export const main = defineHandler(
  targetsContract,
  {
    createTarget,
    updateTarget,
    moveTarget,
    closeTarget,
    flagEvent,
    setHomeLocation,
    pairVolunteer,
    unpairVolunteer,
    listTargets,
    movedOut,
    planSummary,
    getTarget,
    listWorkers,
    targetVisits,
    recordVisit,
    uploadPhoto,
    getVisit,
    confirmVisit,
    pendingVisits,
    listFollowUps,
    myTasks,
    readLog,
    getVisitPolicy,
    setVisitPolicy,
    exportRoster,
    createTargetLinkCode,
    redeemTargetLinkCode,
  },
  { timers: { reconcile } },
);
