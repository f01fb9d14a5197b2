import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { DEV_PERSONA_KEYS, type DevPersona } from '../../shared/contracts/dev';
import { AppError } from '../../shared/errors';
import {
  configuredAllowedHosts,
  createDatabaseEmulator,
  hostProblem,
  isLoopbackAddress,
  isLoopbackHost,
  loadManifest,
  originProblem,
  type DatabaseEmulator,
  type EmulatorCredentials,
} from '../db';
import { buildInvocationContext, buildTimerContext } from './context';
import { SessionSigner } from './session';
import { serveStatic } from './static';

/** CloudBase caps a function request at 6 MB; a receipt photo (≤ 2 MB, base64) fits well within. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

export interface GatewayOptions {
  port: number;
  host?: string;
  dataDir: string;
  /** Folder of the H5 build to serve at `/`; omitted → API only. */
  h5Dir?: string;
  /** Seed the demo district when the database is empty. */
  seed?: boolean;
  /** Expose `/api/dev/login` (local runs only; never in a cloud deploy) to callers on this machine. */
  devLogin?: boolean;
  /**
   * Also accept `/api/dev/login` from other machines (a phone on the LAN): anyone who reaches the
   * port can then sign in as any persona, admin included. `npm start` sets it from
   * `ALLOW_REMOTE_DEV_LOGIN=1`. Off by default.
   */
  remoteDevLogin?: boolean;
  /** Run the scheduled jobs (default on); tests that drive jobs themselves turn it off. */
  timers?: boolean;
  /** The emulator credential (default: the one kept in the data folder, see `createDatabaseEmulator`). */
  credentials?: EmulatorCredentials;
  /** Host names accepted in `Host` besides localhost and IP literals (plus `EMULATOR_ALLOWED_HOSTS`, `EMULATOR_PUBLIC_URL`). */
  allowedHosts?: readonly string[];
  /** Where warnings go (default: console.warn). */
  log?: (message: string) => void;
}

/** Scheduled jobs, mirroring the timer triggers in cloudbaserc.json (every 5 minutes there). */
const SCHEDULE = [
  { fn: 'activities', trigger: 'sweep', everyMs: 60_000 },
  { fn: 'volunteering', trigger: 'autoClose', everyMs: 60_000 },
  { fn: 'donations', trigger: 'lapse', everyMs: 60_000 },
  { fn: 'targets', trigger: 'reconcile', everyMs: 60_000 },
  { fn: 'orders', trigger: 'escalateOrders', everyMs: 60_000 },
] as const;

export interface Gateway {
  url: string;
  serviceUrl: string;
  /** What the emulator behind `serviceUrl` accepts: `tcb.init({ env, serviceUrl, ...credentials })`. */
  credentials: EmulatorCredentials;
  emulator: DatabaseEmulator;
  server: Server;
  close(): Promise<void>;
}

/** The persona → openid map of local sign-in; the seed gives these accounts their roles. */
export function personaOpenid(persona: DevPersona): string {
  return `dev-${persona}`;
}

