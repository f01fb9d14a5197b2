/**
 * Local CloudBase database emulator: an HTTP server speaking the wire protocol of the unchanged
 * `@cloudbase/node-sdk` 3.18.3 (`tcb.init({ env, serviceUrl: '<url>/admin', secretId, secretKey })`).
 * See emulator/README.md and docs/adr/0002, 0003.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadOrCreateCredentials, type EmulatorCredentials } from './access';
import { Engine } from './engine';
import { listen, route } from './http';
import { defaultDataDir, loadManifest, type Manifest } from './manifest';
import type { ExplainStats, OperationStats } from './stats';
import { Storage } from './storage';

export {
  configuredAllowedHosts,
  CREDENTIALS_FILE,
  hostProblem,
  isLoopbackAddress,
  isLoopbackHost,
  originProblem,
  type EmulatorCredentials,
} from './access';
export { DbError, type DbErrorCode } from './errors';
export { defaultDataDir, defaultManifestPath, loadManifest, validateManifest } from './manifest';
export type { CollectionSpec, IndexSpec, Manifest } from './manifest';
export type { ExplainedCall, ExplainStats, ExplainTotals, OperationStats } from './stats';

/** Options of {@link createDatabaseEmulator}. */
export interface DatabaseEmulatorOptions {
  /** Data folder. Default: `DATA_DIR` env, else `<project>/.data/emulator`. */
  dataDir?: string;
  /** Collections and indexes. Default: config/database.json. */
  manifest?: Manifest;
  /** Enables `POST /emulator/reset` (drop all data). Off by default. */
  allowReset?: boolean;
  /**
   * The secretId/secretKey every `/admin` request must be signed with (the SDK does it when
   * initialised with them); the secretKey is also the bearer token of the control endpoints.
   * Default: `EMULATOR_SECRET_ID`/`EMULATOR_SECRET_KEY`, else a pair generated once and kept in
   * `<dataDir>/emulator-credentials.json`.
   */
  credentials?: EmulatorCredentials;
  /** Host names accepted in `Host` besides localhost and IP literals (default: `EMULATOR_ALLOWED_HOSTS`). */
  allowedHosts?: readonly string[];
  /** fsync each journal append (survives power loss, much slower). Default: `EMULATOR_FSYNC=1`. */
  fsync?: boolean;
  /** Idle time after which an open transaction is aborted and releases its documents. Default 30 s. */
  transactionTimeoutMs?: number;
  /**
   * Rows an aggregation answers when its pipeline has no `$limit` stage. Default 20, mirroring
   * CloudBase's reported server-side default; 0 disables the cap.
   */
  aggregateDefaultLimit?: number;
  /** Journal size that triggers a compaction into the snapshot. Default 64 MiB. */
  compactBytes?: number;
  /** Where warnings go. Default: console.warn. */
  log?: (msg: string) => void;
}

/** Where `stats()` counts cloud-storage calls (`{ '@storage': { 'storage.getUploadMetadata': n } }`). */
export const STORAGE_STATS_KEY = '@storage';

/** A running database emulator, mountable on any `http.Server`. */
export interface DatabaseEmulator {
  /** Absolute data folder. */
  readonly dataDir: string;
  /** What `/admin` requests must be signed with: pass to `tcb.init({ serviceUrl, secretId, secretKey })`. */
  readonly credentials: EmulatorCredentials;
  /**
   * Serves `POST /admin…` (the CloudBase API, signed with {@link credentials}) and `/emulator/stats`,
   * `/emulator/stats/reset`, `/emulator/reset`, `/emulator/wx-api-calls` (bearer secretKey),
   * `/emulator/health` and the storage links; refuses a foreign `Host` or `Origin` on all of them.
   * Returns false, leaving `res` untouched, for other paths.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Operation counters `{ [collection]: { [action]: n } }` (action without `database.`; `*` = no collection). */
  stats(): OperationStats;
  /** Zeroes the counters (operation counts and `explain` figures). */
  resetStats(): void;
  /**
   * Documents examined and returned per collection and action, plus the last calls with the
   * index each used (null = full scan): `GET /emulator/explain`.
   */
  explain(): ExplainStats;
  /** Drops all data, open transactions and counters; throws unless created with `allowReset`. */
  reset(): void;
  /** Closes the journal (after which requests answer `SYS_ERR`). Idempotent. */
  close(): Promise<void>;
}

