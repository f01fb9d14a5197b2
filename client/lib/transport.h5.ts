import Taro from '@tarojs/taro';
import type { DevPersona } from '../../shared/contracts/dev';
import { CloudError, networkError, unwrapEnvelope } from './cloud-error';
import type { DevSession, TransportRequest } from './transport';

/** Storage key of the local session (token, persona, openid). */
const SESSION_KEY = 'station-link.devSession';
/** Requests give up after this long; the gateway answers local calls in milliseconds. */
const TIMEOUT_MS = 15_000;

export function initTransport(): void {}

export function currentDevSession(): DevSession | null {
  const stored: unknown = Taro.getStorageSync(SESSION_KEY);
  if (stored && typeof stored === 'object' && typeof (stored as DevSession).token === 'string') {
    return stored as DevSession;
  }
  return null;
}

export function clearDevSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
}

async function postJson(url: string, body: unknown): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = currentDevSession()?.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: controller.signal });
  } catch {
    throw networkError();
  } finally {
    clearTimeout(timer);
  }
  try {
    return await response.json();
  } catch {
    // Not JSON: a proxy error page, or the gateway is not running behind this host.
    throw response.status >= 500 || response.status === 404 ? networkError() : new CloudError('INTERNAL');
  }
}

/** `POST /api/<function>` with `{ action, data }` and the bearer token when signed in. */
export async function send(request: TransportRequest): Promise<unknown> {
  return postJson(`/api/${request.name}`, { action: request.action, data: request.data });
}

/** `POST /api/dev/login`; keeps the session in local storage for later requests. */
export async function devSignIn(persona: DevPersona): Promise<DevSession> {
  const session = unwrapEnvelope<DevSession>(await postJson('/api/dev/login', { persona }));
  if (typeof session?.token !== 'string') throw new CloudError('INTERNAL');
  Taro.setStorageSync(SESSION_KEY, session);
  return session;
}
