import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { assertCan } from '../../core/authorize';
import { findAuditPage } from '../../core/repositories/audit';
import { findSubtreeStationIds } from '../../core/repositories/stations';
import { findUsersByIds } from '../../core/repositories/users';
import { reportStation } from '../build-report';

/** Who did what, when, from → to, at a station subtree; newest first, by action prefix. */
export async function auditLog(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; action?: string; page: number; pageSize: number },
) {
  const station = await reportStation(deps, caller, input.stationId);
  assertCan(caller, 'audit:read', { stationPath: station.path });
  const ids = await findSubtreeStationIds(deps.db, station._id);
  const page = await findAuditPage(deps.db, { stationIds: ids, actionPrefix: input.action }, input);
  const actors = new Map(
    (await findUsersByIds(deps.db, [...new Set(page.items.map((e) => e.actorId))])).map((u) => [u._id, u.nickname]),
  );
  const show = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value).slice(0, 500));
  return {
    ...page,
    items: page.items.map((e) => ({
      at: e.at,
      actorName: actors.get(e.actorId) ?? (e.actorId === 'system' ? '系统' : e.actorId),
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      from: show(e.from),
      to: show(e.to),
      reason: e.reason ?? null,
    })),
  };
}
