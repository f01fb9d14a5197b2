import { AS, startBackend, STATION, type Backend } from './support';

/** Months outside the years a report can cover are refused as input, never answered with INTERNAL. */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

describe('report months', () => {
  it.each(['0001-01', '1000-01', '1999-12'])(
    'refuses a trend ending in %s with the endMonth field named',
    async (endMonth) => {
      const answer = await b.call('reports', 'trend', { stationId: STATION.jiangbin, endMonth }, AS.staff);
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          userMessage: expect.any(String),
          requestId: expect.any(String),
          fields: { endMonth: '报表月份最早为 2000-01' },
        },
      });
    },
  );

  it.each(['0001-01', '1000-01'])(
    'refuses a monthly report and an export for %s with the month field named',
    async (month) => {
      for (const action of ['monthly', 'exportMonthly']) {
        const answer = await b.call('reports', action, { stationId: STATION.jiangbin, month }, AS.staff);
        expect(answer).toMatchObject({
          ok: false,
          error: { code: 'INVALID_INPUT', fields: { month: '报表月份最早为 2000-01' } },
        });
      }
    },
  );

  it('still draws a 12-month trend that starts in the earliest reportable years', async () => {
    const answer = await b.ok('reports', 'trend', { stationId: STATION.jiangbin, endMonth: '2000-12' }, AS.staff);
    expect(answer.points.map((p: { month: string }) => p.month)).toEqual([
      '2000-01',
      '2000-02',
      '2000-03',
      '2000-04',
      '2000-05',
      '2000-06',
      '2000-07',
      '2000-08',
      '2000-09',
      '2000-10',
      '2000-11',
      '2000-12',
    ]);
    expect(answer.points.every((p: { attendances: number }) => p.attendances === 0)).toBe(true);
  });
});
