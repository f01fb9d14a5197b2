import { Agent, request } from 'node:http';

/** The benches' HTTP side: JSON calls to the gateway as a client would make them, and the emulator's counters. */

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** The emulator's call counters: collection → wire action → calls. */
export type Stats = Record<string, Record<string, number>>;
/** A function's answer as the gateway returns it. */
export type Answer = { ok: true; data: any; error?: undefined } | { ok: false; data?: any; error: { code: string } };

/** Zeroes the emulator's counters (`control` carries its credential). */
export async function resetStats(base: string, control: Record<string, string>): Promise<void> {
  await fetch(`${base}/emulator/stats/reset`, { method: 'POST', headers: control });
}

export async function stats(base: string, control: Record<string, string>): Promise<Stats> {
  return (await (await fetch(`${base}/emulator/stats`, { headers: control })).json()) as Stats;
}

/** Runs `fn` over `items`, `size` at a time. */
export async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** Signs in through the gateway's dev login; answers the bearer token. */
export async function login(base: string, body: unknown): Promise<string> {
  const answer = await postJson(`${base}/api/dev/login`, body);
  if (!answer.ok) throw new Error(`login failed: ${JSON.stringify(answer)}`);
  return answer.data.token as string;
}

/** One action of one function, as the client's `api/` calls it. */
export function call(base: string, fn: string, action: string, data: unknown, token: string): Promise<Answer> {
  return postJson(`${base}/api/${fn}`, { action, data }, token);
}

/** A JSON POST over a keep-alive agent (fetch's pool would cap the burst). */
export function postJson(url: string, body: unknown, token?: string): Promise<any> {
  const text = JSON.stringify(body);
  return new Promise((ok, fail) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', fail);
    req.end(text);
  });
}
