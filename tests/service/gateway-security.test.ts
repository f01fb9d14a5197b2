import tcb from '@cloudbase/node-sdk';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetDeps } from '../../cloudfunctions/core/deps';
import { buildInvocationContext, buildTimerContext } from '../../emulator/gateway/context';
import { FUNCTIONS } from '../../emulator/gateway/functions';
import { startGateway, type Gateway } from '../../emulator/gateway/server';

/**
 * The local stack as an attacker on the same network, or a page of another site in the
 * developer's browser, would try it (issue 10, items 14 and 16): the database API, the emulator's
 * controls, local sign-in and the timer jobs.
 */
let gateway: Gateway;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'station-link-gateway-security-'));
  resetDeps();
  gateway = await startGateway({ port: 0, dataDir, seed: true, devLogin: true, timers: false });
});
afterAll(async () => {
  await gateway.close();
  resetDeps();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Raw {
  status: number;
  json: any;
}

/** One HTTP request with exactly the headers given (node:http lets a test set Host, as an attacker can). */
function raw(
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Raw> {
  const text = opts.body === undefined ? '' : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const { port } = new URL(gateway.url);
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          ok({ status: res.statusCode ?? 0, json: body ? JSON.parse(body) : undefined });
        });
      },
    );
    req.on('error', fail);
    req.end(text);
  });
}

const db = () => tcb.init({ env: 'local', serviceUrl: gateway.serviceUrl, ...gateway.credentials }).database();
const control = () => ({ authorization: `Bearer ${gateway.credentials.secretKey}` });
const host = () => new URL(gateway.url).host;

describe('the database API (/admin) answers only requests signed with the emulator credential', () => {
  it('refuses an unsigned read of every volunteer and answers no rows', async () => {
    const { status, json } = await raw('POST', '/admin?env=local', {
      body: { action: 'database.getDocument', collectionName: 'users', query: '{}', limit: 1000 },
    });
    expect(status).toBe(200);
    expect(json).toEqual({
      requestId: expect.any(String),
      code: 'SIGN_PARAM_INVALID',
      message: 'missing signature: initialise the SDK with the emulator secretId and secretKey',
    });
  });

  it('refuses an unsigned write that would make anyone a centre admin, and writes nothing', async () => {
    const before = (await db().collection('users').where({ openid: 'dev-resident' }).get()).data;
    const { json } = await raw('POST', '/admin?env=local', {
      body: {
        action: 'database.modifyDocument',
        collectionName: 'users',
        query: JSON.stringify({ openid: 'dev-resident' }),
        data: JSON.stringify({ $set: { grants: [{ stationId: 'LJ', role: 'admin' }] } }),
        multi: true,
      },
    });
    expect(json.code).toBe('SIGN_PARAM_INVALID');
    expect((await db().collection('users').where({ openid: 'dev-resident' }).get()).data).toEqual(before);
  });

  it('refuses to hand an unsigned caller a storage upload URL', async () => {
    const { json } = await raw('POST', '/admin?env=local', {
      body: { action: 'storage.getUploadMetadata', path: 'receipts/planted.jpg' },
    });
    expect(json).toEqual({ requestId: expect.any(String), code: 'SIGN_PARAM_INVALID', message: expect.any(String) });
    expect(json.data).toBeUndefined();
  });

  it('refuses the unchanged SDK signing with any other credential', async () => {
    const guessed = tcb.init({ env: 'local', serviceUrl: gateway.serviceUrl, secretId: 'local', secretKey: 'local' });
    await expect(guessed.database().collection('volunteers').count()).rejects.toMatchObject({
      code: 'SIGN_PARAM_INVALID',
      message: expect.stringContaining('secret id error'),
    });
    const wrongKey = tcb.init({
      env: 'local',
      serviceUrl: gateway.serviceUrl,
      secretId: gateway.credentials.secretId,
      secretKey: 'not-the-key-0123456789',
    });
    await expect(wrongKey.database().collection('volunteers').count()).rejects.toMatchObject({
      code: 'SIGN_PARAM_INVALID',
      message: expect.stringContaining('signature mismatch'),
    });
  });

  it('answers the unchanged SDK signing with the gateway credential (functions, seed, tests, bench)', async () => {
    expect((await db().collection('stations').where({ tier: 'station' }).count()).total).toBe(3);
    const { json } = await raw('POST', '/api/dev/login', { body: { persona: 'staff' } });
    const me = await raw('POST', '/api/accounts', {
      body: { action: 'me', data: {} },
      headers: { authorization: `Bearer ${json.data.token}` },
    });
    expect(me.json).toMatchObject({ ok: true, data: { nickname: '王社工', isStaff: true } });
  });
});

