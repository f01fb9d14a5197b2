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
 * developer's browser, would try it (issue 10, item 14): the timer jobs.
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
