import { describeAuditChange } from '../../../shared/domain/audit';
import { maskPhone } from '../../../shared/domain/privacy';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { assertCan } from '../../core/authorize';
import { findAuditPage } from '../../core/repositories/audit';
import { findStationsByIds, findSubtreeStationIds } from '../../core/repositories/stations';
import { findUsersByIds } from '../../core/repositories/users';
import { reportStation } from '../build-report';

/**
 * Who did what, when, at which station, to whom, and what changed — in words — at a station
 * subtree; newest first, by action prefix. People (actors and the person a role was granted to)
 * are read in one call, station names in another, whatever the page holds.
 */
export async function auditLog(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; action?: string; page: number; pageSize: number },
) {
  const station = await reportStation(deps, caller, input.stationId);
  assertCan(caller, 'audit:read', { stationPath: station.path });
  const ids = await findSubtreeStationIds(deps.db, station._id);
  const page = await findAuditPage(deps.db, { stationIds: ids, actionPrefix: input.action }, input);
  const personIds = new Set(page.items.map((e) => e.actorId));
  for (const e of page.items) if (e.entity === 'user') personIds.add(e.entityId);
  const stationIds = [...new Set(page.items.flatMap((e) => (e.stationId ? [e.stationId] : [])))];
  const [people, stations] = await Promise.all([
    findUsersByIds(deps.db, [...personIds]),
    findStationsByIds(deps.db, stationIds),
  ]);
  const person = new Map(people.map((u) => [u._id, u]));
  const stationName = new Map(stations.map((s) => [s._id, s.name]));
  const subjectOf = (userId: string) => {
    const user = person.get(userId);
    if (!user) return '已注销的用户';
    return user.phone ? `${user.nickname}（${maskPhone(user.phone)}）` : user.nickname;
  };
  return {
    ...page,
    items: page.items.map((e) => ({
      at: e.at,
      actorName: person.get(e.actorId)?.nickname ?? (e.actorId === 'system' ? '系统' : '已注销的用户'),
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      stationName: e.stationId ? (stationName.get(e.stationId) ?? null) : null,
      subject: e.entity === 'user' ? subjectOf(e.entityId) : null,
      changes: describeAuditChange(e),
      reason: e.reason ?? null,
    })),
  };
}
