import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { resetDeps } from '../../cloudfunctions/core/deps';
import { userIdForOpenid } from '../../cloudfunctions/core/repositories/users';
import { startGateway, type Gateway } from '../../emulator/gateway/server';

let gateway: Gateway;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'station-link-gateway-'));
  resetDeps();
  gateway = await startGateway({ port: 0, dataDir, seed: true, devLogin: true });
});
afterAll(async () => {
  await gateway.close();
  resetDeps();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(path: string, body: unknown, token?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

async function login(body: unknown): Promise<string> {
  const { json } = await post('/api/dev/login', body);
  expect(json.ok).toBe(true);
  return json.data.token as string;
}

describe('local gateway', () => {
  it('answers health with the emulator serviceUrl', async () => {
    const res = await fetch(`${gateway.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true, serviceUrl: `${gateway.url}/admin` });
  });

  it('signs in a persona and hands the function that identity through the context', async () => {
    const token = await login({ persona: 'staff' });
    const { json } = await post('/api/accounts', { action: 'me', data: {} }, token);
    expect(json).toMatchObject({ ok: true, data: { nickname: '王社工', isStaff: true } });
  });

  it('creates a resident on first sign-in with any openid', async () => {
    const token = await login({ openid: 'brand-new-person' });
    const { json } = await post('/api/accounts', { action: 'me', data: {} }, token);
    expect(json).toMatchObject({ ok: true, data: { isStaff: false, roles: [] } });
  });

  it('treats a missing, forged or tampered token as signed out', async () => {
    const token = await login({ persona: 'resident' });
    const [id, expiry] = token.split('.');
    const forged = `${Buffer.from('dev-admin').toString('base64url')}.${expiry}.${token.split('.')[2]}`;
    for (const bad of [undefined, 'nonsense', forged, `${id}.${Number(expiry) + 1000}.${token.split('.')[2]}`]) {
      const { json } = await post('/api/accounts', { action: 'me', data: {} }, bad);
      expect(json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', userMessage: '请先登录' } });
    }
  });

  it('refuses bad sign-in requests and unknown functions with codes', async () => {
    expect((await post('/api/dev/login', { persona: 'superuser' })).json.error.code).toBe('INVALID_INPUT');
    expect((await post('/api/dev/login', { openid: 'a', persona: 'resident' })).json.error.code).toBe('INVALID_INPUT');
    expect((await post('/api/nope', { action: 'x' })).json.error.code).toBe('UNKNOWN_ACTION');
    expect((await post('/api/activities', '{not json')).json.error.code).toBe('INVALID_INPUT');
  });

  it('refuses bodies over CloudBase’s 6 MB request limit', async () => {
    const { status, json } = await post('/api/activities', { action: 'list', data: { pad: 'x'.repeat(6_300_000) } });
    expect(status).toBe(413);
    expect(json.error.code).toBe('INVALID_INPUT');
  });

  it('serves public actions without sign-in', async () => {
    const { json } = await post('/api/stations', { action: 'list', data: { tier: 'center' } });
    expect(json).toMatchObject({ ok: true, data: { total: 1, items: [{ name: '临江区社会工作服务指导中心' }] } });
  });

  it('exposes the database API the unchanged SDK speaks at serviceUrl', async () => {
    const app = tcb.init({ env: 'local', serviceUrl: gateway.serviceUrl, ...gateway.credentials });
    const res = await app.database().collection('stations').where({ tier: 'station' }).count();
    expect(res.total).toBe(3);
  });

  it('seeds once: a restart on the same data folder keeps the data and adds nothing', async () => {
    const app = tcb.init({ env: 'local', serviceUrl: gateway.serviceUrl, ...gateway.credentials });
    const before = (await app.database().collection('activities').count()).total;
    await gateway.close();
    resetDeps();
    gateway = await startGateway({ port: 0, dataDir, seed: true, devLogin: true });
    const again = tcb.init({ env: 'local', serviceUrl: gateway.serviceUrl, ...gateway.credentials });
    expect((await again.database().collection('activities').count()).total).toBe(before);
  });
});

describe('data migrations', () => {
  /** A resident booked on their behalf by a version before keyed proxy ids. */
  async function legacyResident(phone: string) {
    // The gateway of the moment (a restart listens on another port).
    const db = () => tcb.init({ env: 'local', serviceUrl: gateway.serviceUrl, ...gateway.credentials }).database();
    const openid = `proxy-phone:${phone}`;
    const at = new Date();
    await db()
      .collection('users')
      .add({
        _id: userIdForOpenid(openid),
        openid,
        nickname: '吴奶奶',
        phone,
        homeStationId: null,
        elderMode: false,
        grants: [],
        createdAt: at,
        updatedAt: at,
      });
    return async () => {
      const found = (await db().collection('users').where({ phone }).get()).data as { _id: string; openid: string }[];
      return found.map((u) => ({ legacy: u._id === userIdForOpenid(openid), phoneInOpenid: u.openid.includes(phone) }));
    };
  }

  it('npm run migrate re-keys legacy proxy residents (the deploy path), once', async () => {
    const accounts = await legacyResident('13912349001');
    // Asynchronously: the gateway answering the script runs in this process.
    const migrate = async () =>
      (
        await promisify(execFile)('npx', ['tsx', 'scripts/migrate.ts'], {
          encoding: 'utf8',
          env: {
            ...process.env,
            TCB_ENV: '',
            TCB_SERVICE_URL: gateway.serviceUrl,
            TCB_SECRET_ID: gateway.credentials.secretId,
            TCB_SECRET_KEY: gateway.credentials.secretKey,
          },
        })
      ).stdout;
    expect(await migrate()).toContain('代报名居民账号已改为加密编号：1 个');
    expect(await accounts()).toEqual([{ legacy: false, phoneInOpenid: false }]);
    expect(await migrate()).toContain('代报名居民账号已改为加密编号：0 个');
  }, 60_000);

  it('npm start re-keys legacy proxy residents kept in its data folder', async () => {
    const accounts = await legacyResident('13912349002');
    expect(await accounts()).toEqual([{ legacy: true, phoneInOpenid: true }]);
    await gateway.close();
    resetDeps();
    gateway = await startGateway({ port: 0, dataDir, seed: true, devLogin: true });
    expect(await accounts()).toEqual([{ legacy: false, phoneInOpenid: false }]);
  });
});

describe('database deploy', () => {
  it('prints the plan with --dry-run and touches nothing', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/deploy-db.ts', '--dry-run'], {
      encoding: 'utf8',
      env: { ...process.env, TCB_ENV: '', TCB_SECRET_ID: '' },
    });
    expect(out).toContain('Dry run:');
    expect(out).toContain('create unique index users.openid_unique on openid:1 (if missing)');
    expect(out).toContain('set security rule of bookings to {"read":false,"write":false}');
    expect(out).toContain('set cloud storage permission to ADMINONLY');
  }, 60_000);
});
