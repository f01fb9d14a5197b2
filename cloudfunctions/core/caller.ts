import type { Access } from '../../shared/contracts/common';
import { AppError } from '../../shared/errors';
import type { Deps } from './deps';
import type { UserDoc } from './documents';
import { ensureUser } from './repositories/users';

/** Someone the platform did not identify (HTTP or timer invocation, or a signed-out H5 visitor). */
export interface AnonymousCaller {
  kind: 'anonymous';
  grants: readonly [];
}

/** A person identified by the platform context; `user` is their account row. */
export interface UserCaller {
  kind: 'user';
  userId: string;
  user: UserDoc;
  grants: UserDoc['grants'];
}

export type Caller = AnonymousCaller | UserCaller;

const ANONYMOUS: AnonymousCaller = { kind: 'anonymous', grants: [] };

/**
 * Who is calling, from the platform context only (WeChat OPENID on CloudBase; the gateway's
 * signed session locally, injected the same way). The payload never names the caller.
 */
export async function resolveCaller(deps: Deps, openid: string | undefined): Promise<Caller> {
  if (!openid) return ANONYMOUS;
  const user = await ensureUser(deps.db, openid, deps.now());
  return { kind: 'user', userId: user._id, user, grants: user.grants };
}

/** Refuse a caller who lacks the coarse access level an action declares. */
export function assertAccess(caller: Caller, access: Access): void {
  if (access === 'public') return;
  if (caller.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (access === 'staff' && caller.grants.length === 0) throw new AppError('FORBIDDEN');
}

/** Narrow to a signed-in caller inside actions whose contract access is `user` or `staff`. */
export function requireUser(caller: Caller): UserCaller {
  if (caller.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return caller;
}
