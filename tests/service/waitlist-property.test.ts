import fc from 'fast-check';
import { setClock } from '../../cloudfunctions/core/deps';
import { AS, expectSeatInvariants, startBackend, STATION, type Backend } from './support';

/**
 * Random interleavings of sign-up, cancellation, offer claims, capacity changes and clock jumps
 * (offer expiry) run concurrently against the emulator. After every batch and a settling sweep:
 * seat and line counters equal the rows, confirmed ≤ capacity, line ≤ its cap, one row per
 * person, no free seat while someone waits, and the line is FIFO — nobody who was already
 * waiting when a batch began is passed over by someone with a later ticket.
 */
let b: Backend;
let clockMs = 0;
beforeAll(async () => {
  b = await startBackend();
  clockMs = b.clock.now.getTime();
  // Every read of the clock moves it on by 1 ms, so events have a strict order in time.
  setClock(() => new Date(clockMs++));
});
afterAll(() => b.close());

const USERS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
const HOUR = 3600_000;

type Command =
  | { kind: 'signUp'; user: string }
  | { kind: 'cancel'; user: string }
  | { kind: 'claim'; user: string }
  | { kind: 'capacity'; delta: 1 | -1 }
  | { kind: 'expire' };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...USERS).map((user) => ({ kind: 'signUp' as const, user })) },
  { weight: 3, arbitrary: fc.constantFrom(...USERS).map((user) => ({ kind: 'cancel' as const, user })) },
  { weight: 2, arbitrary: fc.constantFrom(...USERS).map((user) => ({ kind: 'claim' as const, user })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(1 as const, -1 as const).map((delta) => ({ kind: 'capacity' as const, delta })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'expire' as const }) },
);

let run = 0;

async function sweep(): Promise<void> {
  expect(await b.runTimer('activities', 'sweep')).toMatchObject({ ok: true });
}

async function execute(activityId: string, users: Record<string, string>, cmd: Command): Promise<void> {
  switch (cmd.kind) {
    case 'signUp':
      await b.call('activities', 'signUp', { activityId }, users[cmd.user]);
      return;
    case 'cancel':
      await b.call('activities', 'cancelBooking', { activityId }, users[cmd.user]);
      return;
    case 'claim':
      await b.call('activities', 'claimOffer', { activityId }, users[cmd.user]);
      return;
    case 'capacity': {
      const doc = (await b.all('activities')).find((a) => a._id === activityId);
      await b.call(
        'activities',
        'update',
        { activityId, data: { capacity: Math.max(0, doc.capacity + cmd.delta) } },
        AS.staff,
      );
      return;
    }
    case 'expire':
      clockMs += 2 * HOUR;
      return;
  }
}

function expectFifo(rows: any[], batchStarts: number[]): void {
  const joins = (row: any) =>
    row.history.filter((h: any) => h.to === 'waitlisted').map((h: any) => new Date(h.at).getTime());
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  for (const x of rows) {
    for (const event of x.history) {
      const direct = event.to === 'confirmed' && event.from !== 'waitlisted' && event.from !== 'offered';
      if (direct) {
        // Nobody takes a seat straight away while someone who was already waiting still waits.
        const at = new Date(event.at).getTime();
        const batchStart = Math.max(...batchStarts.filter((s) => s <= at));
        const passedOver = waiting.find((y) => Math.max(...joins(y)) < batchStart);
        if (passedOver)
          throw new Error(
            `line jumped: a seat went straight to a newcomer while ticket ${passedOver.waitlistTicket} waited`,
          );
        continue;
      }
      if (event.from !== 'waitlisted' || (event.to !== 'offered' && event.to !== 'confirmed')) continue;
      const promotedAt = new Date(event.at).getTime();
      if (joins(x).some((t: number) => t > promotedAt)) continue; // x rejoined later: its ticket changed
      const batchStart = Math.max(...batchStarts.filter((s) => s <= promotedAt));
      for (const y of waiting) {
        const joinedAt = Math.max(...joins(y));
        if (joinedAt < batchStart && y.waitlistTicket < x.waitlistTicket) {
          throw new Error(
            `FIFO broken: ticket ${x.waitlistTicket} promoted while ticket ${y.waitlistTicket} kept waiting`,
          );
        }
      }
    }
  }
}

it('keeps seats, line and order consistent under random concurrent interleavings', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        capacity: fc.integer({ min: 1, max: 3 }),
        waitlistCapacity: fc.integer({ min: 0, max: 4 }),
        promotionMode: fc.constantFrom('auto' as const, 'claim' as const),
        batches: fc.array(fc.array(command, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
      }),
      async ({ capacity, waitlistCapacity, promotionMode, batches }) => {
        run++;
        const users = Object.fromEntries(USERS.map((u) => [u, `prop-${run}-${u}`]));
        const start = new Date(clockMs + 5 * 86400_000);
        const created = await b.ok(
          'activities',
          'create',
          {
            stationId: STATION.jiangbin,
            data: {
              title: `性质测试 ${run}`,
              category: 'culture',
              method: 'group',
              location: '活动室',
              startAt: start.toISOString(),
              endAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
              capacity,
              waitlistCapacity,
              promotionMode,
              claimWindowHours: 1,
            },
          },
          AS.staff,
        );
        const activityId = created.activityId as string;
        await b.ok('activities', 'publish', { activityId }, AS.staff);
        const batchStarts: number[] = [];
        for (const batch of batches) {
          batchStarts.push(clockMs);
          await Promise.all(batch.map((cmd) => execute(activityId, users, cmd)));
          batchStarts.push(clockMs);
          await sweep();
          const rows = await expectSeatInvariants(b, activityId);
          const doc = (await b.all('activities')).find((a) => a._id === activityId);
          if (doc.confirmed < doc.capacity) expect(doc.waitlisted).toBe(0);
          expectFifo(rows, batchStarts);
        }
      },
    ),
    { numRuns: 30, seed: Number(process.env.FC_SEED ?? 20261122), endOnFailure: true },
  );
}, 240_000);
