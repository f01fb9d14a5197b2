import * as tcb from '@cloudbase/node-sdk';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CREDENTIALS_FILE, startDatabaseEmulator } from '../../emulator/db';
import { codeOf, contractManifest, describeEmulatorOnly, useContract } from './support';

/**
 * Who the emulator answers (issue 10, item 16): requests signed the way the unchanged SDK signs
 * them with the emulator's credential, control calls carrying its secretKey, and only pages of
 * this server. A relay between the SDK and the emulator plays the attacker who alters a request.
 */
const ctx = useContract();

/** The signer the SDK itself uses (its own dependency, not a copy), to forge old or altered signatures. */
const nodeRequire = createRequire(__filename);
const { sign } = nodeRequire(
  nodeRequire.resolve('@cloudbase/signature-nodejs', { paths: [dirname(nodeRequire.resolve('@cloudbase/node-sdk'))] }),
) as {
  sign(o: {
    secretId: string;
    secretKey: string;
    method: string;
    url: string;
    params: unknown;
    headers: Record<string, string>;
    withSignedParams: boolean;
    timestamp: number;
  }): { authorization: string; timestamp: number };
};

type Tamper = (body: Record<string, unknown>, headers: IncomingHttpHeaders) => void;

/** A relay that passes each request on unchanged (Host included) unless `tamper` alters it. */
async function relay(target: string, tamper: { current?: Tamper }): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      const headers = { ...req.headers };
      tamper.current?.(body, headers);
      const text = JSON.stringify(body);
      headers['content-length'] = String(Buffer.byteLength(text));
      const out = request(`${target}${req.url}`, { method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.end(text);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  return res.json();
}

describeEmulatorOnly('emulator access: the SDK signature on /admin', () => {
  const tamper: { current?: Tamper } = {};
  let proxy: { url: string; server: Server };
  let relayed: ReturnType<typeof tcb.init>;
  beforeAll(async () => {
    proxy = await relay(ctx.emulator!.url, tamper);
    relayed = tcb.init({ env: 'local', serviceUrl: `${proxy.url}/admin`, ...ctx.emulator!.credentials });
    await ctx.db.collection('counters').add({ _id: `${ctx.run}-a`, n: 1 });
  });
  afterEach(() => {
    tamper.current = undefined;
  });
  afterAll(() => new Promise<void>((ok) => proxy.server.close(() => ok())));

  const count = () =>
    relayed
      .database()
      .collection('counters')
      .where({ _id: `${ctx.run}-a` })
      .count();

  it('answers a signed request passed on unchanged', async () => {
    expect((await count()).total).toBe(1);
  });

  it('refuses a request whose query was changed after signing', async () => {
    tamper.current = (body) => {
      body.query = JSON.stringify({});
    };
    const error = await count().catch((e: unknown) => e);
    expect({ code: codeOf(error), message: (error as Error).message }).toEqual({
      code: 'SIGN_PARAM_INVALID',
      message: 'signature mismatch',
    });
  });

  it('refuses a signed request with an unsigned field added', async () => {
    tamper.current = (body) => {
      body.limit = 1000;
    };
    const error = await count().catch((e: unknown) => e);
    expect((error as Error).message).toBe('body fields differ from the signed ones');
  });

  it('refuses a signed request whose timestamp or signed header was changed', async () => {
    tamper.current = (_body, headers) => {
      headers['x-timestamp'] = String(Number(headers['x-timestamp']) - 1);
    };
    expect((await count().catch((e: Error) => e)) as Error).toMatchObject({ code: 'SIGN_PARAM_INVALID' });
    tamper.current = (_body, headers) => {
      headers['x-tcb-source'] = 'forged';
    };
    expect((await count().catch((e: Error) => e)) as Error).toMatchObject({ message: 'signature mismatch' });
  });

  it('refuses a correctly signed request more than ten minutes old (the SDK signs with X-Signature-Expires: 600)', async () => {
    const url = `${ctx.emulator!.serviceUrl}?env=local`;
    const params = { action: 'database.calculateDocument', collectionName: 'counters', query: '{}', envName: 'local' };
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      host: new URL(url).host,
      'user-agent': 'forger',
    };
    const at = (seconds: number) => {
      const { authorization, timestamp } = sign({
        ...ctx.emulator!.credentials,
        method: 'post',
        url,
        params,
        headers,
        withSignedParams: true,
        timestamp: Math.floor(Date.now() / 1000) - seconds,
      });
      return { ...headers, authorization, 'x-timestamp': String(timestamp) };
    };
    expect(await post(url, params, at(60))).toMatchObject({ data: { total: expect.any(Number) } });
    expect(await post(url, params, at(700))).toMatchObject({
      code: 'SIGN_PARAM_INVALID',
      message: 'signature is expired',
    });
  });
});

describeEmulatorOnly('emulator access: controls, hosts and the stored credential', () => {
  it('takes the secretKey as the bearer token of its controls, and nothing else', async () => {
    const stats = `${ctx.emulator!.url}/emulator/stats`;
    const { secretId, secretKey } = ctx.emulator!.credentials;
    for (const authorization of [undefined, 'Bearer ', `Bearer ${secretId}`, `Bearer ${secretKey}x`, secretKey]) {
      const res = await fetch(stats, { headers: authorization === undefined ? {} : { authorization } });
      expect({ authorization, status: res.status }).toEqual({ authorization, status: 401 });
    }
    expect((await fetch(stats, { headers: { authorization: `Bearer ${secretKey}` } })).status).toBe(200);
  });

  it('accepts a foreign-looking Host only when named in EMULATOR_ALLOWED_HOSTS', async () => {
    const health = () =>
      new Promise<number>((ok, fail) => {
        const req = request(`${ctx.emulator!.url}/emulator/health`, { headers: { host: 'devbox.lan:9100' } }, (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        });
        req.on('error', fail);
        req.end();
      });
    expect(await health()).toBe(403);
    process.env.EMULATOR_ALLOWED_HOSTS = 'other.lan, devbox.lan';
    try {
      expect(await health()).toBe(200);
    } finally {
      delete process.env.EMULATOR_ALLOWED_HOSTS;
    }
  });

  it('keeps a generated credential in the data folder across restarts, and takes one from the environment', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cb-credential-'));
    try {
      const first = await startDatabaseEmulator({ dataDir, manifest: contractManifest() });
      const generated = first.credentials;
      await first.close();
      expect(generated.secretId).toMatch(/^local-[0-9a-f]{12}$/);
      expect(generated.secretKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(JSON.parse(readFileSync(join(dataDir, CREDENTIALS_FILE), 'utf8'))).toEqual(generated);

      const second = await startDatabaseEmulator({ dataDir, manifest: contractManifest() });
      expect(second.credentials).toEqual(generated);
      await second.close();

      process.env.EMULATOR_SECRET_ID = 'ci-id';
      process.env.EMULATOR_SECRET_KEY = 'ci-key-0123456789abcdef';
      try {
        const third = await startDatabaseEmulator({ dataDir, manifest: contractManifest() });
        expect(third.credentials).toEqual({ secretId: 'ci-id', secretKey: 'ci-key-0123456789abcdef' });
        const db = tcb.init({ env: 'local', serviceUrl: third.serviceUrl, ...third.credentials }).database();
        expect((await db.collection('users').count()).total).toBe(0);
        await third.close();
      } finally {
        delete process.env.EMULATOR_SECRET_ID;
        delete process.env.EMULATOR_SECRET_KEY;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
