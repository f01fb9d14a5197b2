/**
 * Glue that lets miniprogram-simulate render pages of the REAL `dist/weapp` build (official wcc
 * compiler) in jsdom. Taro registers pages with `Page()` while simulate only knows `Component()`,
 * so `Page` becomes a Component whose lifetimes call onLoad/onShow/onReady. Whatever `wx.*` is
 * defined before `app.js` loads is what `Taro.*` calls — including `wx.cloud.callFunction`, which
 * the tests route to the real cloud functions running against the database emulator.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as nodeTimers from 'node:timers';
import simulate from 'miniprogram-simulate';
import { seedDemoDistrict } from '../../emulator/seed/demo';
import { startBackend, type Backend } from '../service/support';
import { describeMismatch, textMatches, type TextExpectation } from '../text-match';

export const WEAPP_ROOT = path.resolve(__dirname, '../../dist/weapp');

/** Answers `wx.cloud.callFunction({ name, data })` with the function's return value (`result`). */
export type CloudRouter = (name: string, event: { action: string; data: unknown }) => Promise<unknown>;

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };
type AnyFn = (...args: never[]) => unknown;
interface PageInstance {
  route: string;
  __route__: string;
  options: Record<string, string>;
  onLoad?: (options: Record<string, string>) => void;
  onShow?: () => void;
  onReady?: () => void;
  onUnload?: () => void;
}

/** What the app asked the platform for, so tests can assert on dialogs, toasts and navigation. */
export interface WeappRecorder {
  /** `name.action` of every cloud call, in order. */
  calls: string[];
  toasts: string[];
  /** `title: content` of every `wx.showModal` (the app's error dialog). */
  modals: string[];
  /** `navigateTo`/`redirectTo`/`switchTab`/`navigateBack` targets. */
  navigations: string[];
  /** wcc runtime warnings (`WXMLRT_…`), e.g. an element with no mini-program template. */
  templateWarnings: string[];
  /** `name latitude,longitude` of every `wx.openLocation`, and `call <number>` of every `wx.makePhoneCall`. */
  platform: string[];
}

/** What `wx.getLocation` answers: a position, or the failure WeChat reports (e.g. a refused permission). */
let locationAnswer: { latitude: number; longitude: number } | { errMsg: string } = {
  errMsg: 'getLocation:fail auth deny',
};

/** Sets what `wx.getLocation` answers from now on. */
export function answerLocation(answer: { latitude: number; longitude: number } | { errMsg: string }): void {
  locationAnswer = answer;
}

export const recorder: WeappRecorder = {
  calls: [],
  toasts: [],
  modals: [],
  navigations: [],
  templateWarnings: [],
  platform: [],
};

let router: CloudRouter | null = null;
/** Cloud calls still running, so teardown can let them finish before the database stops. */
const inFlight = new Set<Promise<unknown>>();
/** Every page rendered in this file, detached at teardown. */
const openedPages: RenderedPage[] = [];
let launched = false;
const storage = new Map<string, unknown>();
const pageStack: PageInstance[] = [];
let nextPage: { route: string; query: Record<string, string> } | null = null;

/** Completes a callback-style wx API the way WeChat does. */
function ok(res: Record<string, unknown> = {}) {
  return (options: Callbacks = {}) => {
    const answer = { errMsg: 'ok', ...res };
    setTimeout(() => {
      options.success?.(answer);
      options.complete?.(answer);
    }, 0);
  };
}

function record(list: string[], pick: (options: Record<string, unknown>) => string) {
  return (options: Callbacks & Record<string, unknown> = {}) => {
    list.push(pick(options));
    ok()(options);
  };
}

