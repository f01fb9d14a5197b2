/**
 * The REAL weapp build in miniprogram-simulate, cloud calls routed to the REAL `targets` and
 * `reports` functions on the emulator: 王社工 registers a person with consent, finds them in
 * 本周应访, records a visit with one abnormal item while the phone has no network, the draft
 * outlives the page, and syncs exactly once when `wx.onNetworkStatusChange` says the network is
 * back — its photo, taken offline, uploaded once with it — and the record shows it as 离线记录; the
 * 月报 then shows the visit; a paired volunteer sees only the masked task.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idCheckChar } from '../../shared/domain/identity';
import type { Backend } from '../service/support';
import {
  addWxApis,
  byId,
  layoutlessSelectorQuery,
  nodeText,
  openPage,
  recorder,
  tap,
  textOf,
  waitFor,
  useWeapp,
  wxAsync,
  type RenderedPage,
} from './simulate-env';

jest.setTimeout(90_000);

const STAFF = 'dev-staff';
const VOLUNTEER = 'dev-volunteer';
let backend: Backend;
let caller = STAFF;
/** No signal: every cloud call fails as WeChat's does without a network. */
let offline = false;
const networkListeners = new Set<(res: { isConnected: boolean; networkType: string }) => void>();

/** A minimal baseline JPEG, as the camera would leave it in a temp file. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const cameraFolder = mkdtempSync(join(tmpdir(), 'weapp-visit-camera-'));
const cameraFile = join(cameraFolder, 'camera.jpg');
writeFileSync(cameraFile, JPEG);
afterAll(() => rmSync(cameraFolder, { recursive: true, force: true }));

addWxApis({
  createSelectorQuery: layoutlessSelectorQuery,
  chooseMedia: wxAsync(() => ({ type: 'image', tempFiles: [{ tempFilePath: cameraFile, size: JPEG.length }] })),
  compressImage: wxAsync((options: Record<string, unknown>) => ({ tempFilePath: options.src })),
  getFileSystemManager: () => ({
    readFile: wxAsync((o: { filePath: string; encoding?: string }) => ({
      data: readFileSync(o.filePath).toString(o.encoding === 'base64' ? 'base64' : 'utf8'),
    })),
  }),
  previewImage: wxAsync(() => ({})),
  getLocation: wxAsync(() => ({ latitude: 30.2741, longitude: 120.1551, accuracy: 20 })),
  onNetworkStatusChange: (cb: (res: { isConnected: boolean; networkType: string }) => void) => networkListeners.add(cb),
  offNetworkStatusChange: (cb: (res: { isConnected: boolean; networkType: string }) => void) =>
    networkListeners.delete(cb),
  getNetworkType: wxAsync(() => ({ networkType: offline ? 'none' : 'wifi' })),
  makePhoneCall: wxAsync(() => ({})),
});

useWeapp(
  () => caller,
  (started) => {
    backend = started;
    // WeChat without a network: the call never reaches the function.
    const call = started.call;
    started.call = ((fn: Parameters<Backend['call']>[0], ...rest: unknown[]) => {
      if (offline && (fn === 'targets' || fn === 'reports'))
        return Promise.reject({ errMsg: 'cloud.callFunction:fail network' });
      return (call as (...a: unknown[]) => ReturnType<Backend['call']>)(fn, ...rest);
    }) as Backend['call'];
  },
);

/** Types into a NutUI Input/TextArea as WeChat does: an `input` event with the value. */
function type(page: RenderedPage, id: string, value: string): void {
  const element = page.querySelector(`#${id}`);
  if (!element) throw new Error(`#${id} is not on the page (text: ${textOf(page).slice(0, 300)})`);
  element.dispatchEvent('input', { detail: { value, cursor: value.length } });
}

/** Shanghai calendar day `days` from now. */
function shanghaiDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function flush(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
}

let targetId = '';