const ZDevLogin = z.union([
  z.strictObject({ persona: z.enum(DEV_PERSONA_KEYS) }),
  z.strictObject({ openid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
]);

/**
 * One local server on one port: the CloudBase database API the SDK reaches through `serviceUrl`
 * (`/admin`), the functions at `POST /api/<name>` with the caller taken from a signed bearer token
 * and handed to the function in a CloudBase-shaped context, local sign-in, health, and the H5 app.
 */
export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  // No reset here: one request would wipe every booking of the running demo.
  const emulator = await createDatabaseEmulator({
    dataDir: opts.dataDir,
    manifest: loadManifest(),
    allowReset: false,
    credentials: opts.credentials,
    allowedHosts: opts.allowedHosts,
  });
  const { credentials } = emulator;
  const allowedHosts = [...(opts.allowedHosts ?? []), ...configuredAllowedHosts()];
  const signer = SessionSigner.fromDataDir(opts.dataDir);
  // Functions derive their signing and hashing keys from this; on CloudBase it is a function environment variable.
  process.env.APP_SECRET ??= signer.derivedSecret('app-secret');
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? ((message: string) => console.warn(message));
  const server = createServer();
  // The SDK keeps idle sockets for 4.8 s; close ours later than that so a reused socket never races a close.
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((ok) => server.listen(opts.port, host, ok));
  const port = (server.address() as AddressInfo).port;
  const wildcard = host === '0.0.0.0' || host === '::';
  const shownHost = wildcard ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}`;
  const serviceUrl = `${url}/admin`;
  if (!isLoopbackHost(host)) log(exposureWarning(host, port, opts));

  // Functions read these when they first build their SDK app: the unchanged SDK, pointed at us and
  // signing with the emulator's credential.
  process.env.TCB_SERVICE_URL = serviceUrl;
  process.env.TCB_SECRET_ID = credentials.secretId;
  process.env.TCB_SECRET_KEY = credentials.secretKey;
  const [{ FUNCTIONS, isFunctionName }, { getDeps, resetDeps }] = await Promise.all([
    import('./functions'),
    import('../../cloudfunctions/core/deps'),
  ]);
  resetDeps();

  server.on('request', (req, res) => {
    if (emulator.handle(req, res)) return;
    void route(req, res).catch((err: unknown) => {
      console.error('[gateway]', err);
      if (!res.headersSent)
        sendJson(res, 500, {
          ok: false,
          error: { code: 'INTERNAL', userMessage: new AppError('INTERNAL').userMessage, requestId: '' },
        });
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') return sendJson(res, 200, { ok: true, serviceUrl });
    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: wireError('INVALID_INPUT') });
      const body = await readJson(req);
      if (body === TOO_LARGE) return sendJson(res, 413, { ok: false, error: wireError('INVALID_INPUT') });
      if (path === '/api/dev/login') {
        const refusal = devLoginRefusal(req);
        if (refusal) return sendJson(res, 403, { ok: false, error: refusal });
        return sendJson(res, 200, devLogin(body));
      }
      const name = path.slice('/api/'.length);
      if (!isFunctionName(name)) return sendJson(res, 404, { ok: false, error: wireError('UNKNOWN_ACTION') });
      const openid = bearerOpenid(req);
      const answer = await FUNCTIONS[name](body, buildInvocationContext(name, openid));
      return sendJson(res, 200, answer);
    }
    if (opts.h5Dir) return serveStatic(opts.h5Dir, req, res);
    res.writeHead(404).end();
  }

  /**
   * Why this caller may not use local sign-in: it hands out any identity, admin included, so it
   * answers only this machine (unless `remoteDevLogin`) and only pages of this server (a foreign
   * Host is a DNS-rebinding page; a foreign Origin a page of another site).
   */
  function devLoginRefusal(req: IncomingMessage) {
    if (!opts.devLogin) return null;
    const foreign = hostProblem(req, allowedHosts) ?? originProblem(req);
    if (foreign) return wireError('DEV_LOGIN_DISABLED');
    if (!opts.remoteDevLogin && !isLoopbackAddress(req.socket.remoteAddress))
      return {
        code: 'DEV_LOGIN_DISABLED' as const,
        userMessage: '体验登录只对本机开放。用手机测试时请以 ALLOW_REMOTE_DEV_LOGIN=1 启动（见 README）',
        requestId: '',
      };
    return null;
  }

  function devLogin(body: unknown) {
    if (!opts.devLogin) return { ok: false, error: wireError('DEV_LOGIN_DISABLED') };
    const parsed = ZDevLogin.safeParse(body);
    if (!parsed.success) return { ok: false, error: wireError('INVALID_INPUT') };
    const openid = 'persona' in parsed.data ? personaOpenid(parsed.data.persona) : parsed.data.openid;
    const persona = 'persona' in parsed.data ? parsed.data.persona : null;
    return { ok: true, data: { token: signer.issue(openid, new Date()), openid, persona } };
  }

  function bearerOpenid(req: IncomingMessage): string | undefined {
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) return undefined;
    return signer.verify(header.slice('Bearer '.length).trim(), new Date());
  }

  if (opts.seed) {
    const { seedDemoDistrict } = await import('../seed/demo');
    await seedDemoDistrict(getDeps().db, new Date());
  }
  // The data migrations CloudBase gets from `npm run migrate`, on data kept from older versions.
  const { runMigrations } = await import('../../cloudfunctions/core/migrations');
  await runMigrations(getDeps().db, new Date());

  // The same schedule cloudbaserc.json gives CloudBase's timer triggers, run as timer invocations.
  const timers =
    opts.timers === false
      ? []
      : SCHEDULE.map(({ fn, trigger, everyMs }) =>
          setInterval(() => {
            void FUNCTIONS[fn](
              { Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() },
              buildTimerContext(fn),
            ).then((answer) => {
              if (!(answer as { ok?: boolean }).ok) console.error(`[gateway] timer ${fn}.${trigger} failed`, answer);
            });
          }, everyMs),
        );

  return {
    url,
    serviceUrl,
    credentials,
    emulator,
    server,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await emulator.close();
    },
  };
}

/** What binding beyond loopback exposes, said loudly enough to be noticed in a terminal. */
function exposureWarning(host: string, port: number, opts: GatewayOptions): string {
  const bar = '!'.repeat(72);
  return [
    bar,
    `!! 警告 WARNING: the gateway listens on ${host}:${port}, beyond this machine.`,
    '!! Anyone on this network can open the app and call the functions.',
    opts.devLogin && opts.remoteDevLogin
      ? '!! ALLOW_REMOTE_DEV_LOGIN is on: anyone here can sign in as ANY persona, admin included.'
      : '!! Local sign-in (/api/dev/login) still answers this machine only (ALLOW_REMOTE_DEV_LOGIN=1 opens it).',
    '!! The database API (/admin) and emulator controls need the emulator credential.',
    '!! Use a network you trust, and stop the gateway when the test is over.',
    bar,
  ].join('\n');
}

function wireError(code: 'INVALID_INPUT' | 'UNKNOWN_ACTION' | 'DEV_LOGIN_DISABLED' | 'INTERNAL') {
  return { code, userMessage: new AppError(code).userMessage, requestId: '' };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const TOO_LARGE = Symbol('too large');

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return TOO_LARGE;
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
