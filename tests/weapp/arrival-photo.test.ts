/**
 * The REAL weapp build in miniprogram-simulate, cloud calls routed to the REAL `donations` function
 * on the emulator (with its cloud storage): staff open 捐赠管理, tap 确认接收, take a photo
 * (`wx.chooseMedia` → `wx.compressImage` → read as base64 through the file system manager), see
 * the stored photo's preview, and confirm — the pledge is received with the photo attached.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../service/support';
import {
  addWxApis,
  attributeValues,
  byId,
  layoutlessSelectorQuery,
  openPage,
  recorder,
  tap,
  waitFor,
  wxAsync,
  useWeapp,
} from './simulate-env';

jest.setTimeout(60_000);

/** A minimal baseline JPEG, as the camera would leave it in a temp file. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const folder = mkdtempSync(join(tmpdir(), 'weapp-camera-'));
const cameraFile = join(folder, 'camera.jpg');
writeFileSync(cameraFile, JPEG);
const compressions: Record<string, unknown>[] = [];

addWxApis({
  createSelectorQuery: layoutlessSelectorQuery,
  chooseMedia: wxAsync(() => ({ type: 'image', tempFiles: [{ tempFilePath: cameraFile, size: JPEG.length }] })),
  compressImage: wxAsync((options: Record<string, unknown>) => {
    compressions.push({ quality: options.quality, compressedWidth: options.compressedWidth });
    return { tempFilePath: options.src };
  }),
  getFileSystemManager: () => ({
    readFile: wxAsync((o: { filePath: string; encoding?: string }) => ({
      data: readFileSync(o.filePath).toString(o.encoding === 'base64' ? 'base64' : 'utf8'),
    })),
  }),
  previewImage: wxAsync(() => ({})),
});

let backend: Backend;

useWeapp('dev-staff', (started) => (backend = started));

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
});

test('确认接收 with 拍照留证: the photo is compressed, uploaded, previewed and attached to the confirmed arrival', async () => {
  const pledged = await backend.call(
    'donations',
    'pledge',
    {
      stationId: 'st_LJ01',
      data: {
        kind: 'goods',
        unit: '袋',
        quantity: 3,
        unitValueFen: 3000,
        deliveryMethod: 'drop_off',
        expectedDate: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        message: '',
        anonymous: false,
        donorName: '刘女士',
        contactPhone: '13800005555',
      },
    },
    'dev-donor',
  );
  if (!pledged.ok) throw new Error(JSON.stringify(pledged));
  const pledgeId = (pledged.data as { pledgeId: string }).pledgeId;

  const page = await openPage('packages/donation/pages/staff/index');
  await waitFor(() => byId(page, `confirm-arrival-${pledgeId}`), 'the pledge in 本周待收', page);
  tap(page, `confirm-arrival-${pledgeId}`);
  await waitFor(() => byId(page, 'take-arrival-photo'), 'the 拍照留证 button', page);
  tap(page, 'take-arrival-photo');
  const preview = await waitFor(() => byId(page, 'arrival-photo-preview'), 'the stored photo preview', page);
  // `<image src>` lives in the page's data tree: the link to the photo as stored.
  const src = attributeValues(preview).find((value) => value.includes('/emulator/storage/file/'));
  expect(src).toContain(`/emulator/storage/file/arrivals/st_LJ01/${pledgeId}/`);
  expect(compressions).toEqual([{ quality: 70, compressedWidth: 1280 }]);

  tap(page, 'submit-staff-action-button');
  const row = await waitFor(
    async () => {
      const doc = (await backend.all('pledges')).find((p) => p._id === pledgeId);
      return doc?.status === 'received' ? doc : undefined;
    },
    'the arrival in the database',
    page,
  );
  expect(row.photoFileId).toMatch(new RegExp(`/arrivals/st_LJ01/${pledgeId}/[0-9a-f]{24}\\.jpg$`));
  // What cloud storage holds under that id is exactly the camera's file.
  const cloudPath = String(row.photoFileId).replace(/^cloud:\/\/[^/]+\//, '');
  expect(readFileSync(join(backend.emulator.emulator.dataDir, 'storage', cloudPath)).equals(JPEG)).toBe(true);
  expect(src).toContain(cloudPath);
  expect(recorder.calls).toEqual(expect.arrayContaining(['donations.uploadArrivalPhoto', 'donations.confirmArrival']));
  expect(recorder.modals).toEqual([]);
  // Every element has a template (NutUI's spinner renders as a view: client/lib/nutui-icons.ts).
  expect(recorder.templateWarnings).toEqual([]);
});