test('staff register a person with consent, and today’s list shows them', async () => {
  const form = await openPage('packages/targets/pages/edit/index', { stationId: 'st_LJ0101' });
  await waitFor(() => byId(form, 'target-form'), 'the registration form', form);
  type(form, 'input-name', '蒋阿婆');
  type(form, 'input-birthYear', '1940');
  type(form, 'input-phone1', '13700030001');
  type(form, 'input-area', '颐和社区');
  type(form, 'input-building', '9幢1单元');
  type(form, 'input-tierReason', '独居高龄');
  await flush();
  for (const id of ['gender-female', 'target-category-living_alone', 'tier-high', 'consent-given']) {
    tap(form, id);
    await flush();
  }
  await waitFor(() => byId(form, 'consent-by-self'), 'the consent details', form);
  tap(form, 'consent-by-self');
  tap(form, 'consent-method-verbal_witnessed');
  await waitFor(() => form.querySelector('#input-witness'), 'the witness field', form);
  type(form, 'input-witness', '网格员小陈');
  await flush();
  tap(form, 'save-target-button');
  const stored = await waitFor(
    async () => (await backend.all('targets')).find((t) => t.name === '蒋阿婆'),
    'the new record in the database',
    form,
  );
  targetId = stored._id;
  expect(stored).toMatchObject({
    stationId: 'st_LJ0101',
    tier: 'high',
    categories: ['living_alone'],
    consent: { status: 'given', by: 'self', method: 'verbal_witnessed', witness: '网格员小陈' },
  });
  await waitFor(() => recorder.navigations.includes('navigateBack'), 'the form to close', form);

  const plan = await openPage('packages/targets/pages/plan/index');
  const row = await waitFor(() => byId(plan, `target-${targetId}`), 'the new person in 本周应访', plan);
  expect(nodeText(row)).toContain('蒋阿婆');
  expect(nodeText(byId(plan, `due-${targetId}`))).toContain('本周应访');
  await waitFor(() => /本周应访 \d+/.test(nodeText(byId(plan, 'view-week'))), 'the count on the tab', plan);
});

test('a visit with one abnormal item and a photo, recorded without signal, outlives the page and syncs once', async () => {
  offline = true;
  const visit = await openPage('packages/targets/pages/visit/index', { targetId, name: '蒋阿婆', photos: '1' });
  await waitFor(() => byId(visit, 'checklist'), 'the checklist', visit);
  expect(nodeText(byId(visit, 'visit-target-name'))).toBe('蒋阿婆');
  tap(visit, 'all-ok-health');
  await flush();
  tap(visit, 'check-gas-abnormal');
  await waitFor(() => byId(visit, 'follow-up'), 'the follow-up the abnormal item asks for', visit);
  expect(nodeText(byId(visit, 'check-gas-abnormal'))).toBe('！异常');
  type(visit, 'input-followUpNote', '燃气软管老化，联系燃气公司更换');
  await flush();
  tap(visit, `due-${shanghaiDay(3)}`);
  await flush();
  // A photo taken without signal stays with the draft on the phone.
  tap(visit, 'take-visit-photo');
  await waitFor(() => byId(visit, 'visit-photo-0'), 'the photo in the draft', visit);
  tap(visit, 'submit-visit-button');
  const result = await waitFor(() => byId(visit, 'visit-result-text'), 'the outcome', visit);
  expect(nodeText(result)).toContain('已保存在手机上，有网络后会自动同步');
  expect((await backend.all('visits')).filter((v) => v.targetId === targetId)).toEqual([]);
  (visit as unknown as { detach(): void }).detach();

  // The draft is on the phone, not in the page: the sync list (a page opened later) has it.
  const sync = await openPage('packages/targets/pages/sync/index');
  await waitFor(() => nodeText(byId(sync, 'sync-count')) === '1 条探访待同步', 'the waiting draft', sync);
  // Opening the list tries a sync first ("正在同步…"); offline, it settles on waiting for the network.
  await waitFor(() => textOf(sync).includes('等待网络，有网络后自动同步'), 'the draft waiting for the network', sync);

  // The network comes back: WeChat tells every listener; the draft is sent once, its photo first.
  const callsBefore = recorder.calls.length;
  offline = false;
  for (const listener of [...networkListeners]) listener({ isConnected: true, networkType: 'wifi' });
  await waitFor(() => nodeText(byId(sync, 'sync-count')) === '没有待同步的探访', 'the queue to empty', sync);
  for (const listener of [...networkListeners]) listener({ isConnected: true, networkType: 'wifi' });
  await flush();
  const visits = (await backend.all('visits')).filter((v) => v.targetId === targetId);
  expect(visits).toHaveLength(1);
  expect(visits[0]).toMatchObject({
    status: 'counted',
    method: 'door',
    checklist: { speech: 'ok', movement: 'ok', response: 'ok', illness: 'ok', mental: 'ok', gas: 'abnormal' },
    followUp: { note: '燃气软管老化，联系燃气公司更换', dueDate: shanghaiDay(3), orderId: null },
    draftedOffline: true,
  });
  const online = recorder.calls.slice(callsBefore);
  expect(online.filter((c) => c === 'targets.uploadPhoto')).toHaveLength(1);
  expect(online.filter((c) => c === 'targets.recordVisit')).toHaveLength(1);
  // Cloud storage holds the camera's file once, in the draft's folder, and the visit names it.
  const folder = join(backend.emulator.emulator.dataDir, 'storage', 'visits', targetId, visits[0].clientId);
  const stored = readdirSync(folder);
  expect(stored).toHaveLength(1);
  expect(readFileSync(join(folder, stored[0]!)).equals(JPEG)).toBe(true);
  expect(visits[0].photoFileIds).toHaveLength(1);
  expect(String(visits[0].photoFileIds[0])).toMatch(
    new RegExp(`/visits/${targetId}/${visits[0].clientId}/${stored[0]}$`),
  );
  expect((await backend.all('targets')).find((t) => t._id === targetId).lastVisitAt).not.toBeNull();
});

