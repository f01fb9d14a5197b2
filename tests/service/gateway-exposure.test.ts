import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetDeps } from '../../cloudfunctions/core/deps';
import { isLoopbackAddress } from '../../emulator/db';
import { startGateway, type Gateway, type GatewayOptions } from '../../emulator/gateway/server';

/**
 * The gateway bound beyond loopback (README's phone test): local sign-in answers other machines
 * only with the documented opt-in, and starting that way warns loudly. The "other machine" is this
 * one seen through its network interface, so the gateway sees a non-loopback peer address.
 */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

let dataDir: string;
let gateway: Gateway | undefined;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'station-link-gateway-exposure-'));
});
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
  resetDeps();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function start(opts: Partial<GatewayOptions>): Promise<{ gateway: Gateway; warnings: string[] }> {
  const warnings: string[] = [];
  resetDeps();
  gateway = await startGateway({
    port: 0,
    dataDir,
    seed: false,
    timers: false,
    devLogin: true,
    log: (m) => warnings.push(m),
    ...opts,
  });
  return { gateway, warnings };
}

function login(url: string): Promise<{ status: number; json: any }> {
  const text = JSON.stringify({ persona: 'admin' });
  return new Promise((ok, fail) => {
    const req = request(
      `${url}/api/dev/login`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }));
      },
    );
    req.on('error', fail);
    req.end(text);
  });
}

it('knows loopback peers in every form a socket reports them', () => {
  expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].map(isLoopbackAddress)).toEqual([
    true,
    true,
    true,
    true,
  ]);
  expect(['192.168.1.20', '::ffff:192.168.1.20', 'fd00::2', '10.0.0.1', '', undefined].map(isLoopbackAddress)).toEqual([
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
});

it('starts quietly on loopback', async () => {
  const { warnings } = await start({ host: '127.0.0.1' });
  expect(warnings).toEqual([]);
});

if (!lanAddress) {
  // A machine with no network interface has no "other machine" to test from.
  it.skip('answers local sign-in from another machine only with ALLOW_REMOTE_DEV_LOGIN (no non-loopback IPv4 here)', () => {});
} else {
  it('warns loudly when bound beyond loopback, and refuses local sign-in from another machine', async () => {
    const { gateway: g, warnings } = await start({ host: lanAddress });
    expect(g.url).toMatch(new RegExp(`^http://${lanAddress.replace(/\./g, '\\.')}:\\d+$`));
    expect(warnings).toHaveLength(1);
    const [warning] = warnings as [string];
    expect(warning).toContain(
      `WARNING: the gateway listens on ${lanAddress}:${new URL(g.url).port}, beyond this machine.`,
    );
    expect(warning).toContain('Local sign-in (/api/dev/login) still answers this machine only');
    expect(warning.split('\n')[0]).toBe('!'.repeat(72));

    const { status, json } = await login(g.url);
    expect(status).toBe(403);
    expect(json).toEqual({
      ok: false,
      error: {
        code: 'DEV_LOGIN_DISABLED',
        userMessage: '体验登录只对本机开放。用手机测试时请以 ALLOW_REMOTE_DEV_LOGIN=1 启动（见 README）',
        requestId: '',
      },
    });
  });

  it('signs in another machine once remote sign-in is explicitly allowed, and says so in the warning', async () => {
    const { gateway: g, warnings } = await start({ host: lanAddress, remoteDevLogin: true });
    expect(warnings.join('\n')).toContain(
      'ALLOW_REMOTE_DEV_LOGIN is on: anyone here can sign in as ANY persona, admin included.',
    );
    const { status, json } = await login(g.url);
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: true, data: { openid: 'dev-admin', persona: 'admin' } });
  });
}
