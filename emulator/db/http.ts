import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  configuredAllowedHosts,
  hasControlToken,
  hostProblem,
  originProblem,
  sdkSignatureProblem,
  type EmulatorCredentials,
} from './access';
import { isPlainObject } from './ejson';
import type { Engine } from './engine';
import { answerWxApi, recordedWxApiCalls } from './wx-api';
import { DbError } from './errors';
import type { OperationStats } from './stats';
import type { Storage, StorageHttpAnswer } from './storage';

/** Largest request body accepted (CloudBase itself caps requests far lower). */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

const requestIdPrefix = randomBytes(4).toString('hex');
let requestCounter = 0;

function nextRequestId(): string {
  requestCounter = (requestCounter + 1) % 0x100000000;
  return `${requestIdPrefix}${requestCounter.toString(16).padStart(8, '0')}`;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: IncomingMessage, res: ServerResponse, onBody: (text: string) => void): void {
  readBytes(req, res, (bytes) => onBody(bytes.toString('utf8')));
}

function readBytes(req: IncomingMessage, res: ServerResponse, onBody: (bytes: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on('end', () => {
    if (tooLarge)
      sendJson(res, 413, { requestId: nextRequestId(), code: 'INVALID_PARAM', message: 'request body too large' });
    else onBody(Buffer.concat(chunks));
  });
  req.on('error', () => {
    if (!res.headersSent)
      sendJson(res, 400, { requestId: nextRequestId(), code: 'INVALID_PARAM', message: 'request aborted' });
  });
}

/** Endpoints that read or change the emulator's own state: they take the secretKey as a bearer token. */
const CONTROL_PATHS = new Set([
  '/emulator/stats',
  '/emulator/explain',
  '/emulator/stats/reset',
  '/emulator/reset',
  '/emulator/wx-api-calls',
]);

/** Hooks the HTTP layer needs from its owner. */
export interface HttpHost {
  engine(): Engine | undefined;
  storage(): Storage | undefined;
  allowReset: boolean;
  reset(): void;
  /** Database counters plus cloud-storage calls. */
  stats(): OperationStats;
  resetStats(): void;
  /** What `/admin` requests must be signed with; its secretKey is the control endpoints' bearer token. */
  credentials: EmulatorCredentials;
  /** Host names accepted besides localhost and IP literals. */
  allowedHosts: readonly string[];
}

/**
 * Routes one request. `POST /admin…` is the CloudBase API the SDK calls (always answered with
 * HTTP 200 and `{ requestId, data }` or `{ requestId, code, message }`, as CloudBase does, because
 * the SDK turns any other status into an error without a code). `/emulator/…` are the emulator's
 * own endpoints. Returns false for any other path, so a gateway can serve it.
 */
export function route(host: HttpHost, req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q >= 0 ? url.slice(0, q) : url;
  const isApi = path === '/admin' || path.startsWith('/admin/');
  if (!isApi && !path.startsWith('/emulator/')) return false;
  // A page of another site must not reach the database through the visitor's browser: DNS
  // rebinding arrives with a foreign Host, a drive-by form or fetch with a foreign Origin. Signed
  // storage links may be opened from anywhere (images, downloads), so only their Host is checked.
  const isStorageLink = path.startsWith('/emulator/storage/file/') && (req.method === 'GET' || req.method === 'HEAD');
  const foreign =
    hostProblem(req, [...host.allowedHosts, ...configuredAllowedHosts()]) ??
    (isStorageLink ? null : originProblem(req));
  if (foreign) {
    drain(req, () => sendJson(res, 403, { requestId: nextRequestId(), code: 'PERMISSION_DENIED', message: foreign }));
    return true;
  }
  if (CONTROL_PATHS.has(path) && !hasControlToken(host.credentials, req)) {
    drain(req, () =>
      sendJson(res, 401, {
        ok: false,
        message: 'emulator controls need Authorization: Bearer <secretKey> (the emulator credential)',
      }),
    );
    return true;
  }
  if (isApi) {
    if (req.method !== 'POST') {
      sendJson(res, 405, {
        requestId: nextRequestId(),
        code: 'INVALID_PARAM',
        message: 'the CloudBase API accepts POST only',
      });
      return true;
    }
    readBody(req, res, (text) => sendJson(res, 200, answerApi(host, text, req, url.slice(q + 1))));
    return true;
  }
  if (path.startsWith('/emulator/storage/')) {
    serveStorage(host, req, res, path, new URLSearchParams(q >= 0 ? url.slice(q + 1) : ''));
    return true;
  }
  switch (path) {
    case '/emulator/health':
      sendJson(res, host.engine() ? 200 : 503, { ok: Boolean(host.engine()) });
      return true;
    case '/emulator/stats': {
      const engine = host.engine();
      if (!engine) sendJson(res, 503, { ok: false, message: 'emulator closed' });
      else sendJson(res, 200, host.stats());
      return true;
    }
    case '/emulator/explain': {
      const engine = host.engine();
      if (!engine) sendJson(res, 503, { ok: false, message: 'emulator closed' });
      else sendJson(res, 200, engine.explain());
      return true;
    }
    case '/emulator/wx-api-calls':
      sendJson(res, 200, recordedWxApiCalls());
      return true;
    case '/emulator/stats/reset':
      drain(req, () => {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, message: 'use POST' });
        host.resetStats();
        sendJson(res, 200, { ok: true });
      });
      return true;
    case '/emulator/reset':
      drain(req, () => {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, message: 'use POST' });
        if (!host.allowReset)
          return sendJson(res, 403, { ok: false, message: 'reset is disabled: start the emulator with allowReset' });
        try {
          host.reset();
          sendJson(res, 200, { ok: true });
        } catch (e) {
          sendJson(res, 500, { ok: false, message: (e as Error).message });
        }
      });
      return true;
    default:
      return false;
  }
}