test('the record shows the synced visit as 离线记录', async () => {
  const record = await openPage('packages/targets/pages/record/index', { targetId });
  await waitFor(() => textOf(record).includes('离线记录'), 'the visit marked 离线记录', record);
  expect(nodeText(byId(record, 'record-home-location'))).toContain('未设定');
});

test('the 月报 shows the visit rate with the visit counted', async () => {
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const answer = await backend.call('reports', 'monthly', { stationId: 'st_LJ01', month }, STAFF);
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  const visits = (answer.data as { visits: { due: number; visited: number; ratePermille: number } }).visits;
  const report = await openPage('packages/console/pages/report/index', { stationId: 'st_LJ01' });
  const line = await waitFor(() => byId(report, 'report-visits-line'), 'the visit section', report);
  expect(nodeText(line)).toBe(
    visits.due === visits.visited
      ? `本月探访 ${visits.visited}/${visits.due}，全部已访`
      : `本月探访 ${visits.visited}/${visits.due}，${visits.due - visits.visited} 人未访`,
  );
  expect(nodeText(byId(report, 'visits-tier-high-value'))).toMatch(/^\d+\/\d+（\d+\.\d%）$/);
  expect(visits.visited).toBeGreaterThan(0);
});

test('a paired volunteer sees only the masked task', async () => {
  const first17 = '11010119900307100';
  const registered = await backend.call(
    'volunteering',
    'register',
    {
      data: {
        realName: '李志远',
        idNumber: first17 + idCheckChar(first17),
        phone: '13800002222',
        emergencyContact: { name: '李母', phone: '13833334444' },
        homeStationId: 'st_LJ01',
      },
    },
    VOLUNTEER,
  );
  if (!registered.ok) throw new Error(JSON.stringify(registered));
  const paired = await backend.call('targets', 'pairVolunteer', { targetId, phone: '13800002222' }, STAFF);
  if (!paired.ok) throw new Error(JSON.stringify(paired));

  caller = VOLUNTEER;
  const tasks = await openPage('packages/targets/pages/tasks/index');
  const name = await waitFor(() => byId(tasks, `task-name-${targetId}`), 'the masked task', tasks);
  expect(nodeText(name)).toBe('蒋**');
  const text = textOf(tasks);
  expect(text).toContain('颐和社区 9幢1单元');
  expect(text).toContain('13700030001');
  for (const hidden of ['蒋阿婆', '独居', '高风险', '网格员小陈', '燃气']) expect(text).not.toContain(hidden);
  expect(recorder.templateWarnings).toEqual([]);
});
