/**
 * Browser E2E support: the REAL local gateway in-process (database emulator + the real cloud
 * functions + dev sign-in + the H5 build at `/`), Chromium through playwright-core, and small
 * helpers for the H5 pages (hash router, NutUI buttons, failure screenshots).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { resetDeps } from '../../cloudfunctions/core/deps';
import type { ActivityDoc } from '../../cloudfunctions/core/documents';
import { startGateway, type Gateway } from '../../emulator/gateway/server';
import { describeMismatch, textMatches, type TextExpectation } from '../text-match';

export const ROOT = path.resolve(__dirname, '../..');
export const H5_DIR = path.join(ROOT, 'dist/h5');
export const ARTIFACTS_DIR = path.join(ROOT, 'tests/.artifacts');
export const SCREENSHOT_HOME = path.join(ROOT, 'docs/screenshot-home.png');
export const SCREENSHOT_CODE_200 = path.join(ROOT, 'docs/screenshot-check-in-code-200.png');

/** Whether a test should (re)write a docs screenshot: when it is missing or UPDATE_SCREENSHOT=1. */
export function shouldWriteScreenshot(file: string): boolean {
  return process.env.UPDATE_SCREENSHOT === '1' || !existsSync(file);
}

/** Phone-sized viewport (iPhone X class), 2× pixels for a crisp screenshot. */
export const VIEWPORT = { width: 375, height: 812 };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Before every request the SDK asks http://metadata.tencentyun.com (through axios) whether it runs
 * inside Tencent Cloud, and does not remember a failed answer: off the cloud that is one DNS lookup
 * per database call, and the queued lookups keep jest alive for seconds after the tests. Answer
 * "not in the cloud" at once, as the lookup would (the gateway runs in this process).
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

/** Fails loudly when the H5 build is missing. */
export function assertH5Built(): void {
  if (!existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error(`No H5 build at ${H5_DIR}. Run \`npx taro build --type h5\` first.`);
  }
}

export interface E2E {
  gateway: Gateway;
  context: BrowserContext;
  /** The SDK's database handle pointed at the gateway's emulator (`serviceUrl`), for assertions. */
  db: ReturnType<ReturnType<typeof tcb.init>['database']>;
  close(): Promise<void>;
}

/**
 * Starts the gateway on a random port with a fresh data folder (demo district seeded, dev sign-in
 * on) and Chromium with a fresh profile folder.
 */
