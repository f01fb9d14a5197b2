import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { setClock } from '../../cloudfunctions/core/deps';
import { userIdForOpenid } from '../../cloudfunctions/core/repositories/users';
import { buildTimerContext } from '../../emulator/gateway/context';
import { FUNCTIONS } from '../../emulator/gateway/functions';
import { startGateway } from '../../emulator/gateway/server';
import { idCheckChar } from '../../shared/domain/identity';
import { type Answer, call, inBatches, login, resetStats, type Stats, stats } from './http';

/**
 * `npm run bench -- --orders [--residents 500 --workers 50 --race 100]` (also in `--all`)
 *
 * Service orders through the local gateway over HTTP (gateway + functions + emulator started in
 * this process so the bench can move the functions' clock; timers off): (1) RESIDENTS residents
 * order from the menu at once; (2) WORKERS
 * registered volunteers race to take RACE of those orders, each worker trying every order in
 * its own shuffled order — no order may be taken twice; (3) every transition of the state
 * machine (dispatch, take, release, return, decline, refer, cancel, close, confirm, reopen, rate,
 * reply …) with the database calls of each from the emulator's counters. Any integrity failure
 * sets a non-zero exit code.
 */
const argv = process.argv.slice(2);
// `--all` shares `--residents` with the burst bench, whose default is larger: the orders bench keeps its own.
const arg = (name: string, fallback: number) => {
  if (name === 'residents' && argv.includes('--all')) return fallback;
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) || fallback : fallback;
};
const RESIDENTS = arg('residents', 500);
const WORKERS = arg('workers', 50);
const RACE = Math.min(arg('race', 100), RESIDENTS);

let failures = 0;
function check(ok: boolean, what: string): void {
  if (!ok) {
    failures++;
    console.error(`  ✗ ${what}`);
  }
}

/** Figures of the orders bench, as the `--json` line names them. */
export interface OrdersFigures {
  orderPlaceCallsPerOrder: number;
  orderTakeCallsPerAttempt: number;
  ordersTakenTwice: number;
  /** Database calls of one request per transition (and the reads around them), by label. */
  orderCalls: Record<string, number>;
}

