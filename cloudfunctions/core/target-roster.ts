import type { TargetLinkRole } from '../../shared/domain/target-links';
import type { Deps } from './deps';
import { holdsActiveTargetLink } from './repositories/target-links';

/**
 * Whether a person may order a station's "service targets only" items (ADR 0019, 0027): they hold
 * a link, made by redeeming a 绑定码 staff gave them, to an active service target record of the
 * station or a station below it — as 本人 to order for themself, as 家属 to order for the person
 * they look after (either, when `as` is omitted: what the menu tells the caller). One database call.
 */
export interface TargetRoster {
  isServiceTarget(deps: Deps, who: { userId: string; stationId: string; as?: TargetLinkRole }): Promise<boolean>;
}

/** The roster in force: the target records of the `targets` function and the links to them. */
export const targetRoster: TargetRoster = {
  isServiceTarget(deps, who) {
    return holdsActiveTargetLink(deps.db, { userId: who.userId, stationId: who.stationId, role: who.as });
  },
};