export async function startE2E(): Promise<E2E> {
  assertH5Built();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'station-link-e2e-data-'));
  const profileDir = mkdtempSync(path.join(tmpdir(), 'station-link-e2e-chromium-'));
  skipCloudMetadataProbe();
  resetDeps();
  const gateway = await startGateway({ port: 0, dataDir, h5Dir: H5_DIR, seed: true, devLogin: true });
  let context: BrowserContext;
  try {
    // Playwright refuses `--user-data-dir` in args: a persistent context is the way to give one.
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
  } catch (error) {
    await gateway.close();
    throw error;
  }
  context.setDefaultTimeout(20_000);
  const app = tcb.init({ env: 'local', serviceUrl: gateway.serviceUrl, ...gateway.credentials, timeout: 30_000 });
  return {
    gateway,
    context,
    db: app.database(),
    close: async () => {
      await context.close().catch(() => undefined);
      await gateway.close();
      resetDeps();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** A test with several people at once: the gateway and one Chromium that opens a "phone" each. */
export interface Phones {
  gateway: Gateway;
  db: E2E['db'];
  /** A new browser context (its own local storage, so its own session) with one tab, signed out. */
  newPhone(): Promise<Page>;
  /** Close every phone opened so far (so the next test starts from fresh sessions). */
  closePhones(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Like `startE2E`, for tests where residents and staff act at once: one launched Chromium (it
 * gives each context its own temporary profile) and a fresh context per phone.
 */
export async function startPhones(): Promise<Phones> {
  assertH5Built();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'station-link-e2e-data-'));
  skipCloudMetadataProbe();
  resetDeps();
  const gateway = await startGateway({ port: 0, dataDir, h5Dir: H5_DIR, seed: true, devLogin: true });
  let browser: Browser;
  try {
    // `headless` makes Playwright add its own headless flag.
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS.filter((a) => a !== '--headless'),
    });
  } catch (error) {
    await gateway.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  const closePhones = async () => {
    for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
  };
  const db = tcb
    .init({ env: 'local', serviceUrl: gateway.serviceUrl, ...gateway.credentials, timeout: 30_000 })
    .database();
  return {
    gateway,
    db,
    newPhone: async () => {
      const context = await browser.newContext({
        viewport: VIEWPORT,
        deviceScaleFactor: 2,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      context.setDefaultTimeout(20_000);
      contexts.push(context);
      return context.newPage();
    },
    closePhones,
    close: async () => {
      await closePhones();
      await browser.close().catch(() => undefined);
      await gateway.close();
      resetDeps();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new tab with a clean local session (the H5 app keeps its dev session in localStorage). */
export async function freshPage(e2e: E2E): Promise<Page> {
  for (const open of e2e.context.pages()) await open.close();
  const page = await e2e.context.newPage();
  // Same origin, but not the app: nothing runs that could read the old session before it is gone.
  await page.goto(`${e2e.gateway.url}/healthz`);
  await page.evaluate(() => window.localStorage.clear());
  return page;
}

/**
 * Opens an H5 route in a fresh document, as a person opening a link would. Taro's router is hash
 * based (`/#/pages/home/index?…`): going to another hash of the loaded app would only be an in-app
 * hash change, so the tab first leaves the app for `/healthz` (same origin, keeps the session).
 */
export async function goto(page: Page, gateway: Gateway, route: string): Promise<void> {
  if (page.url().startsWith(`${gateway.url}/#`)) await page.goto(`${gateway.url}/healthz`);
  await page.goto(`${gateway.url}/#${route.startsWith('/') ? route : `/${route}`}`);
}

/**
 * The visible match of a selector. Taro H5 keeps earlier pages of the stack in the DOM (hidden),
 * so ids repeat across pages; only the one on screen counts.
 */
export function visible(page: Page, selector: string): Locator {
  return page.locator(selector).filter({ visible: true }).first();
}

/**
 * Waits until the visible element matching `selector` says `expected`: contains it, or with
 * `{ exact: true }` reads exactly it (whitespace collapsed; tests/text-match.ts). On timeout the
 * error quotes what the element said instead.
 */
export async function expectText(
  page: Page,
  selector: string,
  expected: string | RegExp,
  { exact = false, timeout = 20_000 }: TextExpectation = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const seen = await visible(page, selector)
      .innerText({ timeout: 250 })
      .catch(() => null);
    if (seen !== null && textMatches(seen, expected, exact)) return;
    if (Date.now() > deadline) throw new Error(describeMismatch(selector, expected, exact, seen, timeout));
    await page.waitForTimeout(100);
  }
}

/** The visible element carrying exactly this text. */
export function visibleText(page: Page, text: string | RegExp): Locator {
  return page.getByText(text).filter({ visible: true }).first();
}

/**
 * Signs in through the H5 persona page (`persona-<key>`) and waits until it has gone back.
 *
 * Waits for the sign-in page to finish its entrance first: Taro's H5 router hides the page below
 * with a timer (animation duration + delay, ≈300 ms) that a later `show()` does not cancel, so going
 * back sooner than that leaves the previous page hidden (`taro_page_shade`, display: none): a blank
 * screen. People do not pick a persona within 0.3 s; a test would. See docs/testing.md.
 */
export async function signInAs(
  page: Page,
  gateway: Gateway,
  persona: 'resident' | 'staff' | 'volunteer' | 'donor' | 'admin',
): Promise<void> {
  if (!page.url().includes('/packages/dev/pages/sign-in/index')) {
    await goto(page, gateway, '/packages/dev/pages/sign-in/index');
  }
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.taro_page')).some(
      (el) => el.id.startsWith('/packages/dev/pages/sign-in/index') && el.classList.contains('taro_page_stationed'),
    ),
  );
  await page.waitForTimeout(150); // the hide timer of the page below fires together with "stationed"
  await visible(page, `#persona-${persona}`).click();
  await page.waitForURL((url) => !url.hash.includes('/packages/dev/pages/sign-in/index'));
  await page.waitForFunction(
    (key) =>
      (
        JSON.parse(window.localStorage.getItem('station-link.devSession') ?? 'null') as {
          data?: { persona?: string };
        } | null
      )?.data?.persona === key,
    persona,
  );
}

/** `fn.action` over HTTP as the holder of `token`; fails the test with the coded error unless ok. */
export async function apiOk(gateway: Gateway, fn: string, action: string, data: unknown, token: string): Promise<any> {
  const answer = await api(gateway, fn, { action, data }, token);
  if (!answer.ok) throw new Error(`${fn}.${action} refused: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

/** Signs someone in over HTTP (`/api/dev/login` with an openid) and returns their bearer token. */
export async function httpLogin(gateway: Gateway, openid: string): Promise<string> {
  const answer = await api(gateway, 'dev/login', { openid });
  if (!answer.ok) throw new Error(`dev login refused: ${JSON.stringify(answer)}`);
  return (answer.data as { token: string }).token;
}

export interface WireAnswer {
  ok: boolean;
  data?: unknown;
  error?: { code: string; userMessage: string };
}

/** `POST /api/<fn>` with `{ action, data }` (or a raw body for `dev/login`). */
export async function api(gateway: Gateway, fn: string, body: unknown, token?: string): Promise<WireAnswer> {
  const res = await fetch(`${gateway.url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as WireAnswer;
}

/** The one seeded (or created) activity with this title, read straight from the database. */
export async function activityByTitle(db: E2E['db'], title: string): Promise<ActivityDoc> {
  const { data } = await db.collection('activities').where({ title }).get();
  expect(data).toHaveLength(1);
  return data[0] as ActivityDoc;
}

/**
 * One step on a fresh page (no session, see {@link freshPage}): runs `body` and, if it fails,
 * keeps a full-page screenshot named `name` (see {@link withFailureScreenshot}).
 */
export async function inFreshPage(e2e: E2E, name: string, body: (page: Page) => Promise<void>): Promise<void> {
  const page = await freshPage(e2e);
  await withFailureScreenshot(
    () => page,
    name,
    () => body(page),
  );
}

/**
 * The frame of an e2e test file: before all, the real gateway with a fresh seeded data folder and
 * Chromium ({@link startE2E}); after all, both closed. `started` gets them before any test runs.
 */
export function useE2E(started: (e2e: E2E) => void): void {
  let e2e: E2E | undefined;
  beforeAll(async () => {
    e2e = await startE2E();
    started(e2e);
  });
  afterAll(async () => {
    await e2e?.close();
  });
}

/**
 * Runs a test body and, when it fails, saves a screenshot of the page to `tests/.artifacts/`
 * (git-ignored) before rethrowing.
 */
export async function withFailureScreenshot(
  page: () => Page | undefined,
  name: string,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (error) {
    const current = page();
    if (current && !current.isClosed()) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w\u4e00-\u9fff-]+/g, '-')}.png`);
      await current.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      const errors = (await current.pageErrors().catch(() => [])).map((e) => e.message);
      const note =
        `\n[e2e] failure screenshot: ${path.relative(ROOT, file)} (url ${current.url()})` +
        (errors.length ? `\n[e2e] page errors: ${errors.join(' | ')}` : '');
      if (error instanceof Error) {
        // Jest prints the stack, which carries the message as it was when the error was made.
        if (error.stack?.includes(error.message))
          error.stack = error.stack.replace(error.message, error.message + note);
        error.message += note;
      }
    }
    throw error;
  }
}
