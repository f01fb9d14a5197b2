import type { FunctionName } from '../../shared/contracts/common';
import type { DevPersona } from '../../shared/contracts/dev';
import { CloudError } from './cloud-error';

/*
 * Platform-neutral declaration of the transport. Taro resolves `./transport` to
 * `transport.weapp.ts` or `transport.h5.ts` at build time; this file is what TypeScript checks
 * callers against and what any other platform would get.
 */

/** One call of one action of one cloud function. */
export interface TransportRequest {
  name: FunctionName;
  action: string;
  data: unknown;
}

/** The local session the H5 gateway hands out after a persona sign-in. */
export interface DevSession {
  token: string;
  persona: DevPersona;
  openid: string;
}

/** Prepares the platform (weapp: `Taro.cloud.init`); safe to call more than once. */
export function initTransport(): void {}

/** Sends one request and resolves with the raw wire envelope; rejects only with a CloudError. */
export async function send(_request: TransportRequest): Promise<unknown> {
  throw new CloudError('INTERNAL', { userMessage: '当前平台暂不支持' });
}

/** Signs in locally as a persona (H5 on a local run only). */
export async function devSignIn(_persona: DevPersona): Promise<DevSession> {
  throw new CloudError('DEV_LOGIN_DISABLED');
}

/** The current local session, or null (always null outside H5). */
export function currentDevSession(): DevSession | null {
  return null;
}

/** Forgets the local session (H5). */
export function clearDevSession(): void {}
