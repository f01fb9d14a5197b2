import tcb from '@cloudbase/node-sdk';

/** The SDK's database handle, as `app.database()` returns it. */
export type Database = ReturnType<ReturnType<typeof tcb.init>['database']>;

/** What every action receives: the database and a clock. Built once per function instance. */
export interface Deps {
  db: Database;
  /** The current instant; tests and the benchmark may replace it. */
  now(): Date;
  /** The CloudBase app, for the context helpers and (later) storage and openapi. */
  app: ReturnType<typeof tcb.init>;
}

let cached: Deps | undefined;
let clock: () => Date = () => new Date();

/**
 * The process-wide dependencies. On CloudBase the SDK picks the current environment; locally
 * `TCB_SERVICE_URL` points the unchanged SDK at the emulator (`http://127.0.0.1:<port>/admin`).
 */
export function getDeps(): Deps {
  if (!cached) {
    const serviceUrl = process.env.TCB_SERVICE_URL;
    // Against the local emulator, skip the SDK's cloud-metadata probe (≈30 ms per call that can
    // never succeed off Tencent Cloud). Only here: on CloudBase it would pick the internal endpoint.
    if (serviceUrl) process.env.TENCENTCLOUD ??= 'true';
    const app = serviceUrl
      ? tcb.init({
          env: process.env.TCB_ENV ?? 'local',
          serviceUrl,
          secretId: process.env.TCB_SECRET_ID ?? 'local',
          secretKey: process.env.TCB_SECRET_KEY ?? 'local',
          timeout: 30000,
        })
      : tcb.init({ env: process.env.TCB_ENV ?? tcb.SYMBOL_CURRENT_ENV });
    cached = { app, db: app.database(), now: () => clock() };
  }
  return cached;
}

/** Replace the clock (tests, benchmark, demo). Passing nothing restores real time. */
export function setClock(next?: () => Date): void {
  clock = next ?? (() => new Date());
}

/** Forget the memoised SDK app (tests that restart the emulator on another port). */
export function resetDeps(): void {
  cached = undefined;
}

/** The WeChat identity CloudBase puts in an invocation's context (empty for HTTP/timer calls). */
export function openidFromContext(context: unknown): string | undefined {
  if (!context || typeof context !== 'object') return undefined;
  const openid = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]).WX_OPENID;
  return typeof openid === 'string' && openid.length > 0 ? openid : undefined;
}

/**
 * True when the platform invoked the function from a timer trigger: CloudBase puts
 * `TRIGGER_SRC=timer` in such an invocation's environment (read through `getCloudbaseContext`, as
 * the SDK itself does to choose the timer's WeChat API token). Events are caller-supplied; this is not.
 */
export function isTimerInvocation(context: unknown): boolean {
  if (!context || typeof context !== 'object') return false;
  try {
    return tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]).TRIGGER_SRC === 'timer';
  } catch {
    return false;
  }
}
