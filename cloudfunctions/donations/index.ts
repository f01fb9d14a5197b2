import { donationsContract } from '../../shared/contracts/donations';
import { defineHandler } from '../core/handler';
import { addCharity } from './actions/add-charity';
import { addReceipt } from './actions/add-receipt';
import { cancelPledge } from './actions/cancel-pledge';
import { closeNeed } from './actions/close-need';
import { confirmReceipt } from './actions/confirm-receipt';
import { createNeed } from './actions/create-need';
import { distribute } from './actions/distribute';
import { getNeed } from './actions/get-need';
import { lapse } from './actions/lapse';
import { ledger } from './actions/ledger';
import { listCharities } from './actions/list-charities';
import { listNeeds } from './actions/list-needs';
import { myPledges } from './actions/my-pledges';
import { pledge } from './actions/pledge';
import { staffQueue } from './actions/staff-queue';
import { thank } from './actions/thank';
import { uploadReceiptPhoto } from './actions/upload-receipt-photo';

/** `donations`: needs, pledges, receipt and distribution, the public ledger — never money. */
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
    addReceipt,
    myPledges,
    staffQueue,
    uploadReceiptPhoto,
    confirmReceipt,
    distribute,
    thank,
    ledger,
  },
  { timers: { lapse } },
);