/**
 * Opens (or creates) the data folder, replays snapshot + journal, compacts, and returns the
 * emulator. Rejects when another live process holds the folder.
 */
export async function createDatabaseEmulator(opts: DatabaseEmulatorOptions = {}): Promise<DatabaseEmulator> {
  const dataDir = opts.dataDir ?? process.env.DATA_DIR ?? defaultDataDir();
  const allowReset = opts.allowReset === true;
  const credentials = opts.credentials ?? loadOrCreateCredentials(dataDir);
  let engine: Engine | undefined = new Engine({
    dataDir,
    manifest: opts.manifest ?? loadManifest(),
    fsync: opts.fsync ?? process.env.EMULATOR_FSYNC === '1',
    transactionTimeoutMs: opts.transactionTimeoutMs ?? 30_000,
    aggregateDefaultLimit: opts.aggregateDefaultLimit ?? 20,
    compactBytes: opts.compactBytes ?? 64 * 1024 * 1024,
    log: opts.log ?? ((msg) => console.warn(`[db-emulator] ${msg}`)),
  });
  const storage = new Storage(dataDir);
  const reset = (): void => {
    if (!allowReset) throw new Error('reset is disabled: create the emulator with { allowReset: true }');
    if (!engine) throw new Error('the emulator is closed');
    engine.reset();
    engine.counters.reset();
    engine.explained.reset();
    storage.reset();
  };
  const stats = (): OperationStats => {
    if (!engine) return {};
    const all = engine.stats();
    if (Object.keys(storage.calls).length > 0) all[STORAGE_STATS_KEY] = { ...storage.calls };
    return all;
  };
  const resetStats = (): void => {
    engine?.counters.reset();
    engine?.explained.reset();
    for (const key of Object.keys(storage.calls)) delete storage.calls[key];
  };
  const host = {
    engine: () => engine,
    storage: () => (engine ? storage : undefined),
    allowReset,
    reset,
    stats,
    resetStats,
    credentials,
    allowedHosts: opts.allowedHosts ?? [],
  };
  return {
    dataDir,
    credentials,
    handle: (req, res) => route(host, req, res),
    stats,
    resetStats,
    explain: () => engine?.explain() ?? { totals: {}, recent: [] },
    reset,
    close: async () => {
      engine?.close();
      engine = undefined;
    },
  };
}

/** A database emulator on its own HTTP server. */
export interface StartedDatabaseEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `${url}/admin`: pass as `serviceUrl` to `tcb.init`. */
  serviceUrl: string;
  /** Pass as `secretId`/`secretKey` to `tcb.init` (and the secretKey as the control endpoints' bearer token). */
  credentials: EmulatorCredentials;
  emulator: DatabaseEmulator;
  /** Stops listening, then closes the emulator. */
  close(): Promise<void>;
}

/** Starts {@link createDatabaseEmulator} on its own server (default 127.0.0.1, port 0 = random free port). */
export async function startDatabaseEmulator(
  opts: DatabaseEmulatorOptions & { port?: number; host?: string } = {},
): Promise<StartedDatabaseEmulator> {
  const emulator = await createDatabaseEmulator(opts);
  let server;
  try {
    server = await listen(
      (req, res) => {
        if (!emulator.handle(req, res)) {
          res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ code: 'NOT_FOUND', message: `no route for ${req.method} ${req.url}` }));
        }
      },
      opts.port ?? 0,
      opts.host ?? '127.0.0.1',
    );
  } catch (e) {
    await emulator.close();
    throw e;
  }
  const s = server;
  return {
    url: s.url,
    serviceUrl: `${s.url}/admin`,
    credentials: emulator.credentials,
    emulator,
    close: async () => {
      await s.close();
      await emulator.close();
    },
  };
}

export { clearWxApiCalls, recordedWxApiCalls, type WxApiCall } from './wx-api';
