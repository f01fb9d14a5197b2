import Taro from '@tarojs/taro';
import type { DevPersona } from '../../shared/contracts/dev';
import { CloudError, networkError } from './cloud-error';
import type { DevSession, TransportRequest } from './transport';

let initialised = false;

/** `Taro.cloud.init` once, against the environment fixed at build time (`TCB_ENV`). */
export function initTransport(): void {
  if (initialised) return;
  Taro.cloud.init({ env: process.env.TCB_ENV, traceUser: true });
  initialised = true;
}

/** `Taro.cloud.callFunction`; identity travels in the platform context, never in the payload. */
export async function send(request: TransportRequest): Promise<unknown> {
  initTransport();
  try {
    const res = await Taro.cloud.callFunction({
      name: request.name,
      data: { action: request.action, data: request.data },
    });
    return res.result;
  } catch (error) {
    const errMsg = String((error as { errMsg?: unknown } | null)?.errMsg ?? '');
    // A function that crashed answers -404011/-504002 ("cloud function execution error"); the rest is transport.
    if (/execution|-404011|-504002/.test(errMsg)) throw new CloudError('INTERNAL');
    throw networkError();
  }
}

export async function devSignIn(_persona: DevPersona): Promise<DevSession> {
  throw new CloudError('DEV_LOGIN_DISABLED');
}

export function currentDevSession(): DevSession | null {
  return null;
}

export function clearDevSession(): void {}
