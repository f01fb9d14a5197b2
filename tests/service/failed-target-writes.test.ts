import { loadManifest } from '../../emulator/db';
import { AS, startBackend, STATION, type Backend } from './support';
import { idNumber, targetInput, visitInput } from './targets-support';

/**
 * A `targets` write that fails unexpectedly is logged for the operators (code, message, stack,
 * request id) and never with the request: the log holds no name, ID number, phone, notes,
 * categories or visit findings. The fault is real, as in failed-writes.test.ts: the function runs
 * against an emulator without the `targets` (or `visits`) collection, so the insert fails inside
 * the SDK. That emulator gets the seeded district's rows (stations, users, grants…) copied in.
 */
jest.setTimeout(30_000);

const PERSON = {
  name: '钱秀兰',
  idNumber: idNumber(77),
  phone: '13700087654',
  notes: '独居，患阿尔茨海默病',
  guardian: '钱建国',
  building: '7幢3单元',
};

let lines: string[];
let spies: jest.SpyInstance[];
beforeEach(() => {
  lines = [];
  const capture = (...args: unknown[]) => {
    lines.push(
      args
        .map((a) =>
          a instanceof Error ? `${a.name} ${a.message} ${a.stack ?? ''} ${JSON.stringify(a)}` : JSON.stringify(a),
        )
        .join(' '),
    );
  };
  spies = (['error', 'warn', 'log', 'info', 'debug'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation(capture),
  );
});
afterEach(() => {
  for (const spy of spies) spy.mockRestore();
});

/**
 * A backend whose database lacks `collection`, holding every other row of a seeded district (and
 * what `prepare` added there first).
 */
async function backendWithout(collection: string, prepare?: (seeded: Backend) => Promise<void>): Promise<Backend> {
  const seeded = await startBackend({ history: false });
  if (prepare) await prepare(seeded);
  const { [collection]: _dropped, ...rest } = loadManifest().collections;
  const rows: [string, any[]][] = [];
  for (const name of Object.keys(rest)) rows.push([name, await seeded.all(name)]);
  await seeded.close();
  const b = await startBackend({ seed: false, manifest: { collections: rest } });
  for (const [name, docs] of rows) if (docs.length) await b.db.collection(name).add(docs);
  return b;
}

/** Everything the function wrote to the console, decoded (JSON escapes of Chinese undone). */
function logText(): string {
  return lines.join('\n').replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function expectNothingSensitive(text: string, extra: string[] = []): void {
  for (const secret of [
    PERSON.name,
    PERSON.idNumber,
    PERSON.idNumber.slice(6, 14),
    PERSON.phone,
    PERSON.notes,
    PERSON.guardian,
    PERSON.building,
    'living_alone',
    'tekun',
    ...extra,
  ])
    expect(text).not.toContain(secret);
}

const data = targetInput({
  name: PERSON.name,
  idNumber: PERSON.idNumber,
  phones: [PERSON.phone],
  notes: PERSON.notes,
  guardian: { name: PERSON.guardian, relation: '儿子', phone: '13700087655' },
  address: { area: '颐和社区', building: PERSON.building, room: '101' },
});

describe('a target record that cannot be written', () => {
  let b: Backend;
  beforeAll(async () => {
    b = await backendWithout('targets');
  });
  afterAll(() => b.close());

  it('answers INTERNAL and logs the failure without the person', async () => {
    const answer = await b.call('targets', 'createTarget', { stationId: STATION.yihe, data }, AS.staff);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const text = logText();
    // What operators need: the function, the request id, the driver's code and message, the stack.
    expect(text).toContain('[targets] request');
    expect(text).toContain('Db or Table not exist: targets');
    expect(text).toContain('at ');
    expect(text).toContain((answer as any).error.requestId);
    expectNothingSensitive(text);
  });
});

describe('a visit that cannot be written', () => {
  let b: Backend;
  let targetId: string;
  beforeAll(async () => {
    b = await backendWithout('visits', async (seeded) => {
      // Registered yesterday, so a visit made today falls inside the record's life.
      seeded.clock.now = new Date(seeded.clock.now.getTime() - 24 * 3_600_000);
      targetId = (await seeded.ok('targets', 'createTarget', { stationId: STATION.yihe, data }, AS.staff)).targetId;
    });
  });
  afterAll(() => b.close());

  it('answers INTERNAL and logs the failure without the visit', async () => {
    const visit = visitInput(b.clock.now, {
      checklist: { speech: 'ok', movement: 'abnormal', food: 'ok', gas: 'ok' },
      notes: { movement: '右腿摔伤行走困难' },
      summary: '老人情绪低落需心理疏导',
      followUp: { note: '联系家属送医复查', dueDate: b.clock.now.toISOString().slice(0, 10) },
    });
    lines = [];
    const answer = await b.call(
      'targets',
      'recordVisit',
      { clientId: 'doomed-visit', targetId, data: visit },
      AS.staff,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const text = logText();
    expect(text).toContain((answer as any).error.requestId);
    expectNothingSensitive(text, ['右腿摔伤', '情绪低落', '联系家属送医']);
  });
});
