import { donationsContract } from '../../shared/contracts/donations';
import { defineHandler } from '../core/handler';
import { addCharity, listCharities } from './actions/charities';
import { closeNeed, createNeed, getNeed, listNeeds } from './actions/needs';
import { uploadReceiptPhoto } from './actions/photos';
import { addReceipt, cancelPledge, myPledges, pledge } from './actions/pledges';
import { confirmReceipt, distribute, lapse, ledger, staffQueue, thank } from './actions/station-side';

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
