import type { ResponseOf } from '../../../../shared/contracts/common';
import type { volunteeringContract } from '../../../../shared/contracts/volunteering';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { activitiesFn, callFunction, toCloudError, volunteeringFn } from '../../../lib/cloud';

export type ShiftScanResult = ResponseOf<typeof volunteeringContract, 'scanShift'>;

/** What identifies the volunteer at the door: the scanned QR text or the typed six digits. */
export type ShiftCodeInput = { code: string } | { shortCode: string };

/**
 * A volunteer's shift code (kind `v`): first scan 签到, second 签退 with verified minutes
 * (`volunteering.scanShift`). `out` confirms a check-out the server asked about
 * (`confirm_checkout`: it would record no time).
 */
export function useScanShift(options?: ActionOptions) {
  return useAction(
    (activityId: string, input: ShiftCodeInput, mode: 'auto' | 'out' = 'auto') =>
      callFunction(volunteeringFn, 'scanShift', { activityId, ...input, mode }),
    options,
  );
}

/**
 * A typed six-digit code may belong to a resident's booking or to a volunteer's shift (the two
 * look alike): try the booking first, then the shift; the booking's refusal is what stays when
 * neither matches.
 */
export function useShortCodeCheckIn(options?: ActionOptions) {
  return useAction(async (activityId: string, shortCode: string) => {
    try {
      return {
        kind: 'resident' as const,
        result: await callFunction(activitiesFn, 'checkIn', { activityId, shortCode }),
      };
    } catch (thrown) {
      if (toCloudError(thrown).code !== 'CHECKIN_CODE_INVALID') throw thrown;
      try {
        return {
          kind: 'shift' as const,
          result: await callFunction(volunteeringFn, 'scanShift', { activityId, shortCode, mode: 'auto' }),
        };
      } catch (again) {
        throw toCloudError(again).code === 'CHECKIN_CODE_INVALID' ? thrown : again;
      }
    }
  }, options);
}
