import type { ResponseOf } from '../../../../shared/contracts/common';
import type { volunteeringContract } from '../../../../shared/contracts/volunteering';
import { type RotatingCodeState, useRotatingCode } from '../../../hooks/use-rotating-code';
import { callFunction, volunteeringFn } from '../../../lib/cloud';

type TShiftCode = ResponseOf<typeof volunteeringContract, 'myShiftCode'>;

export type ShiftCodeState = RotatingCodeState<TShiftCode>;

/** The caller's rotating shift code (`volunteering.myShiftCode`), scanned at arrival and at departure. */
export function useShiftCode(activityId: string | undefined, enabled: boolean): ShiftCodeState {
  return useRotatingCode(activityId, (id) => callFunction(volunteeringFn, 'myShiftCode', { activityId: id }), enabled);
}
