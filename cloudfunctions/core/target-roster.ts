import type { Deps } from './deps';

/**
 * Whether a person is a service target (重点服务对象) of a station — what "service targets only"
 * menu items ask. The roster of service targets is built by the `targets` function (issue 11);
 * until it lands nobody is on it, so such items are placed by staff (代点单) for the people they
 * know, and a resident's own order of one is refused with TARGETS_ONLY (ADR 0019). Satisfy this
 * from the roster (a read of the caller's target row at the station's path) when it exists.
 */
export interface TargetRoster {
  isServiceTarget(deps: Deps, who: { userId: string; stationPath: readonly string[] }): Promise<boolean>;
}

/** The roster in force: empty until the service-target roster exists. */
export const targetRoster: TargetRoster = {
  async isServiceTarget() {
    return false;
  },
};
