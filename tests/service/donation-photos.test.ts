import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { arrivalPhotoFolder } from '../../shared/domain/donation';
import { AS, startBackend, STATION, type Backend } from './support';

/**
 * Arrival photo evidence through the real SDK into the emulator's cloud storage: staff upload a
 * photo for a pledge, attach it to the confirmed arrival, and the donor and staff (never the public ledger)
 * see it through a short-lived link that serves exactly the uploaded bytes.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** JPEG signature followed by bytes: enough for the sniffing rule. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]);

async function pledged(stationId: string = STATION.jiangbin) {
  return b.ok(
    'donations',
    'pledge',
    {
      stationId,
      data: {
        kind: 'goods',
        unit: '箱',
        quantity: 2,
        unitValueFen: 5000,
        deliveryMethod: 'drop_off',
        expectedDate: new Date(b.clock.now.getTime() + 2 * 86400_000).toISOString(),
        message: '',
        anonymous: true,
        donorName: '王女士',
        contactPhone: '13800004444',
      },
    },
    AS.donor,
  );
}

const upload = (pledgeId: string, bytes: Buffer, as: string = AS.staff) =>
  b.call('donations', 'uploadArrivalPhoto', { pledgeId, imageBase64: bytes.toString('base64') }, as);

async function fetchBytes(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

it('stores the photo under the pledge, attaches it to the confirmed arrival, and shows it to the donor and staff only', async () => {
  const p = await pledged();
  const first = await b.ok(
    'donations',
    'uploadArrivalPhoto',
    { pledgeId: p.pledgeId, imageBase64: PNG.toString('base64') },
    AS.staff,
  );
  expect(first.fileId).toContain(`/${arrivalPhotoFolder(STATION.jiangbin, p.pledgeId)}`);
  expect(first.fileId).toMatch(/\.png$/);
  expect(first.bytes).toBe(PNG.length);
  expect((await fetchBytes(first.url)).equals(PNG)).toBe(true);
  // The same photo sent twice (a retry) is the same file.
  const again = await b.ok(
    'donations',
    'uploadArrivalPhoto',
    { pledgeId: p.pledgeId, imageBase64: PNG.toString('base64') },
    AS.staff,
  );
  expect(again.fileId).toBe(first.fileId);

  const received = await b.ok(
    'donations',
    'confirmArrival',
    { pledgeId: p.pledgeId, receivedQuantity: 2, unitValueFen: 5000, note: '两箱牛奶', photoFileId: first.fileId },
    AS.staff,
  );
  expect(received.status).toBe('received');
  expect((await fetchBytes(received.arrivalPhotoUrl)).equals(PNG)).toBe(true);

  const queue = await b.ok('donations', 'staffQueue', { stationId: STATION.jiangbin, view: 'received' }, AS.staff);
  const inQueue = queue.items.find((i: any) => i.pledgeId === p.pledgeId);
  expect((await fetchBytes(inQueue.arrivalPhotoUrl)).equals(PNG)).toBe(true);

  const mine = await b.ok('donations', 'myPledges', {}, AS.donor);
  const own = mine.items.find((i: any) => i.pledgeId === p.pledgeId);
  expect(own.timeline.map((e: any) => e.label)).toContain('站点已接收 2箱，价值约 ¥100.00，附到货照片');
  expect((await fetchBytes(own.arrivalPhotoUrl)).equals(PNG)).toBe(true);

  // The public ledger names no photo (it may show people or addresses).
  const ledger = await b.ok('donations', 'ledger', { stationId: STATION.jiangbin });
  expect(JSON.stringify(ledger)).not.toMatch(/arrivals\/|emulator\/storage/);

  const audit = (await b.all('auditLog')).find((a) => a.action === 'pledge.receive' && a.entityId === p.pledgeId);
  expect(audit.to.photoFileId).toBe(first.fileId);
});

it('costs no storage call for a page without photos, and one for a page with several', async () => {
  const storageCalls = async () => {
    const stats = await (await fetch(`${b.emulator.url}/emulator/stats`, { headers: b.controlHeaders })).json();
    return stats['@storage']?.['storage.batchGetDownloadUrl'] ?? 0;
  };
  const reset = () => fetch(`${b.emulator.url}/emulator/stats/reset`, { method: 'POST', headers: b.controlHeaders });
  const p = await pledged();
  await reset();
  const expected = await b.ok('donations', 'staffQueue', { stationId: STATION.jiangbin, view: 'expected' }, AS.staff);
  expect(expected.items.find((i: any) => i.pledgeId === p.pledgeId).arrivalPhotoUrl).toBeNull();
  expect(expected.items.every((i: any) => i.arrivalPhotoUrl === null)).toBe(true);
  expect(await storageCalls()).toBe(0);

  // Two more received with photos: the 已接收 page links all of them with one call.
  for (const q of [await pledged(), await pledged()]) {
    const photo = Buffer.concat([JPEG, Buffer.from(q.pledgeId)]);
    const up = await b.ok(
      'donations',
      'uploadArrivalPhoto',
      { pledgeId: q.pledgeId, imageBase64: photo.toString('base64') },
      AS.staff,
    );
    await b.ok(
      'donations',
      'confirmArrival',
      { pledgeId: q.pledgeId, receivedQuantity: 2, unitValueFen: 5000, photoFileId: up.fileId },
      AS.staff,
    );
  }
  await reset();
  const received = await b.ok('donations', 'staffQueue', { stationId: STATION.jiangbin, view: 'received' }, AS.staff);
  expect(received.items.filter((i: any) => i.arrivalPhotoUrl !== null).length).toBeGreaterThanOrEqual(3);
  expect(await storageCalls()).toBe(1);
});

it('refuses what is not a JPEG/PNG photo, too large, or not staff of the station, and stores nothing', async () => {
  const p = await pledged();
  const text = Buffer.from('<html>not a photo</html>');
  expect(await upload(p.pledgeId, text)).toMatchObject({ ok: false, error: { code: 'PHOTO_INVALID' } });
  const huge = Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024, 1)]);
  expect((await upload(p.pledgeId, huge)) as any).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await upload(p.pledgeId, JPEG, AS.resident)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  const elsewhere = await pledged(STATION.zhongdai);
  expect(await upload(elsewhere.pledgeId, JPEG, AS.staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(
    await b.call('donations', 'uploadArrivalPhoto', { pledgeId: p.pledgeId, imageBase64: '***' }, AS.staff),
  ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  // Nothing landed in storage for either pledge.
  const folder = arrivalPhotoFolder(STATION.jiangbin, p.pledgeId);
  expect(existsSync(join(b.emulator.emulator.dataDir, 'storage', folder))).toBe(false);
  expect(existsSync(join(b.emulator.emulator.dataDir, 'storage', 'arrivals', STATION.zhongdai))).toBe(false);
  const okUpload = await b.ok(
    'donations',
    'uploadArrivalPhoto',
    { pledgeId: p.pledgeId, imageBase64: JPEG.toString('base64') },
    AS.staff,
  );
  expect(existsSync(join(b.emulator.emulator.dataDir, 'storage', folder))).toBe(true);
  expect(okUpload.fileId).toContain(folder);
});

it('refuses an arrival naming a photo of another pledge or a photo never uploaded, and leaves the pledge as it was', async () => {
  const p = await pledged();
  const other = await pledged();
  const otherPhoto = await b.ok(
    'donations',
    'uploadArrivalPhoto',
    { pledgeId: other.pledgeId, imageBase64: JPEG.toString('base64') },
    AS.staff,
  );
  const confirm = (photoFileId: string) =>
    b.refused(
      'donations',
      'confirmArrival',
      { pledgeId: p.pledgeId, receivedQuantity: 2, unitValueFen: 5000, photoFileId },
      AS.staff,
    );
  expect(await confirm(otherPhoto.fileId)).toBe('PHOTO_NOT_FOUND');
  const forged = otherPhoto.fileId.replace(other.pledgeId, p.pledgeId);
  expect(await confirm(forged)).toBe('PHOTO_NOT_FOUND');
  expect(await confirm('cloud://local.x/arrivals/../x.jpg')).toBe('PHOTO_NOT_FOUND');
  const folder = arrivalPhotoFolder(STATION.jiangbin, p.pledgeId);
  expect(await confirm(`cloud://local.x/${folder}../${other.pledgeId}/${otherPhoto.fileId.split('/').pop()}`)).toBe(
    'PHOTO_NOT_FOUND',
  );
  expect(
    await b.refused(
      'donations',
      'confirmArrival',
      { pledgeId: p.pledgeId, receivedQuantity: 2, unitValueFen: 5000, photoFileId: 'https://evil.example/x.jpg' },
      AS.staff,
    ),
  ).toBe('INVALID_INPUT');
  const row = (await b.all('pledges')).find((x) => x._id === p.pledgeId);
  expect(row).toMatchObject({ status: 'pledged', receivedQuantity: 0, photoFileId: null });

  // Once received, no more arrival photos for it.
  await b.ok(
    'donations',
    'confirmArrival',
    { pledgeId: p.pledgeId, receivedQuantity: 2, unitValueFen: 5000 },
    AS.staff,
  );
  expect(await upload(p.pledgeId, JPEG)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
});