function defineWx(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  const windowInfo = {
    windowWidth: 375,
    windowHeight: 667,
    screenWidth: 375,
    screenHeight: 812,
    pixelRatio: 2,
    statusBarHeight: 44,
  };
  const wx: Record<string, unknown> = {
    cloud: {
      init: () => undefined,
      callFunction: async ({ name, data }: { name: string; data: { action: string; data: unknown } }) => {
        if (!router) throw { errMsg: 'cloud.callFunction:fail no backend routed in the test' };
        recorder.calls.push(`${name}.${data.action}`);
        const call = router(name, data);
        inFlight.add(call);
        try {
          // WeChat hands back the function's return value as `result`.
          return { result: await call, errMsg: 'cloud.callFunction:ok', requestID: 'simulate' };
        } finally {
          inFlight.delete(call);
        }
      },
    },
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getStorage: ({ key, ...cb }: Callbacks & { key: string }) => ok({ data: storage.get(key) })(cb),
    setStorage: ({ key, data, ...cb }: Callbacks & { key: string; data: unknown }) => {
      storage.set(key, data);
      ok()(cb);
    },
    getAppBaseInfo: () => ({ SDKVersion: '3.5.0', fontSizeScaleFactor: 1, theme: 'light', language: 'zh_CN' }),
    getSystemInfoSync: () => ({
      ...windowInfo,
      platform: 'devtools',
      SDKVersion: '3.5.0',
      fontSizeSetting: 16,
      version: '8.0.50',
    }),
    getWindowInfo: () => windowInfo,
    getDeviceInfo: () => ({ platform: 'devtools', system: 'iOS 17', brand: 'devtools', model: 'iPhone' }),
    getMenuButtonBoundingClientRect: () => ({ top: 48, bottom: 80, left: 281, right: 368, width: 87, height: 32 }),
    showToast: record(recorder.toasts, (o) => String(o.title)),
    hideToast: ok(),
    showLoading: ok(),
    hideLoading: ok(),
    showModal: (options: Callbacks & Record<string, unknown> = {}) => {
      recorder.modals.push(`${String(options.title)}: ${String(options.content)}`);
      ok({ confirm: true, cancel: false })(options);
    },
    navigateTo: record(recorder.navigations, (o) => `navigateTo ${String(o.url)}`),
    redirectTo: record(recorder.navigations, (o) => `redirectTo ${String(o.url)}`),
    switchTab: record(recorder.navigations, (o) => `switchTab ${String(o.url)}`),
    reLaunch: record(recorder.navigations, (o) => `reLaunch ${String(o.url)}`),
    navigateBack: record(recorder.navigations, () => 'navigateBack'),
    setNavigationBarTitle: ok(),
    stopPullDownRefresh: ok(),
    pageScrollTo: ok(),
    makePhoneCall: record(recorder.platform, (o) => `call ${String(o.phoneNumber)}`),
    openLocation: record(recorder.platform, (o) => `${String(o.name)} ${String(o.latitude)},${String(o.longitude)}`),
    getLocation: (options: Callbacks = {}) => {
      const answer = locationAnswer;
      setTimeout(() => {
        if ('errMsg' in answer) {
          options.fail?.(answer);
          options.complete?.(answer);
        } else ok({ ...answer, accuracy: 30 })(options);
      }, 0);
    },
    openSetting: ok({ authSetting: { 'scope.userLocation': false } }),
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    onAppRoute: () => undefined,
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    createSelectorQuery: () => ({
      select: () => ({ boundingClientRect: () => ({ exec: () => undefined }) }),
      exec: () => undefined,
    }),
  };
  g.wx = wx;

  let app: Record<string, AnyFn> | undefined;
  g.App = (config: Record<string, AnyFn>) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pageStack;
  // Taro calls Page(createPageConfig(...)); simulate only registers Components.
  g.Page = (config: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value;
    const Component = g.Component as (definition: unknown) => void;
    Component({
      data: (config.data as object | undefined) ?? {},
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          const opening = nextPage ?? { route: 'unknown', query: {} };
          nextPage = null;
          this.route = opening.route;
          this.__route__ = opening.route;
          this.options = opening.query;
          pageStack.push(this);
          this.onLoad?.(opening.query);
          this.onShow?.();
        },
        ready(this: PageInstance) {
          this.onReady?.();
        },
        detached(this: PageInstance) {
          const index = pageStack.indexOf(this);
          if (index >= 0) pageStack.splice(index, 1);
          this.onUnload?.();
        },
      },
    });
  };

  // The template runtime reports through console.warn from inside the minified build, and jest
  // would print a code frame of that one-line file. Keep each distinct warning, print it once, short.
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const message = String(args[0]);
    if (!message.startsWith('WXMLRT_')) return warn(...args);
    if (recorder.templateWarnings.includes(message)) return;
    recorder.templateWarnings.push(message);
    process.stderr.write(`[weapp template] ${message}\n`);
  };

  // Loading the app defines Taro's API from `wx` and runs App(); launch it as WeChat would.
  require(path.join(WEAPP_ROOT, 'app.js'));
  if (!app) throw new Error('dist/weapp/app.js did not call App()');
  app.onLaunch?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 } as never);
  app.onShow?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 } as never);
}