/** The three parts; answers their figures (failures set `process.exitCode`). */
export async function ordersBench(): Promise<OrdersFigures> {
  EventEmitter.defaultMaxListeners = 256;
  process.env.TENCENTCLOUD ??= 'true';
  const dataDir = mkdtempSync(join(tmpdir(), 'station-link-orders-bench-'));
  const gateway = await startGateway({ port: 0, dataDir, seed: true, devLogin: true, timers: false });
  const base = gateway.url;
  control.authorization = `Bearer ${gateway.credentials.secretKey}`;
  const db = tcb.init({ env: 'local', serviceUrl: gateway.serviceUrl, ...gateway.credentials }).database();
  try {
    const staff = await login(base, { persona: 'staff' });
    const residents: string[] = [];
    for (let i = 0; i < RESIDENTS; i += 100) {
      const n = Math.min(100, RESIDENTS - i);
      residents.push(
        ...(await Promise.all(Array.from({ length: n }, (_, k) => login(base, { openid: `bench-res-${i + k}` })))),
      );
    }
    await inBatches(residents, 100, (t) => call(base, 'accounts', 'me', {}, t));

    // 1. Residents order at once.
    await resetStats(base, control);
    const t1 = performance.now();
    const placed = await Promise.all(
      residents.map((t, i) =>
        call(
          base,
          'orders',
          'placeOrder',
          {
            stationId: 'st_LJ0101',
            itemId: 'mi_lj_meal',
            contactPhone: '13800001111',
            address: `颐和社区 ${1 + (i % 30)} 幢`,
            clientKey: `bench-order-${i}`,
          },
          t,
        ),
      ),
    );
    const wall1 = performance.now() - t1;
    const placeStats = await stats(base, control);
    const ok1 = placed.filter((a) => a.ok).length;
    const ids = new Set(placed.flatMap((a) => (a.ok ? [a.data.orderId as string] : [])));
    const stored = await countWhere(db, 'orders', {
      itemId: 'mi_lj_meal',
      channel: 'self',
      address: /颐和社区 \d+ 幢$/,
    });
    console.log(`\n1. ${RESIDENTS} residents order 助餐送餐 at once`);
    console.log(`   placed ${ok1}, refused ${RESIDENTS - ok1}, distinct orders ${ids.size}, stored ${stored}`);
    console.log(`   db calls per placeOrder ${(calls(placeStats) / RESIDENTS).toFixed(2)} (${describe(placeStats)})`);
    console.log(`   ${(RESIDENTS / (wall1 / 1000)).toFixed(0)} orders/s on this machine`);
    check(ok1 === RESIDENTS && ids.size === RESIDENTS && stored === RESIDENTS, 'every resident got exactly one order');

    // 2. Workers race to take orders.
    const workerOpenids = Array.from({ length: WORKERS }, (_, i) => `bench-worker-${i}`);
    const workers = await Promise.all(workerOpenids.map((openid) => login(base, { openid })));
    await inBatches(workers, 25, async (t) => {
      const i = workers.indexOf(t);
      const first17 = `330102199001${String(10000 + i).slice(-5)}`;
      const answer = await call(
        base,
        'volunteering',
        'register',
        {
          data: {
            realName: `志愿者${i}`,
            idNumber: first17 + idCheckChar(first17),
            phone: '13800002222',
            emergencyContact: { name: '家人', phone: '13833334444' },
            homeStationId: 'st_LJ01',
          },
        },
        t,
      );
      if (!answer.ok) throw new Error(`register failed: ${JSON.stringify(answer)}`);
    });
    const race = [...ids].slice(0, RACE);
    await resetStats(base, control);
    const t2 = performance.now();
    const attempts = await Promise.all(
      workers.map(async (t, w) => {
        const answers: { orderId: string; answer: Answer; worker: number }[] = [];
        for (const orderId of shuffled(race, w + 1)) {
          answers.push({ orderId, answer: await call(base, 'orders', 'takeOrder', { orderId }, t), worker: w });
        }
        return answers;
      }),
    );
    const wall2 = performance.now() - t2;
    const raceStats = await stats(base, control);
    const all = attempts.flat();
    const wins = all.filter((a) => a.answer.ok);
    const taken = all.filter((a) => !a.answer.ok && a.answer.error.code === 'ORDER_TAKEN').length;
    const winsPerOrder = new Map<string, number>();
    for (const w of wins) winsPerOrder.set(w.orderId, (winsPerOrder.get(w.orderId) ?? 0) + 1);
    const twice = [...winsPerOrder.values()].filter((n) => n > 1).length;
    const docs = await ordersById(db, race);
    const consistent = race.every((id) => {
      const doc = docs.get(id);
      const winner = wins.find((w) => w.orderId === id);
      return (
        doc &&
        winner &&
        doc.status === 'accepted' &&
        doc.assigneeId === userIdForOpenid(workerOpenids[winner.worker]!) &&
        doc.history.filter((e: { action: string }) => e.action === 'take').length === 1
      );
    });
    console.log(
      `\n2. ${WORKERS} volunteers race to take ${RACE} orders (each tries every order, ${all.length} attempts)`,
    );
    console.log(
      `   taken ${wins.length} (orders taken twice: ${twice}), refused ORDER_TAKEN ${taken}, other ${all.length - wins.length - taken}`,
    );
    console.log(`   stored holder = the one winner, one take on each trail: ${consistent ? 'yes' : 'NO'}`);
    console.log(
      `   db calls per take attempt ${(calls(raceStats) / all.length).toFixed(2)} (${describe(raceStats)}); conditional writes ${raceStats.orders?.modifyDocument ?? 0} for ${all.length} attempts`,
    );
    console.log(`   ${(all.length / (wall2 / 1000)).toFixed(0)} attempts/s on this machine`);
    check(wins.length === RACE && twice === 0 && consistent, 'each order taken exactly once');
    check(taken === all.length - RACE, 'every other attempt refused with ORDER_TAKEN');

    // 3. One order through every transition, with its calls.
    const volunteer = workers[0]!;
    const resident = residents[RESIDENTS - 1]!;
    const order = (placed[RESIDENTS - 1] as { ok: true; data: { orderId: string } }).data.orderId;
    const volunteerId = userIdForOpenid(workerOpenids[0]!);
    const rows: [string, Stats][] = [];
    const step = async (label: string, fn: string, action: string, data: unknown, token: string) => {
      await resetStats(base, control);
      const answer = await call(base, fn, action, data, token);
      if (!answer.ok) throw new Error(`${label}: ${JSON.stringify(answer)}`);
      rows.push([label, await stats(base, control)]);
    };
    await step(
      'dispatchOrder (派单)',
      'orders',
      'dispatchOrder',
      { orderId: order, assigneeId: volunteerId, note: '' },
      staff,
    );
    await step('takeOrder (接单, dispatched)', 'orders', 'takeOrder', { orderId: order }, volunteer);
    const scheduledAt = new Date(Date.now() + 86400_000).toISOString();
    await step('scheduleOrder (约时间)', 'orders', 'scheduleOrder', { orderId: order, scheduledAt }, volunteer);
    // Two hours later the visit is done: the functions' clock moves on.
    const later = Date.now() + 2 * 3600_000;
    setClock(() => new Date(later));
    const record = {
      startAt: new Date(later - 75 * 60_000).toISOString(),
      minutes: 60,
      method: 'home_visit',
      note: '送餐到家',
    };
    await step(
      'closeOrder (办结, + hours claim)',
      'orders',
      'closeOrder',
      { orderId: order, outcome: 'done', record },
      volunteer,
    );
    await step(
      'rateOrder (评单, confirms)',
      'orders',
      'rateOrder',
      { orderId: order, score: 5, comment: '' },
      resident,
    );
    await step('replyToRating (站点回复)', 'orders', 'replyToRating', { orderId: order, reply: '谢谢您的肯定' }, staff);
    // The other transitions, each on an order of its own (not among the raced ones).
    const spare = (k: number) => ({
      id: (placed[RESIDENTS - 1 - k] as { ok: true; data: { orderId: string } }).data.orderId,
      owner: residents[RESIDENTS - 1 - k]!,
    });
    const declined = spare(1);
    await step(
      'declineOrder (不受理)',
      'orders',
      'declineOrder',
      { orderId: declined.id, reason: '请拨打12345' },
      staff,
    );
    const referred = spare(2);
    await step(
      'referOrder (转介)',
      'orders',
      'referOrder',
      { orderId: referred.id, to: '临江区法律援助中心', note: '' },
      staff,
    );
    const cancelled = spare(3);
    await step(
      'cancelOrder (居民撤销)',
      'orders',
      'cancelOrder',
      { orderId: cancelled.id, reason: '' },
      cancelled.owner,
    );
    const returned = spare(4);
    await step('takeOrder/pool (接单, from the pool)', 'orders', 'takeOrder', { orderId: returned.id }, staff);
    await step('returnOrder (退回)', 'orders', 'returnOrder', { orderId: returned.id, reason: '改派' }, staff);
    const freeForm = residents[RESIDENTS - 1 - 5]!;
    const asked = await call(
      base,
      'orders',
      'placeOrder',
      { stationId: 'st_LJ0101', title: '想找人修水管', contactPhone: '13800001111', address: '颐和社区 1 幢' },
      freeForm,
    );
    if (!asked.ok) throw new Error(`free-form order: ${JSON.stringify(asked)}`);
    await step('releaseOrder (分拣入池)', 'orders', 'releaseOrder', { orderId: asked.data.orderId }, staff);
    // Reopened and confirmed: done by staff as the worker, so no hours claims overlap.
    const reopened = spare(6);
    await call(base, 'orders', 'takeOrder', { orderId: reopened.id }, staff);
    const staffRecord = (minutesAgo: number) => ({
      startAt: new Date(later - minutesAgo * 60_000).toISOString(),
      minutes: 30,
      method: 'phone',
      note: '电话沟通',
    });
    const closedOnce = await call(
      base,
      'orders',
      'closeOrder',
      { orderId: reopened.id, outcome: 'done', record: staffRecord(100) },
      staff,
    );
    if (!closedOnce.ok) throw new Error(`close: ${JSON.stringify(closedOnce)}`);
    await step(
      'reopenOrder (居民要求重办)',
      'orders',
      'reopenOrder',
      { orderId: reopened.id, reason: '还没送到' },
      reopened.owner,
    );
    await step(
      'closeOrder/staff (办结, no hours claim)',
      'orders',
      'closeOrder',
      { orderId: reopened.id, outcome: 'done', record: staffRecord(50) },
      staff,
    );
    await step('confirmOrder (居民确认)', 'orders', 'confirmOrder', { orderId: reopened.id }, reopened.owner);
    await step('getOrder (resident)', 'orders', 'getOrder', { orderId: order }, resident);
    await step('listQueue (staff, a page)', 'orders', 'listQueue', { stationId: 'st_LJ01', view: 'open' }, staff);
    await step('listPool (volunteer, a page)', 'orders', 'listPool', {}, volunteer);
    const admin = await login(base, { persona: 'admin' });
    await step('getConsole (中心)', 'orders', 'getConsole', { stationId: 'st_LJ' }, admin);
    await step(
      'reports.monthly (中心, incl. orders)',
      'reports',
      'monthly',
      { stationId: 'st_LJ', month: beijingMonth(later) },
      admin,
    );
    await resetStats(base, control);
    // Thirty hours on, every untaken order is overdue: one timer run handles a batch of 100.
    setClock(() => new Date(later + 30 * 3600_000));
    const run = async () =>
      (await FUNCTIONS.orders({ Type: 'Timer', TriggerName: 'escalateOrders' }, buildTimerContext('orders'))) as {
        data: { escalated: number; messages: number };
      };
    const first = await run();
    rows.push([
      `escalation timer (${first.data.escalated} orders, ${first.data.messages} messages)`,
      await stats(base, control),
    ]);
    await resetStats(base, control);
    await Promise.all([run(), run()]);
    const again = await stats(base, control);
    // Each stage's message went out once per person, however the runs overlapped.
    const sent = new Map<string, number>();
    for (let skip = 0; ; skip += 1000) {
      const page = (await db.collection('messages').where({ kind: 'order_due' }).skip(skip).limit(1000).get()) as {
        data: { orderId: string; userId: string; title: string }[];
      };
      for (const m of page.data)
        sent.set(`${m.orderId} ${m.userId} ${m.title}`, (sent.get(`${m.orderId} ${m.userId} ${m.title}`) ?? 0) + 1);
      if (page.data.length < 1000) break;
    }
    const duplicates = [...sent.values()].filter((n) => n > 1).length;
    check(duplicates === 0, 'escalation messages sent once');
    console.log(`\n3. Database calls per request (emulator counters)`);
    for (const [label, s] of rows)
      console.log(`   ${label.padEnd(36)} ${String(calls(s)).padStart(3)}  (${describe(s)})`);
    console.log(
      `   ${'placeOrder (点单, section 1 average)'.padEnd(36)} ${(calls(placeStats) / RESIDENTS).toFixed(1).padStart(5)}`,
    );
    console.log(`   two more timer runs at once after that: ${calls(again)} calls (${describe(again)})`);
    console.log(`   escalation messages: ${sent.size} distinct, sent twice: ${duplicates}`);

    console.log(failures === 0 ? '\nAll integrity checks passed.' : `\n${failures} integrity check(s) FAILED`);
    if (failures) process.exitCode = 1;
    return {
      orderPlaceCallsPerOrder: Number((calls(placeStats) / RESIDENTS).toFixed(2)),
      orderTakeCallsPerAttempt: Number((calls(raceStats) / all.length).toFixed(2)),
      ordersTakenTwice: twice,
      orderCalls: Object.fromEntries(rows.map(([label, s]) => [label.split(' (')[0]!, calls(s)])),
    };
  } finally {
    setClock();
    await gateway.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function beijingMonth(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** A deterministic shuffle per worker, so workers hit the orders in different orders. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed * 9301 + 49297;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 9301 + 49297) % 233280;
    const j = Math.floor((s / 233280) * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function countWhere(db: ReturnType<ReturnType<typeof tcb.init>['database']>, c: string, where: object) {
  return Number(((await db.collection(c).where(where).count()) as { total?: number }).total ?? 0);
}

async function ordersById(db: ReturnType<ReturnType<typeof tcb.init>['database']>, ids: string[]) {
  const _ = db.command;
  const out = new Map<string, any>();
  for (let i = 0; i < ids.length; i += 100) {
    const res = (await db
      .collection('orders')
      .where({ _id: _.in(ids.slice(i, i + 100)) })
      .limit(100)
      .get()) as { data: any[] };
    for (const doc of res.data) out.set(doc._id, doc);
  }
  return out;
}

const isWrite = (action: string) => /insert|modify|remove/i.test(action);
function total(s: Stats, pick: (collection: string, action: string) => boolean): number {
  let n = 0;
  for (const [collection, byAction] of Object.entries(s))
    for (const [action, v] of Object.entries(byAction)) if (pick(collection, action)) n += v;
  return n;
}
const calls = (s: Stats) => total(s, () => true);
/** `reads r, writes w; orders 2, users 1 …` */
function describe(s: Stats): string {
  const reads = total(s, (_c, a) => !isWrite(a) && !/Transaction/.test(a));
  const writes = total(s, (_c, a) => isWrite(a));
  const per = Object.entries(s)
    .map(([c, byAction]) => `${c} ${Object.values(byAction).reduce((x, y) => x + y, 0)}`)
    .join(', ');
  return `reads ${reads}, writes ${writes}: ${per}`;
}

/** The emulator's control endpoints need its credential (set once the gateway is up). */
const control = { authorization: '' };
