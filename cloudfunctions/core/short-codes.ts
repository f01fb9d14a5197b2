import { shortCodeAllowances, SHORT_CODE_GUESS_WINDOW_MINUTES, type CodeKind } from '../../shared/domain/checkin-code';
import { formatTime } from '../../shared/domain/time';
import { AppError } from '../../shared/errors';
import { matchShortCode } from './checkin-codes';
import type { Deps } from './deps';
import { returnAttempt, takeAttempt } from './repositories/attempts';

/**
 * The booking or shift a typed short code admits, under the guess limits: an attempt is taken
 * from the staff member's and the activity's allowances BEFORE any code is compared (so parallel
 * guesses cannot pass a limit), and given back when the code was right — only wrong codes count.
 * Refuses `CHECKIN_CODE_LIMIT` (which limit, and when it renews) or `CHECKIN_CODE_INVALID`.
 */
export async function matchShortCodeWithinLimits(
  deps: Deps,
  attempt: {
    kind: CodeKind;
    activityId: string;
    staffId: string;
    shortCode: string;
    candidates: () => Promise<readonly string[]>;
  },
): Promise<string> {
  const now = deps.now();
  const allowances = shortCodeAllowances({ activityId: attempt.activityId, staffId: attempt.staffId, now });
  const taken: string[] = [];
  for (const allowance of allowances) {
    if (await takeAttempt(deps.db, allowance)) {
      taken.push(allowance.key);
      continue;
    }
    for (const key of taken) await returnAttempt(deps.db, key);
    const who = allowance.scope === 'staff' ? '每位工作人员' : '本场活动';
    throw new AppError('CHECKIN_CODE_LIMIT', {
      userMessage: `签到码输错次数过多（${who}每${SHORT_CODE_GUESS_WINDOW_MINUTES}分钟最多${allowance.limit}次），请于 ${formatTime(allowance.renewsAt)} 后再试，或请对方出示二维码扫码签到`,
    });
  }
  const match = matchShortCode(attempt.kind, await attempt.candidates(), attempt.shortCode, now);
  if (!match) throw new AppError('CHECKIN_CODE_INVALID', { userMessage: '签到码不正确或已过期，请核对后重试' });
  for (const key of taken) await returnAttempt(deps.db, key);
  return match;
}
