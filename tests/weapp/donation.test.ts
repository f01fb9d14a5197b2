/**
 * The REAL weapp build (dist/weapp) rendered by miniprogram-simulate, with cloud calls routed to
 * the REAL `donations` function on the database emulator: a need that staff published through
 * the backend shows on the 公益 tab with its progress in words.
 */
import type { Backend } from '../service/support';
import { openPage, recorder, textOf, waitFor, useWeapp } from './simulate-env';

jest.setTimeout(60_000);

let backend: Backend;

useWeapp('dev-donor', (started) => (backend = started));

test('公益 tab: a need published by staff shows with its progress and the no-money notice', async () => {
  const answer = await backend.call(
    'donations',
    'createNeed',
    {
      stationId: 'st_LJ01',
      data: {
        title: '助老轮椅（weapp）',
        kind: 'goods',
        unit: '辆',
        targetQuantity: 4,
        unitValueFen: 50_000,
        deadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
        beneficiaryGroup: '残疾人',
        description: '',
      },
    },
    'dev-staff',
  );
  expect(answer.ok).toBe(true);

  const page = await openPage('pages/donate/index');
  await waitFor(() => textOf(page).includes('助老轮椅（weapp）'), 'the need on the 公益 tab', page);
  const text = textOf(page);
  expect(text).toContain('已接收 0 / 目标 4 辆');
  expect(text).toContain('已认捐 0 辆');
  expect(text).toContain('受益群体：残疾人');
  expect(text).toContain('本平台不经手任何款项');
  expect(recorder.calls).toEqual(expect.arrayContaining(['donations.listNeeds']));
  expect(recorder.modals).toEqual([]);
});
