import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { PledgeQueueView } from '../../../../shared/domain/donation';
import { type CheckedAction } from '../lib/staff-rules';
import {
  NEEDS_CHANGED,
  useCloseNeed,
  useConfirmArrival,
  useDistribute,
  useStaffQueue,
  useStationActivities,
  useStationNeeds,
  useThank,
  useVoidPledge,
} from './donations';

/**
 * Everything 捐赠管理 shows for one station and queue tab, and every action it takes. After each
 * action the queue AND the needs reload, so the figures on the same screen move with it (a
 * confirmed arrival raises the need's 已接收 at once); a need published elsewhere reloads the needs.
 */
export function useDonationDesk(stationId: string | undefined, view: PledgeQueueView) {
  const queue = useStaffQueue(stationId, view);
  const needs = useStationNeeds(stationId);
  const activities = useStationActivities(stationId);
  const receive = useConfirmArrival();
  const distribute = useDistribute();
  const thank = useThank();
  const voidPledge = useVoidPledge();
  const close = useCloseNeed();

  const reloadNeeds = needs.reload;
  useEffect(() => {
    const listener = () => void reloadNeeds();
    Taro.eventCenter.on(NEEDS_CHANGED, listener);
    return () => {
      Taro.eventCenter.off(NEEDS_CHANGED, listener);
    };
  }, [reloadNeeds]);

  const refresh = () => Promise.all([queue.reload(), needs.reload()]).then(() => undefined);

  /** Sends a checked action; true when done (the lists have reloaded by then). */
  const act = async (action: Extract<CheckedAction, { ok: true }>): Promise<boolean> => {
    const result =
      action.mode === 'receive'
        ? await receive.run(action.request)
        : action.mode === 'distribute'
          ? await distribute.run(action.request)
          : action.mode === 'thank'
            ? await thank.run(action.request.pledgeId, action.request.note)
            : await voidPledge.run(action.request.pledgeId, action.request.reason);
    if (result.ok) await refresh();
    return result.ok;
  };

  /** Closes a need; true when done (the lists have reloaded by then). */
  const closeNeed = async (needId: string, reason: string): Promise<boolean> => {
    const result = await close.run(needId, reason);
    if (result.ok) await refresh();
    return result.ok;
  };

  return {
    queue,
    needs,
    activities,
    refresh,
    act,
    acting: receive.pending || distribute.pending || thank.pending || voidPledge.pending,
    closeNeed,
    closing: close.pending,
  };
}
