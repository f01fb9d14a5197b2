import { donationsContract } from '../../shared/contracts/donations';
import { defineHandler } from '../core/handler';
import { addCharity } from './actions/add-charity';
import { cancelPledge } from './actions/cancel-pledge';
import { closeNeed } from './actions/close-need';
import { confirmArrival } from './actions/confirm-arrival';
import { createNeed } from './actions/create-need';
import { distribute } from './actions/distribute';
import { getNeed } from './actions/get-need';
import { lapse } from './actions/lapse';
import { ledger } from './actions/ledger';
import { listCharities } from './actions/list-charities';
import { listNeeds } from './actions/list-needs';
import { myPledges } from './actions/my-pledges';
import { pledge } from './actions/pledge';
import { recordCharityReceipt } from './actions/record-charity-receipt';
import { staffQueue } from './actions/staff-queue';
import { thank } from './actions/thank';
import { uploadArrivalPhoto } from './actions/upload-arrival-photo';
import { voidPledge } from './actions/void-pledge';

/** `donations`: needs, pledges, arrival and distribution, the public ledger — never money. */
export const main = defineHandler(
  donationsContract,
  {
    listNeeds,
    getNeed,
    createNeed,
    closeNeed,
    listCharities,
    addCharity,
    pledge,
    cancelPledge,
    recordCharityReceipt,
    myPledges,
    staffQueue,
    uploadArrivalPhoto,
    confirmArrival,
    distribute,
    voidPledge,
    thank,
    ledger,
  },
  { timers: { lapse } },
);