/** The files behind the URLs `storage.*` hands out: PUT an upload, GET a download. */
function serveStorage(
  host: HttpHost,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): void {
  const storage = host.storage();
  const send = (a: StorageHttpAnswer) => {
    const body = typeof a.body === 'string' ? Buffer.from(a.body) : a.body;
    res.writeHead(a.status, { ...a.headers, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (!storage) return drain(req, () => sendJson(res, 503, { ok: false, message: 'emulator closed' }));
  if (path === '/emulator/storage/upload' && req.method === 'PUT') {
    const auth = req.headers.authorization;
    return readBytes(req, res, (bytes) => send(storage.put(query, auth, bytes)));
  }
  if (path.startsWith('/emulator/storage/file/') && (req.method === 'GET' || req.method === 'HEAD'))
    return drain(req, () => send(storage.get(path.slice('/emulator/storage/file/'.length), query)));
  drain(req, () => sendJson(res, 405, { ok: false, message: `${req.method} not allowed on ${path}` }));
}

function drain(req: IncomingMessage, done: () => void): void {
  req.resume();
  req.on('end', done);
}

function answerApi(host: HttpHost, text: string, req: IncomingMessage, search: string): Record<string, unknown> {
  const requestId = nextRequestId();
  const engine = host.engine();
  if (!engine) return { requestId, code: 'SYS_ERR', message: 'the emulator is closed' };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { requestId, code: 'INVALID_PARAM', message: 'request body must be JSON' };
  }
  if (!isPlainObject(body) || typeof body.action !== 'string') {
    return { requestId, code: 'INVALID_PARAM', message: 'request body must carry an action' };
  }
  const unsigned = sdkSignatureProblem(host.credentials, req, body, Math.floor(Date.now() / 1000));
  if (unsigned) return { requestId, code: 'SIGN_PARAM_INVALID', message: unsigned };
  if (body.action === 'wx.api') return { requestId, ...answerWxApi(body) };
  if (body.action.startsWith('storage.')) {
    const storage = host.storage();
    if (!storage) return { requestId, code: 'SYS_ERR', message: 'the emulator is closed' };
    const env = new URLSearchParams(search).get('env') || 'local';
    return { requestId, ...storage.answer(body.action, body, publicBaseUrl(req), env) };
  }
  try {
    const r = engine.dispatch(body.action, body);
    const answer: Record<string, unknown> = { requestId, ...(r.top ?? {}) };
    if (r.data !== undefined) answer.data = r.data;
    return answer;
  } catch (e) {
    if (e instanceof DbError) return { requestId, code: e.code, message: e.message };
    return { requestId, code: 'SYS_ERR', message: (e as Error)?.message ?? String(e) };
  }
}

/**
 * The origin links should point at: `EMULATOR_PUBLIC_URL` when set (a gateway reachable from a
 * phone on the LAN), else the host the request came in on.
 */
function publicBaseUrl(req: IncomingMessage): string {
  const configured = process.env.EMULATOR_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, '');
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

/** A listening HTTP server around a request handler. */
export interface ListeningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on `host:port` (port 0 = a free port). Keep-alive outlives the SDK's pooled sockets
 * (agentkeepalive frees them after 4.8 s) so a reused socket is never closed under a request.
 */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port: number,
  host: string,
): Promise<ListeningServer> {
  const server = createServer(handler);
  server.keepAliveTimeout = 10_000;
  server.headersTimeout = 15_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 2_000);
        force.unref?.();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
