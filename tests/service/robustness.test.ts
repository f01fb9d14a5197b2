import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { loadManifest } from '../../emulator/db';
import { CONTRACTS } from '../../shared/contracts';
import { AS, startBackend, type Backend } from './support';

/**
 * Walks EVERY action of EVERY contract with malformed payloads: each must come back as a coded
 * refusal (never a crash, never INTERNAL) and the database — every collection of the manifest —
 * and cloud storage must be byte-for-byte unchanged. New actions and new collections are covered
 * automatically.
 */
let b: Backend;
const COLLECTIONS = Object.keys(loadManifest().collections);

beforeAll(async () => {
  b = await startBackend();
  for (const who of [AS.resident, AS.staff]) await b.ok('accounts', 'me', {}, who);
});
afterAll(() => b.close());

async function snapshot(): Promise<string> {
  const parts: Record<string, unknown> = {};
  for (const name of COLLECTIONS) {
    const docs = await b.all(name);
    // `all` reads at most 1000 rows; a larger collection would be compared only in part.
    if (docs.length >= 1000) throw new Error(`${name} holds too many rows to snapshot`);
    parts[name] = docs.sort((x, y) => String(x._id).localeCompare(String(y._id)));
  }
  parts['@storage'] = storedFiles(join(b.emulator.emulator.dataDir, 'storage'));
  return JSON.stringify(parts);
}

/** Every file under the emulator's storage folder, by path. */
function storedFiles(dir: string): string[] {
  const entries = (() => {
    try {
      return readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
  })();
  return entries.flatMap((e) => (e.isDirectory() ? storedFiles(join(dir, e.name)) : [join(dir, e.name)])).sort();
}

it('snapshots every collection of the manifest', () => {
  expect(COLLECTIONS).toEqual(expect.arrayContaining(['users', 'bookings', 'pledges', 'hourEntries', 'messages']));
  expect(COLLECTIONS.length).toBeGreaterThanOrEqual(16);
});

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
}

/** Malformed variants of an action's payload; only those the contract itself rejects are kept. */
function malformedPayloads(schema: z.ZodType): unknown[] {
  const keys = Object.keys(shapeOf(schema));
  const huge = 'x'.repeat(200_000);
  const candidates: unknown[] = [
    null,
    42,
    'a string',
    [],
    [1, 2],
    { unexpected: true },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
  ];
  for (const key of keys) {
    for (const bad of [12345, 'not-a-valid-value-$$', huge, null, undefined, { $gt: '' }, ['x'], true]) {
      candidates.push({ [key]: bad });
      candidates.push({ ...Object.fromEntries(keys.map((k) => [k, undefined])), [key]: bad, extra: 1 });
    }
  }
  return candidates.filter((payload) => !schema.safeParse(payload).success);
}

const cases = Object.values(CONTRACTS).flatMap((contract) =>
  Object.entries(contract.actions).map(([action, spec]) => ({
    label: `${contract.name}.${action}`,
    fn: contract.name,
    action,
    spec,
  })),
);

describe.each(cases)('$label', ({ fn, action, spec }) => {
  it('refuses every malformed payload with a code and writes nothing', async () => {
    const before = await snapshot();
    const payloads = malformedPayloads(spec.request);
    expect(payloads.length).toBeGreaterThan(5);
    for (const as of [AS.resident, AS.staff]) {
      for (const payload of payloads) {
        const answer = await b.call(fn, action, payload, as);
        if (answer.ok) throw new Error(`${fn}.${action} accepted ${JSON.stringify(payload)?.slice(0, 200)}`);
        expect(['INVALID_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED']).toContain(answer.error.code);
        expect(answer.error.userMessage).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
    expect(await snapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('events that are not requests', () => {
  it.each([
    ['no event', undefined, 'INVALID_INPUT'],
    ['a string event', 'signUp', 'INVALID_INPUT'],
    ['an unknown action', { action: 'dropDatabase', data: {} }, 'UNKNOWN_ACTION'],
    ['an inherited property as action', { action: 'constructor', data: {} }, 'UNKNOWN_ACTION'],
    ['__proto__ as action', JSON.parse('{"action": "__proto__", "data": {}}'), 'UNKNOWN_ACTION'],
  ])('answers %s with a coded error', async (_label, event, code) => {
    const { FUNCTIONS } = await import('../../emulator/gateway/functions');
    const { buildInvocationContext } = await import('../../emulator/gateway/context');
    const answer = (await FUNCTIONS.activities(event, buildInvocationContext('activities', AS.resident))) as {
      ok: boolean;
      error: { code: string };
    };
    expect(answer).toMatchObject({ ok: false, error: { code } });
  });
});