describe('the emulator controls need the credential; reset is off in the gateway', () => {
  it.each([
    ['GET', '/emulator/stats'],
    ['POST', '/emulator/stats/reset'],
    ['GET', '/emulator/wx-api-calls'],
    ['POST', '/emulator/reset'],
  ])('refuses %s %s without the bearer secretKey', async (method, path) => {
    const { status, json } = await raw(method, path, { headers: { authorization: 'Bearer local' } });
    expect(status).toBe(401);
    expect(json).toEqual({
      ok: false,
      message: 'emulator controls need Authorization: Bearer <secretKey> (the emulator credential)',
    });
  });

  it('answers the counters to a holder of the credential', async () => {
    expect((await raw('POST', '/emulator/stats/reset', { headers: control() })).status).toBe(200);
    await db().collection('activities').count();
    const { status, json } = await raw('GET', '/emulator/stats', { headers: control() });
    expect(status).toBe(200);
    expect(json).toEqual({ activities: { calculateDocument: 1 } });
  });

  it('never resets the gateway’s data, even for a holder of the credential', async () => {
    const activities = (await db().collection('activities').count()).total;
    expect(activities).toBeGreaterThan(0);
    const { status } = await raw('POST', '/emulator/reset', { headers: control() });
    expect(status).toBe(403);
    expect((await db().collection('activities').count()).total).toBe(activities);
  });
});

describe('pages of other sites cannot reach the admin paths or local sign-in', () => {
  it('refuses a foreign Host (DNS rebinding) on /admin, the controls and local sign-in', async () => {
    const rebound = { host: `rebind.attacker.example:${new URL(gateway.url).port}` };
    const admin = await raw('POST', '/admin?env=local', {
      headers: rebound,
      body: { action: 'database.getDocument', collectionName: 'users', query: '{}' },
    });
    expect(admin).toEqual({
      status: 403,
      json: { requestId: expect.any(String), code: 'PERMISSION_DENIED', message: `foreign Host ${rebound.host}` },
    });
    expect((await raw('GET', '/emulator/stats', { headers: { ...rebound, ...control() } })).status).toBe(403);
    const login = await raw('POST', '/api/dev/login', { headers: rebound, body: { persona: 'admin' } });
    expect(login).toEqual({
      status: 403,
      json: { ok: false, error: { code: 'DEV_LOGIN_DISABLED', userMessage: '当前环境不支持体验登录', requestId: '' } },
    });
  });

  it('refuses a foreign Origin (a drive-by form or fetch) on /admin, the controls and local sign-in', async () => {
    const drive = { origin: 'http://attacker.example' };
    expect((await raw('POST', '/emulator/stats/reset', { headers: { ...drive, ...control() } })).status).toBe(403);
    expect((await raw('POST', '/emulator/reset', { headers: { ...drive, ...control() } })).status).toBe(403);
    const admin = await raw('POST', '/admin?env=local', {
      headers: drive,
      body: { action: 'database.getDocument', collectionName: 'users', query: '{}' },
    });
    expect(admin.json).toMatchObject({ code: 'PERMISSION_DENIED', message: 'foreign Origin http://attacker.example' });
    const login = await raw('POST', '/api/dev/login', { headers: drive, body: { persona: 'admin' } });
    expect(login.status).toBe(403);
    expect(login.json.data).toBeUndefined();
  });

  it('still signs in the H5 app served from this origin, under either local name', async () => {
    for (const headers of [
      { origin: `http://${host()}` } as Record<string, string>,
      { host: `localhost:${new URL(gateway.url).port}`, origin: `http://localhost:${new URL(gateway.url).port}` },
    ]) {
      const { status, json } = await raw('POST', '/api/dev/login', { headers, body: { persona: 'resident' } });
      expect(status).toBe(200);
      expect(json).toMatchObject({ ok: true, data: { openid: 'dev-resident', persona: 'resident' } });
    }
  });
});

describe('timer jobs run only on timer invocations', () => {
  it.each([
    ['activities', 'sweep'],
    ['volunteering', 'autoClose'],
    ['donations', 'lapse'],
  ])('never runs %s.%s for a timer-shaped HTTP body without a session', async (fn, trigger) => {
    const { json } = await raw('POST', `/api/${fn}`, { body: { Type: 'Timer', TriggerName: trigger } });
    expect(json).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_ACTION', userMessage: expect.any(String), requestId: expect.any(String) },
    });
  });

  it('runs the job for the platform’s timer invocation, and not for the same event in any other context', async () => {
    const event = { Type: 'Timer', TriggerName: 'sweep', Time: new Date().toISOString() };
    expect(await FUNCTIONS.activities(event, buildTimerContext('activities'))).toMatchObject({
      ok: true,
      data: expect.objectContaining({ offersExpired: expect.any(Number) }),
    });
    expect(await FUNCTIONS.activities(event, buildInvocationContext('activities', undefined))).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACTION' },
    });
    const timerWithCaller = {
      ...buildTimerContext('activities'),
      environment: JSON.stringify({ TRIGGER_SRC: 'timer', WX_OPENID: 'dev-resident', WX_CONTEXT_KEYS: 'WX_OPENID' }),
    };
    expect(await FUNCTIONS.activities(event, timerWithCaller)).toMatchObject({ ok: false });
  });
});