/** Fails loudly when the weapp build is missing. */
export function assertWeappBuilt(): void {
  if (!existsSync(path.join(WEAPP_ROOT, 'app.js'))) {
    throw new Error(`No weapp build at ${WEAPP_ROOT}. Run \`npx taro build --type weapp\` first.`);
  }
}

/** Defines `wx`, `App`, `Page`…, routes cloud calls, and loads + launches the built app (once per file). */
export function launchWeapp(route: CloudRouter): void {
  assertWeappBuilt();
  router = route;
  if (launched) return;
  launched = true;
  defineWx();
}

export type RenderedPage = ReturnType<typeof simulate.render>;

/**
 * Renders one page of the build, as if opened with `?query`, and lets the first async render
 * settle. A page path can be loaded once per test file (jest's module registry caches its js).
 */
export async function openPage(route: string, query: Record<string, string> = {}): Promise<RenderedPage> {
  const id = simulate.load(path.join(WEAPP_ROOT, route), { compiler: 'official', rootPath: WEAPP_ROOT });
  const page = simulate.render(id);
  openedPages.push(page);
  nextPage = { route, query };
  page.attach(document.createElement('parent-wrapper'));
  page.triggerLifeTime('ready');
  await simulate.sleep(0);
  return page;
}

/**
 * Unloads every rendered page (React unmounts, live-reload timers stop), stops routing cloud
 * calls and waits for the ones still running, so the backend can then be closed cleanly.
 */
export async function closeWeapp(): Promise<void> {
  // `detach` exists on j-component's root component; its typings leave it out.
  for (const page of openedPages.splice(0)) (page as unknown as { detach(): void }).detach();
  router = null;
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

/** The page's visible text (every text node the wcc template rendered). */
export function textOf(page: RenderedPage): string {
  return page.dom?.textContent ?? '';
}

/**
 * Polls until `check` passes (it throws or returns false/undefined until then), like Testing
 * Library's waitFor. On timeout the error shows the page's text and the dialogs the app opened.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  page?: RenderedPage,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== undefined) return value;
      last = new Error(`check returned ${String(value)}`);
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const seen = page ? `\n  page text: ${textOf(page).slice(0, 600)}` : '';
      const dialogs = recorder.modals.length ? `\n  dialogs: ${recorder.modals.join(' | ')}` : '';
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${what}: ${last instanceof Error ? last.message : String(last)}${seen}${dialogs}`,
      );
    }
    await simulate.sleep(25);
  }
}

/** Taro's page data tree: `{ nn: nodeName, cn: children, v: text, uid/sid, id?, cl?… }`. */
export interface TaroNode {
  nn?: string | number;
  v?: string;
  uid?: string;
  sid?: string;
  id?: string;
  cn?: TaroNode[];
  [attr: string]: unknown;
}

/** The root of the page's data tree (what Taro's reconciler `setData`s into the page). */
export function dataTree(page: RenderedPage): TaroNode {
  const data = page.instance.data as Record<string, unknown>;
  return (data.root ?? data) as TaroNode;
}

/** Depth-first search of the data tree. */
export function findNode(node: TaroNode | undefined, match: (node: TaroNode) => boolean): TaroNode | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (match(node)) return node;
  for (const child of node.cn ?? []) {
    const found = findNode(child, match);
    if (found) return found;
  }
  return undefined;
}

