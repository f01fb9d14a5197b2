import type { RequestOf, ResponseOf } from '../../../../shared/contracts/common';
import type { targetsContract } from '../../../../shared/contracts/targets';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { callFunction, targetsFn } from '../../../lib/cloud';

export type LinkCode = ResponseOf<typeof targetsContract, 'createTargetLinkCode'>;
export type TargetLink = ResponseOf<typeof targetsContract, 'redeemTargetLinkCode'>;

/** Staff: a one-time 绑定码 on a record (`targets.createTargetLinkCode`). */
export const useCreateLinkCode = (o?: ActionOptions) =>
  useAction((targetId: string) => callFunction(targetsFn, 'createTargetLinkCode', { targetId }), o);

/** A resident redeems a 绑定码 as 本人 or 家属 (`targets.redeemTargetLinkCode`). */
export const useRedeemLinkCode = (o?: ActionOptions) =>
  useAction(
    (req: RequestOf<typeof targetsContract, 'redeemTargetLinkCode'>) =>
      callFunction(targetsFn, 'redeemTargetLinkCode', req),
    o,
  );
