/**
 * What the `orders` function refuses, through the real SDK on the emulator: malformed input,
 * over-long text, payment-like numbers in free text (the shared donation rule), photos that are
 * not images or are someone else's — each a coded error with NOTHING written (collections and
 * cloud storage alike). And the photos that are fine, end to end.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { orderPhotoFolder } from '../../shared/domain/orders';
import { AS, HOUR, ITEM, STATION, advance, orderRequest, snapshotOf, uid } from './orders-support';
import { startBackend, type Backend } from './support';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const WRITES = ['orders', 'menuItems', 'orderPolicies', 'auditLog', 'messages', 'hourClaims'];
/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 9)]);
const CARD = '6222 0212 3456 7890 123';

function storageFiles(): string[] {
  const root = join(b.emulator.emulator.dataDir, 'storage');
  const walk = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name).slice(root.length + 1)],
        )
      : [];
  return walk(root).sort();
}

/** Every call refused with `code`, and neither a collection nor storage changed. */
async function refusedWithNothingWritten(calls: [string, Record<string, unknown>, string | undefined][], code: string) {
  const before = await snapshotOf(b, WRITES);
  const files = storageFiles();
  for (const [action, data, as] of calls) {
    const answer = await b.call('orders', action, data, as);
    if (answer.ok) throw new Error(`${action} accepted ${JSON.stringify(data).slice(0, 200)}`);
    expect([action, answer.error.code]).toEqual([action, code]);
    expect(answer.error.userMessage).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect(await snapshotOf(b, WRITES)).toBe(before);
  expect(storageFiles()).toEqual(files);
}

describe('malformed input', () => {
  it('refuses unknown fields, wrong types, bad ids and impossible values with INVALID_INPUT', async () => {
    await refusedWithNothingWritten(
      [
        ['placeOrder', { ...orderRequest(), userId: uid(AS.staff) }, AS.resident],
        ['placeOrder', { ...orderRequest(), stationId: 'st LJ0101; drop' }, AS.resident],
        ['placeOrder', { ...orderRequest(), contactPhone: '12345' }, AS.resident],
        ['placeOrder', { ...orderRequest(), preferredTime: 'midnight' }, AS.resident],
        ['placeOrder', { ...orderRequest(), urgent: 'yes' }, AS.resident],
        ['placeOrder', { ...orderRequest(), itemId: undefined }, AS.resident],
        ['placeOrder', { ...orderRequest(), forOther: { recipientName: '王奶奶', relationship: 'boss' } }, AS.resident],
        ['placeOrder', { ...orderRequest(), clientKey: 'short' }, AS.resident],
        ['placeOrder', { ...orderRequest(), photoFileId: 'https://evil.example/x.jpg' }, AS.resident],
        ['rateOrder', { orderId: 'o_demo_01', score: 6, comment: '' }, AS.resident],
        ['rateOrder', { orderId: 'o_demo_01', score: 4.5, comment: '' }, AS.resident],
        ['takeOrder', { orderId: { $gt: '' } }, AS.staff],
        ['closeOrder', { orderId: 'o_demo_03', outcome: 'done', record: { minutes: 60 } }, AS.staff],
        [
          'closeOrder',
          {
            orderId: 'o_demo_03',
            outcome: 'done',
            record: { startAt: 'yesterday', minutes: 60, method: 'home_visit', note: '完成' },
          },
          AS.staff,
        ],
        ['setPolicy', { centerId: STATION.center, data: { urgent: { responseHours: 2 } } }, AS.admin],
        [
          'createMenuItem',
          { stationId: STATION.jiangbin, data: { name: '理发', category: 'haircut', delivery: ['home'] } },
          AS.staff,
        ],
        [
          'createMenuItem',
          { stationId: STATION.jiangbin, data: { name: '理发', category: 'other', delivery: ['home', 'home'] } },
          AS.staff,
        ],
        ['listQueue', { stationId: STATION.jiangbin, view: 'everything' }, AS.staff],
      ],
      'INVALID_INPUT',
    );
  });

  it('refuses over-long free text, field by field', async () => {
    const answer = await b.call(
      'orders',
      'placeOrder',
      orderRequest({ description: '很'.repeat(201), address: '路'.repeat(81), timeNote: '时'.repeat(31) }),
      AS.resident,
    );
    expect(answer.ok ? {} : answer.error.fields).toEqual({
      description: '需求描述不能超过200个字',
      address: '地址不能超过80个字',
      timeNote: '时间说明不能超过30个字',
    });
    await refusedWithNothingWritten(
      [
        ['placeOrder', orderRequest({ description: '很'.repeat(201) }), AS.resident],
        ['placeOrder', orderRequest({ itemId: undefined, title: '需'.repeat(21) }), AS.resident],
        [
          'placeOrder',
          orderRequest({ forOther: { recipientName: '名'.repeat(21), relationship: 'child' } }),
          AS.resident,
        ],
        ['rateOrder', { orderId: 'o_demo_01', score: 5, comment: '好'.repeat(201) }, AS.resident],
        ['declineOrder', { orderId: 'o_demo_04', reason: '因'.repeat(101) }, AS.staff],
        ['referOrder', { orderId: 'o_demo_04', to: '单'.repeat(41), note: '' }, AS.staff],
        [
          'createMenuItem',
          { stationId: STATION.jiangbin, data: { name: '服'.repeat(21), category: 'other', delivery: ['home'] } },
          AS.staff,
        ],
      ],
      'INVALID_INPUT',
    );
  });

  it('refuses payment-like numbers in every free-text field (the shared donation rule)', async () => {
    const answer = await b.call('orders', 'placeOrder', orderRequest({ description: `请转账到 ${CARD}` }), AS.resident);
    expect(answer.ok ? {} : answer.error.fields).toEqual({ description: '请勿填写银行卡号、账号等支付信息' });
    await refusedWithNothingWritten(
      [
        ['placeOrder', orderRequest({ description: `卡号${CARD}` }), AS.resident],
        ['placeOrder', orderRequest({ address: `滨江路${CARD}` }), AS.resident],
        ['placeOrder', orderRequest({ timeNote: '6222021234567890' }), AS.resident],
        ['placeOrder', orderRequest({ itemId: undefined, title: '卡 6222021234567890' }), AS.resident],
        ['rateOrder', { orderId: 'o_demo_01', score: 5, comment: `打钱到${CARD}` }, AS.resident],
        ['declineOrder', { orderId: 'o_demo_04', reason: `账户 ${CARD}` }, AS.staff],
        ['returnOrder', { orderId: 'o_demo_03', reason: `账户 ${CARD}` }, AS.staff],
        [
          'closeOrder',
          {
            orderId: 'o_demo_03',
            outcome: 'done',
            record: {
              startAt: new Date(b.clock.now.getTime() - 2 * HOUR).toISOString(),
              minutes: 60,
              method: 'home_visit',
              note: `收款 ${CARD}`,
            },
          },
          AS.staff,
        ],
        ['replyToRating', { orderId: 'o_demo_01', reply: `卡号 ${CARD}` }, AS.staff],
        [
          'createMenuItem',
          {
            stationId: STATION.jiangbin,
            data: { name: '代缴', category: 'errands', delivery: ['home'], description: `转 ${CARD}` },
          },
          AS.staff,
        ],
      ],
      'INVALID_INPUT',
    );
  });
});

describe('photos', () => {
  const upload = (data: Record<string, unknown>, as: string) => b.call('orders', 'uploadOrderPhoto', data, as);

  it('refuses what is not a JPEG/PNG image or is too large, storing nothing', async () => {
    const files = storageFiles();
    const html = Buffer.from('<html>not a photo</html>').toString('base64');
    expect(await upload({ stationId: STATION.yihe, imageBase64: html }, AS.resident)).toMatchObject({
      ok: false,
      error: { code: 'PHOTO_INVALID' },
    });
    const gif = Buffer.from('GIF89a-----------').toString('base64');
    expect(await upload({ stationId: STATION.yihe, imageBase64: gif }, AS.resident)).toMatchObject({
      ok: false,
      error: { code: 'PHOTO_INVALID' },
    });
    const huge = Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024, 1)]).toString('base64');
    expect(await upload({ stationId: STATION.yihe, imageBase64: huge }, AS.resident)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await upload({ stationId: STATION.yihe, imageBase64: '***not base64***' }, AS.resident)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(storageFiles()).toEqual(files);
  });

  it('attaches a photo the person uploaded for the order; shows it to them and staff, never in the pool', async () => {
    const photo = await b.ok(
      'orders',
      'uploadOrderPhoto',
      { stationId: STATION.yihe, imageBase64: PNG.toString('base64') },
      AS.resident,
    );
    expect(photo.fileId).toContain(orderPhotoFolder(STATION.yihe, { userId: uid(AS.resident) }));
    const order = await b.ok(
      'orders',
      'placeOrder',
      orderRequest({ itemId: ITEM.errands, photoFileId: photo.fileId }),
      AS.resident,
    );
    const bytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
    expect((await bytes(order.photoUrl)).equals(PNG)).toBe(true);
    const staffView = await b.ok('orders', 'getOrder', { orderId: order.orderId }, AS.staff);
    expect((await bytes(staffView.photoUrl)).equals(PNG)).toBe(true);
    await b.ok(
      'volunteering',
      'register',
      {
        data: {
          realName: '李志远',
          idNumber: '11010519491231002X',
          phone: '13822220000',
          emergencyContact: { name: '家人', phone: '13833330000' },
          homeStationId: STATION.jiangbin,
        },
      },
      AS.volunteer,
    );
    const poolView = await b.ok('orders', 'getOrder', { orderId: order.orderId }, AS.volunteer);
    expect(poolView).toMatchObject({ viewerRole: 'pool', photoUrl: null });
  });

  it('refuses someone else’s photo, a forged file id and a record photo by anyone but the worker holding the order', async () => {
    const theirs = await b.ok(
      'orders',
      'uploadOrderPhoto',
      { stationId: STATION.yihe, imageBase64: JPEG.toString('base64') },
      AS.donor,
    );
    const forged = `cloud://local.bucket/${orderPhotoFolder(STATION.yihe, { userId: uid(AS.resident) })}${'0'.repeat(24)}.jpg`;
    await refusedWithNothingWritten(
      [
        ['placeOrder', orderRequest({ photoFileId: theirs.fileId }), AS.resident],
        ['placeOrder', orderRequest({ photoFileId: forged }), AS.resident],
        ['placeOrder', orderRequest({ photoFileId: 'cloud://local.bucket/receipts/st_LJ01/p1/abc.jpg' }), AS.resident],
      ],
      'PHOTO_NOT_FOUND',
    );
    await refusedWithNothingWritten(
      [
        [
          'uploadOrderPhoto',
          { stationId: STATION.yihe, orderId: 'o_demo_03', imageBase64: JPEG.toString('base64') },
          AS.resident,
        ],
        [
          'uploadOrderPhoto',
          { stationId: STATION.yihe, orderId: 'o_demo_03', imageBase64: JPEG.toString('base64') },
          AS.admin,
        ],
      ],
      'FORBIDDEN',
    );
  });

  it('keeps the worker’s record photo with the order and refuses a record photo stored for another order', async () => {
    // o_demo_03 (the seed's 助餐送餐) is held by 王社工.
    const other = await b.ok('orders', 'placeOrder', orderRequest({ itemId: ITEM.errands }), AS.resident);
    await b.ok('orders', 'takeOrder', { orderId: other.orderId }, AS.staff);
    const forOther = await b.ok(
      'orders',
      'uploadOrderPhoto',
      { stationId: STATION.yihe, orderId: other.orderId, imageBase64: JPEG.toString('base64') },
      AS.staff,
    );
    advance(b, 2 * HOUR);
    const record = (photoFileId: string) => ({
      startAt: new Date(b.clock.now.getTime() - HOUR).toISOString(),
      minutes: 45,
      method: 'home_visit',
      note: '送餐并检查燃气',
      photoFileId,
    });
    await refusedWithNothingWritten(
      [['closeOrder', { orderId: 'o_demo_03', outcome: 'done', record: record(forOther.fileId) }, AS.staff]],
      'PHOTO_NOT_FOUND',
    );
    const own = await b.ok(
      'orders',
      'uploadOrderPhoto',
      { stationId: STATION.yihe, orderId: 'o_demo_03', imageBase64: PNG.toString('base64') },
      AS.staff,
    );
    const closed = await b.ok(
      'orders',
      'closeOrder',
      { orderId: 'o_demo_03', outcome: 'done', record: record(own.fileId) },
      AS.staff,
    );
    expect(closed.records[0].photoUrl).toBeTruthy();
    const seen = await b.ok('orders', 'getOrder', { orderId: 'o_demo_03' }, AS.resident);
    expect(Buffer.from(await (await fetch(seen.records[0].photoUrl)).arrayBuffer()).equals(PNG)).toBe(true);
  });
});