/** All text below a data-tree node. */
export function nodeText(node: TaroNode | undefined): string {
  if (!node) return '';
  return (typeof node.v === 'string' ? node.v : '') + (node.cn ?? []).map(nodeText).join('');
}

/** The data-tree node with a given element id (Taro keeps `id` as written in JSX). */
export function byId(page: RenderedPage, id: string): TaroNode | undefined {
  return findNode(dataTree(page), (node) => node.uid === id || node.id === id);
}

/**
 * Waits until the element with this id says `expected`: contains it, or with `{ exact: true }`
 * reads exactly it (whitespace collapsed; tests/text-match.ts) — the same rule as the e2e
 * `expectText`. On timeout the error quotes what the element said instead.
 */
export async function expectText(
  page: RenderedPage,
  id: string,
  expected: string | RegExp,
  { exact = false, timeout = 15_000 }: TextExpectation = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const node = byId(page, id);
    const seen = node ? nodeText(node) : null;
    if (seen !== null && textMatches(seen, expected, exact)) return;
    if (Date.now() > deadline) {
      const dialogs = recorder.modals.length ? `\n  dialogs: ${recorder.modals.join(' | ')}` : '';
      throw new Error(describeMismatch(`#${id}`, expected, exact, seen, timeout) + dialogs);
    }
    await simulate.sleep(25);
  }
}

/**
 * Before every request the SDK asks http://metadata.tencentyun.com (through axios) whether it runs
 * inside Tencent Cloud, and does not remember a failed answer. Off the cloud that is one DNS lookup
 * per database call: under jsdom each failure is printed (XHR adapter) and the queued lookups keep
 * jest alive for seconds after the tests. Answer "not in the cloud" at once, as the lookup would.
 */
function skipCloudMetadataProbe(): void {
  type Adapter = (config: { url?: string }) => Promise<unknown>;
  const axios = require('axios') as { defaults: { adapter?: Adapter } };
  const nodeAdapter = require('axios/lib/adapters/http') as Adapter;
  axios.defaults.adapter = (config) =>
    config.url?.startsWith('http://metadata.tencentyun.com')
      ? Promise.reject(new Error('not in Tencent Cloud'))
      : nodeAdapter(config);
}

type TimerGlobals = Pick<typeof globalThis, 'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval'>;

/** Runs `fn` with Node's timers in place of jsdom's (whose handles are numbers without `unref`). */
async function withNodeTimers<T>(names: (keyof TimerGlobals)[], fn: () => Promise<T>): Promise<T> {
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = names.map((name) => [name, g[name]] as const);
  for (const name of names) g[name] = nodeTimers[name];
  try {
    return await fn();
  } finally {
    for (const [name, value] of saved) g[name] = value;
  }
}

/**
 * `startBackend()` from the service tests (database emulator on a random port, the real
 * functions, the demo seed), made to work under jsdom: the emulator calls `setInterval(...).unref()`
 * and `setTimeout(...).unref()`, which jsdom's timers lack, so it starts and stops with Node's.
 */
export async function startBackendInJsdom(): Promise<Backend> {
  skipCloudMetadataProbe();
  const backend = await withNodeTimers(['setInterval'], () => startBackend({ seed: false }));
  // The page judges "sign-up open?" with the device's clock: give the functions the same "now",
  // and seed relative to it (the service tests' fixed T0 would drift into the past).
  backend.clock.now = new Date();
  await seedDemoDistrict(backend.db, backend.clock.now);
  const close = backend.close;
  backend.close = () => withNodeTimers(['setTimeout', 'clearTimeout', 'clearInterval'], close);
  return backend;
}

/**
 * Taps the element with this id as WeChat would: a `tap` event on the rendered node, which the
 * template binds to Taro's event handler (`bindtap="eh"`), which calls the React `onClick`.
 */
