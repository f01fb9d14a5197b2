import type { accountsContract } from '../../shared/contracts/accounts';
import type { activitiesContract } from '../../shared/contracts/activities';
import type { Contract, RequestOf, ResponseOf } from '../../shared/contracts/common';
import type { donationsContract } from '../../shared/contracts/donations';
import type { ordersContract } from '../../shared/contracts/orders';
import type { reportsContract } from '../../shared/contracts/reports';
import type { stationsContract } from '../../shared/contracts/stations';
import type { targetsContract } from '../../shared/contracts/targets';
import type { volunteeringContract } from '../../shared/contracts/volunteering';
import { unwrapEnvelope } from './cloud-error';
import { send } from './transport';

export { CloudError, NETWORK_MESSAGE, toCloudError } from './cloud-error';
export { clearDevSession, currentDevSession, devSignIn, initTransport, type DevSession } from './transport';

/**
 * A cloud function as the client names it: its wire name, typed by its contract. The client
 * holds these lightweight references rather than the zod contracts themselves, so zod never
 * lands in the main package; the server already validated what it answers.
 */
export interface FunctionRef<C extends Contract> {
  readonly name: C['name'];
  /** Type carrier only; never set. */
  readonly contract?: C;
}

/*
 * One reference per cloud function, here and nowhere else; features' `api/` modules import them.
 * They are a few bytes each (the contracts are imported as types only).
 */
export const accountsFn: FunctionRef<typeof accountsContract> = { name: 'accounts' };
export const stationsFn: FunctionRef<typeof stationsContract> = { name: 'stations' };
export const activitiesFn: FunctionRef<typeof activitiesContract> = { name: 'activities' };
export const volunteeringFn: FunctionRef<typeof volunteeringContract> = { name: 'volunteering' };
export const donationsFn: FunctionRef<typeof donationsContract> = { name: 'donations' };
export const reportsFn: FunctionRef<typeof reportsContract> = { name: 'reports' };
export const targetsFn: FunctionRef<typeof targetsContract> = { name: 'targets' };
export const ordersFn: FunctionRef<typeof ordersContract> = { name: 'orders' };

/** The action names of a contract. */
export type ActionOf<C extends Contract> = keyof C['actions'] & string;

/**
 * The one way the client reaches the backend: weapp `Taro.cloud.callFunction`, H5 `POST /api/<fn>`.
 * Called only from features' `api/` modules and `client/hooks` (a lint rule keeps it out of pages
 * and components).
 * Resolves with the envelope's `data`; rejects with a CloudError (code, userMessage, requestId,
 * fields). Shows nothing and navigates nowhere: pages and hooks decide what a code means.
 */
export async function callFunction<C extends Contract, K extends ActionOf<C>>(
  fn: FunctionRef<C>,
  action: K,
  data: RequestOf<C, K>,
): Promise<ResponseOf<C, K>> {
  const envelope = await send({ name: fn.name, action, data });
  return unwrapEnvelope<ResponseOf<C, K>>(envelope);
}
