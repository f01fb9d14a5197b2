/**
 * Shared setup of the contract suite. Every test drives the database only through the real
 * `@cloudbase/node-sdk`, either against a local emulator started per test file (default) or, when
 * `TCB_ENV`, `TCB_SECRET_ID` and `TCB_SECRET_KEY` are set, against that real CloudBase environment.
 */
import * as tcb from '@cloudbase/node-sdk';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CREDENTIALS_FILE,
  loadManifest,
  startDatabaseEmulator,
  type DatabaseEmulatorOptions,
  type EmulatorCredentials,
  type Manifest,
  type StartedDatabaseEmulator,
} from '../../emulator/db';

/** The SDK's app (database, storage, functions). */
export type App = ReturnType<typeof tcb.init>;
/** The SDK's database object. */
export type Db = ReturnType<App['database']>;
/** A collection reference (also what a transaction's `collection()` returns). */
export type CollectionRef = ReturnType<Db['collection']>;
/** The transaction object `runTransaction` passes and `startTransaction` resolves to. */
export interface Tx {
  collection(name: string): CollectionRef;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

/** Credentials of a real CloudBase environment, when the three variables are set. */
export interface RealCloudbaseConfig {
  env: string;
  secretId: string;
  secretKey: string;
}

/** Reads `TCB_ENV`, `TCB_SECRET_ID`, `TCB_SECRET_KEY`; undefined unless all three are set. */
export function realCloudbaseConfig(): RealCloudbaseConfig | undefined {
  const { TCB_ENV: env, TCB_SECRET_ID: secretId, TCB_SECRET_KEY: secretKey } = process.env;
  return env && secretId && secretKey ? { env, secretId, secretKey } : undefined;
}

export { codeOf, rejectionCode, sleep } from './sdk-helpers';
import { codeOf } from './sdk-helpers';

/** Set when the suite runs against real CloudBase instead of the emulator. */
export const REAL_CLOUDBASE = realCloudbaseConfig();

if (!REAL_CLOUDBASE) {
  // Off Tencent Cloud, SDK 3.18.3 probes http://metadata.tencentyun.com (30 ms timeout, never
  // cached on failure) before every request, adding ~30 ms per call and leaving DNS lookups open
  // after the tests. TENCENTCLOUD=true skips the probe; with an explicit serviceUrl it changes
  // nothing else. Never set it when talking to real CloudBase from outside Tencent Cloud: the SDK
  // would then pick the internal endpoint.
  process.env.TENCENTCLOUD = 'true';
}

/** `it` for emulator-only behaviour (counters, kill -9, reset, emulator strictness); skipped against real CloudBase. */
export const itEmulatorOnly: jest.It = REAL_CLOUDBASE ? it.skip : it;

/** `describe` for emulator-only behaviour; skipped against real CloudBase. */
export const describeEmulatorOnly: jest.Describe = REAL_CLOUDBASE ? describe.skip : describe;

/**
 * Scratch collection of the suite. Documents carry the file's `run` tag, so runs against a shared
 * real environment never see each other's rows.
 */
export const SCRATCH = 'contract_tests';

/**
 * Collections the suite needs besides the project's manifest, with their indexes. The emulator
 * gets them added to config/database.json's collections; a real environment must have them
 * created (with these indexes) before a real run.
 */
export const CONTRACT_COLLECTIONS: Manifest['collections'] = {
  contract_unique: {
    indexes: [
      { name: 'key_unique', keys: { key: 1 }, unique: true },
      { name: 'items_tag', keys: { 'items.tag': 1 } },
    ],
  },
  contract_pairs: { indexes: [{ name: 'pair_unique', keys: { a: 1, b: 1 }, unique: true }] },
  contract_geo: { indexes: [{ name: 'location_geo', keys: { location: '2dsphere' } }] },
  contract_geo_two: {
    indexes: [
      { name: 'home_geo', keys: { home: '2dsphere' } },
      { name: 'work_geo', keys: { work: '2dsphere' } },
    ],
  },
};

/** The manifest the suite's emulators use: the project's plus {@link CONTRACT_COLLECTIONS}. */
export function contractManifest(): Manifest {
  return { collections: { ...loadManifest().collections, ...CONTRACT_COLLECTIONS } };
}

/** Project root (tests/contract → ../..). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** What a test file gets from {@link useContract}; filled in by its beforeAll. */
export interface ContractContext {
  readonly db: Db;
  /** The SDK app the database came from (cloud storage lives here). */
  readonly app: App;
  /** The emulator of this file (undefined against real CloudBase). */
  readonly emulator: StartedDatabaseEmulator | undefined;
  /** A tag unique to this file's run: put it in every document and id. */
  readonly run: string;
  /** Registers rows to delete after the file (against real CloudBase; the emulator's folder is discarded). */
  cleanupLater(collection: string, filter: Record<string, unknown>): void;
}

/** Options of {@link useContract}. */
export interface ContractOptions {
  /** Extra emulator options (e.g. a short `transactionTimeoutMs`). */
  emulator?: Partial<DatabaseEmulatorOptions>;
}

/** Creates a collection unless it exists (CloudBase answers DATABASE_COLLECTION_ALREADY_EXIST). */
export async function ensureCollection(db: Db, name: string): Promise<void> {
  try {
    await db.createCollection(name);
  } catch (e) {
    if (codeOf(e) !== 'DATABASE_COLLECTION_ALREADY_EXIST') throw e;
  }
}

/** Initialises the SDK exactly as cloud functions do, pointed at an emulator when given. */
export function initSdk(emulator?: EmulatorEndpoint): Db {
  return initApp(emulator).database();
}

/** Where an emulator answers and the credential it accepts. */
export interface EmulatorEndpoint {
  serviceUrl: string;
  credentials: EmulatorCredentials;
}

/** The SDK app, pointed at an emulator (signing with its credential) when given, else at the real environment. */
export function initApp(emulator?: EmulatorEndpoint): App {
  if (emulator) return tcb.init({ env: 'local', serviceUrl: emulator.serviceUrl, ...emulator.credentials });
  const real = REAL_CLOUDBASE;
  if (!real) throw new Error('no serviceUrl and no real CloudBase credentials');
  return tcb.init({ env: real.env, secretId: real.secretId, secretKey: real.secretKey, timeout: 30_000 });
}

/**
 * Registers beforeAll/afterAll for one test file: a fresh emulator on port 0 with a temporary
 * data folder (or the real environment), the SDK initialised against it, and the scratch
 * collection created.
 */
export function useContract(options: ContractOptions = {}): ContractContext {
  const cleanups: Array<[string, Record<string, unknown>]> = [];
  const state: { app?: App; db?: Db; emulator?: StartedDatabaseEmulator; dataDir?: string } = {};
  const run = `ct${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const ctx: ContractContext = {
    get db(): Db {
      if (!state.db) throw new Error('contract context used before beforeAll');
      return state.db;
    },
    get app(): App {
      if (!state.app) throw new Error('contract context used before beforeAll');
      return state.app;
    },
    get emulator() {
      return state.emulator;
    },
    run,
    cleanupLater(collection, filter) {
      cleanups.push([collection, filter]);
    },
  };
  beforeAll(async () => {
    if (REAL_CLOUDBASE) {
      state.app = initApp();
    } else {
      state.dataDir = mkdtempSync(join(tmpdir(), 'cb-contract-'));
      state.emulator = await startDatabaseEmulator({
        dataDir: state.dataDir,
        manifest: contractManifest(),
        allowReset: true,
        ...options.emulator,
      });
      state.app = initApp(state.emulator);
    }
    state.db = state.app.database();
    await ensureCollection(state.db, SCRATCH);
  }, 60_000);
  afterAll(async () => {
    if (REAL_CLOUDBASE && state.db) {
      const db = state.db;
      await Promise.allSettled(
        [[SCRATCH, { run }] as const, ...cleanups].map(([c, f]) => db.collection(c).where(f).remove()),
      );
    }
    await state.emulator?.close();
    if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
  }, 60_000);
  return ctx;
}

/** The id `add(doc)` answered (typed optional by the SDK). */
export function insertedId(res: { id?: string }): string {
  if (typeof res.id !== 'string') throw new Error(`add() answered no id: ${JSON.stringify(res)}`);
  return res.id;
}

/** The ids `add([...])` answered. */
export function insertedIds(res: { ids?: string[] }): string[] {
  if (!Array.isArray(res.ids)) throw new Error(`add([...]) answered no ids: ${JSON.stringify(res)}`);
  return res.ids;
}

/** Inserts documents in batches of 100 (a size real CloudBase accepts), four batches at a time. */
export async function insertMany(col: CollectionRef, docs: Array<Record<string, unknown>>): Promise<string[]> {
  const batches: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < docs.length; i += 100) batches.push(docs.slice(i, i + 100));
  const ids: string[] = [];
  for (let i = 0; i < batches.length; i += 4) {
    const results = await Promise.all(batches.slice(i, i + 4).map((b) => col.add(b)));
    for (const r of results) ids.push(...(r as { ids: string[] }).ids);
  }
  return ids;
}

/** `Authorization: Bearer <secretKey>`, what the emulator's control endpoints (`/emulator/stats` …) ask for. */
export function controlHeaders(credentials: EmulatorCredentials): Record<string, string> {
  return { authorization: `Bearer ${credentials.secretKey}` };
}

/** A standalone emulator process (`node --import tsx emulator/main.ts`). */
export interface EmulatorProcess {
  child: ChildProcess;
  serviceUrl: string;
  url: string;
  /** The credential the process generated in its data folder. */
  credentials: EmulatorCredentials;
  /** Output so far (for failure messages). */
  output(): string;
  /** Sends a signal and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Spawns the standalone emulator on a random port with `dataDir`, resolving once it listens.
 * `launcher` runs it through another program that execs node in turn (e.g. `prlimit --fsize=…`),
 * so the child's pid is still the emulator's.
 */
export function spawnEmulator(
  dataDir: string,
  extraEnv: Record<string, string> = {},
  launcher: string[] = [],
): Promise<EmulatorProcess> {
  const [command, ...prefix] = [...launcher, process.execPath];
  const child = spawn(command, [...prefix, '--import', 'tsx', 'emulator/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`emulator did not start within 20 s:\n${out}`));
    }, 20_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = /serviceUrl=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const serviceUrl = m[1];
        resolvePromise({
          child,
          serviceUrl,
          credentials: JSON.parse(readFileSync(join(dataDir, CREDENTIALS_FILE), 'utf8')) as EmulatorCredentials,
          url: serviceUrl.replace(/\/admin$/, ''),
          output: () => out,
          kill: async (signal) => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited early (${code ?? signal}):\n${out}`));
    });
  });
}