export function tap(page: RenderedPage, id: string): void {
  const element = page.querySelector(`#${id}`);
  if (!element) throw new Error(`#${id} is not on the page (text: ${textOf(page).slice(0, 300)})`);
  element.dispatchEvent('tap');
}

/** The string attributes of a data-tree node (Taro keeps them under short keys, e.g. `src` as `p4`). */
export function attributeValues(node: TaroNode | undefined): string[] {
  return Object.values(node ?? {}).filter((value): value is string => typeof value === 'string');
}

/**
 * `wx.createSelectorQuery` for pages that measure layout (NutUI Tabs calls
 * `selectAll(…).boundingClientRect().exec(cb)` and reads `res[1][i]`). jsdom has no layout, so, as
 * WeChat does for nodes it cannot measure, `select` answers null and `selectAll` an empty list,
 * one entry per query, in order.
 */
export function layoutlessSelectorQuery() {
  const answers: unknown[] = [];
  const query = {
    in: () => query,
    select: () => target(null),
    selectAll: () => target([]),
    selectViewport: () => target(null),
    exec: (cb?: (res: unknown[]) => void) => {
      setTimeout(() => cb?.(answers), 0);
    },
  };
  const target = (answer: unknown) => {
    // `boundingClientRect(cb)`, `fields(options, cb)`: the callback, when given, comes last.
    const collect = (...args: unknown[]) => {
      answers.push(answer);
      const cb = args.find((arg): arg is (res: unknown) => void => typeof arg === 'function');
      if (cb) setTimeout(() => cb(answer), 0);
      return query;
    };
    return { boundingClientRect: collect, scrollOffset: collect, fields: collect, node: collect };
  };
  return query;
}

/**
 * Adds platform APIs this file's pages need beyond the defaults (camera, files, documents …).
 * Taro binds `wx.*` when app.js loads, so they are added the moment the global `wx` is assigned;
 * call this at module level, before `launchWeapp`.
 */
export function addWxApis(extra: Record<string, unknown>): void {
  let wxObject: Record<string, unknown> | undefined;
  Object.defineProperty(globalThis, 'wx', {
    configurable: true,
    get: () => wxObject,
    set: (value: Record<string, unknown>) => {
      Object.assign(value, extra);
      wxObject = value;
    },
  });
}

/**
 * An asynchronous wx API answering `answer(options)` as WeChat does: through `success`/`fail`/
 * `complete` when given, else as a Promise (WeChat's base library ≥ 2.10.2 returns one when no
 * callback is passed, and Taro forwards APIs it does not promisify itself as direct calls).
 */
export function wxAsync<O extends Record<string, unknown>>(answer: (options: O) => unknown | Promise<unknown>) {
  return (options: O & Callbacks) => {
    const result = Promise.resolve().then(() => answer(options));
    if (!options.success && !options.fail && !options.complete)
      return result.catch((err: unknown) => {
        throw { errMsg: `fail ${(err as Error)?.message ?? String(err)}` };
      });
    void result.then(
      (res) => {
        options.success?.(res);
        options.complete?.(res);
      },
      (err: unknown) => {
        const fail = { errMsg: `fail ${(err as Error)?.message ?? String(err)}` };
        options.fail?.(fail);
        options.complete?.(fail);
      },
    );
    return undefined;
  };
}

/**
 * The frame of a weapp test file: before all, checks `dist/weapp` exists, starts a real backend
 * (fresh emulator, demo seed) and launches the app with every cloud call made as `caller()` (the
 * WeChat identity; a function lets a test switch phones); after all, closes both. `started` gets
 * the backend before any test or later `beforeAll` runs.
 */
export function useWeapp(caller: string | (() => string), started: (backend: Backend) => void): void {
  const who = typeof caller === 'string' ? () => caller : caller;
  let backend: Backend | undefined;
  beforeAll(async () => {
    assertWeappBuilt();
    const b = await startBackendInJsdom();
    backend = b;
    started(b);
    launchWeapp((name, event) => b.call(name as Parameters<Backend['call']>[0], event.action, event.data, who()));
  });
  afterAll(async () => {
    await closeWeapp();
    await backend?.close();
  });
}
