import type { ResponseOf } from '../../../../shared/contracts/common';
import type { volunteeringContract } from '../../../../shared/contracts/volunteering';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { type FunctionRef, callFunction } from '../../../lib/cloud';

const volunteeringFn: FunctionRef<typeof volunteeringContract> = { name: 'volunteering' };

export type ShiftScanResult = ResponseOf<typeof volunteeringContract, 'scanShift'>;

/** A volunteer's shift code (kind `v`): first scan 签到, second 签退 with verified minutes (`volunteering.scanShift`). */
export function useScanShift(options?: ActionOptions) {
  return useAction(
    (activityId: string, code: string) => callFunction(volunteeringFn, 'scanShift', { activityId, code, mode: 'auto' }),
    options,
  );
}
