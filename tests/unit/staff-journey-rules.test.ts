/**
 * The rules behind the staff and donor screens, pure: the 月报 in the units people report in and
 * its comparison with the month before, the audit log in words, 捐赠管理's actions, what the pledge
 * confirmation tells the donor, where a message leads and the unread badge.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

jest.mock('@tarojs/taro', () => ({}));

import { actionLabel, NAMED_ACTIONS } from '../../client/packages/console/lib/audit';
import { deliveryLead } from '../../client/packages/donation/lib/pledge-text';
import {
  checkStaffAction,
  initialStation,
  managedStations,
  staffActions,
  startingQuantity,
  viewOfFilter,
  type StaffPledge,
} from '../../client/packages/donation/lib/staff-rules';
import { unreadBadgeText } from '../../client/hooks/use-unread-messages';
import { describeAuditChange } from '../../shared/domain/audit';
import { messageTarget } from '../../shared/domain/message';
import { INDICATOR_KEYS, type IndicatorKey } from '../../shared/domain/report';
import {
  compareIndicator,
  inReportUnits,
  isEmptyMonth,
  monthlyReportSheets,
  reportUnit,
  reportUnitWithScale,
  type IndicatorValues,
} from '../../shared/domain/report-format';

const zero = (): IndicatorValues => Object.fromEntries(INDICATOR_KEYS.map((k) => [k, 0]));

describe('the 月报 in report units', () => {
  it('turns permille into %, tenths into the 5-point scale, minutes into hours and fen into 元', () => {
    expect([reportUnit('attendanceRatePermille'), inReportUnits('attendanceRatePermille', 667)]).toEqual(['%', 66.7]);
    expect([reportUnit('averageRatingTenths'), inReportUnits('averageRatingTenths', 46)]).toEqual(['分', 4.6]);
    expect(reportUnitWithScale('averageRatingTenths')).toBe('分，满分5分');
    expect([reportUnit('verifiedMinutes'), inReportUnits('verifiedMinutes', 90)]).toEqual(['小时', 1.5]);
    expect([reportUnit('resourcesValueFen'), inReportUnits('resourcesValueFen', 123456)]).toEqual(['元', 1234.56]);
    expect([reportUnit('attendances'), inReportUnits('attendances', 7)]).toEqual(['人次', 7]);
    expect(inReportUnits('goodsValueFen', 1)).toBe(0.01);
  });

  it('says an empty month before holds no data instead of claiming ↑100.0%', () => {
    const current = { ...zero(), bookings: 3, attendances: 3, attendanceRatePermille: 1000 };
    const previous = zero();
    expect(isEmptyMonth(previous)).toBe(true);
    expect(
      compareIndicator({ key: 'attendanceRatePermille', value: 1000, previous: 0 }, { current, previous }),
    ).toEqual({ value: '100.0%', previous: '无数据', change: '—' });
    expect(compareIndicator({ key: 'attendances', value: 3, previous: 0 }, { current, previous })).toEqual({
      value: '3 人次',
      previous: '无数据',
      change: '—',
    });
  });

  it('compares a rate only where both months have its base, and writes the change in its unit', () => {
    const previous = { ...zero(), activitiesHeld: 2, bookings: 0 };
    const current = { ...zero(), activitiesHeld: 3, bookings: 4, attendances: 3, attendanceRatePermille: 750 };
    const month = { current, previous };
    expect(compareIndicator({ key: 'attendanceRatePermille', value: 750, previous: 0 }, month)).toEqual({
      value: '75.0%',
      previous: '—',
      change: '—',
    });
    expect(compareIndicator({ key: 'activitiesHeld', value: 3, previous: 2 }, month)).toEqual({
      value: '3 场',
      previous: '2 场',
      change: '↑ 1 场',
    });
    expect(
      compareIndicator({ key: 'noShowRatePermille', value: 0, previous: 0 }, { current: previous, previous: current }),
    ).toEqual({
      value: '—',
      previous: '0.0%',
      change: '—',
    });
    const both = { current: { ...current }, previous: { ...current, attendanceRatePermille: 800 } };
    expect(compareIndicator({ key: 'attendanceRatePermille', value: 750, previous: 800 }, both)).toEqual({
      value: '75.0%',
      previous: '80.0%',
      change: '↓ 5.0%',
    });
    expect(compareIndicator({ key: 'bookings', value: 4, previous: 4 }, both)).toMatchObject({ change: '持平' });
  });

  it('builds the export sheets in report units, with integer figures converted once', () => {
    const rows = (values: Partial<Record<IndicatorKey, [number, number]>>) =>
      INDICATOR_KEYS.map((key) => ({ key, value: values[key]?.[0] ?? 0, previous: values[key]?.[1] ?? 0 }));
    const sheets = monthlyReportSheets(
      {
        stationName: '江滨街道社工站',
        month: '2026-10',
        previousMonth: '2026-09',
        indicators: rows({
          bookings: [3, 2],
          attendances: [2, 2],
          attendanceRatePermille: [667, 1000],
          ratings: [1, 0],
          averageRatingTenths: [50, 0],
          verifiedMinutes: [90, 30],
          resourcesValueFen: [1230, 410],
        }),
        byCategory: [{ category: 'elder_care', activities: 1, attendances: 2 }],
        children: [
          {
            stationName: '颐和社区社工室',
            values: { ...zero(), bookings: 3, attendanceRatePermille: 667, resourcesValueFen: 1230 },
          },
          { stationName: '江滨街道社工站（本级）', values: zero() },
        ],
      },
      '社工站',
    );
    expect(sheets.map((s) => s.name)).toEqual(['月报汇总', '分站明细', '活动类别']);
    const summary = new Map(sheets[0]!.rows.map((r) => [r.values.indicator, r]));
    expect(summary.get('到场率')).toEqual({
      numFmt: '0.0',
      values: expect.objectContaining({ value: 66.7, previous: 100, change: -33.3, unit: '%' }),
    });
    expect(summary.get('平均满意度')!.values).toMatchObject({
      value: 5,
      previous: null,
      change: null,
      unit: '分，满分5分',
    });
    expect(summary.get('志愿服务时长（签到核实）')!.values).toMatchObject({
      value: 1.5,
      previous: 0.5,
      change: 1,
      unit: '小时',
    });
    expect(summary.get('链接社会资源价值')).toEqual({
      numFmt: '0.00',
      values: expect.objectContaining({ value: 12.3, previous: 4.1, change: 8.2, unit: '元' }),
    });
    const headers = sheets[1]!.columns.map((c) => c.header);
    expect(headers).toContain('到场率（%）');
    expect(headers).toContain('平均满意度（分，满分5分）');
    expect(headers).toContain('链接社会资源价值（元）');
    expect(headers.join()).not.toMatch(/‰|分×10|（分）|分钟/);
    expect(sheets[1]!.rows[0]!.values).toMatchObject({
      station: '颐和社区社工室',
      attendanceRatePermille: 66.7,
      resourcesValueFen: 12.3,
      averageRatingTenths: null,
    });
  });

  it('writes 上月无数据 as the change when the month before is empty', () => {
    const sheets = monthlyReportSheets(
      {
        stationName: '站',
        month: '2026-10',
        previousMonth: '2026-09',
        indicators: INDICATOR_KEYS.map((key) => ({ key, value: key === 'attendances' ? 2 : 0, previous: 0 })),
        byCategory: [],
        children: [],
      },
      '社工站',
    );
    expect(new Set(sheets[0]!.rows.map((r) => r.values.change))).toEqual(new Set(['上月无数据']));
    expect(new Set(sheets[0]!.rows.map((r) => r.values.previous))).toEqual(new Set([null]));
  });
});

describe('the audit log in words', () => {
  it('writes states, roles, times and money as words, never JSON', () => {
    expect(
      describeAuditChange({ action: 'activity.publish', from: { status: 'draft' }, to: { status: 'published' } }),
    ).toEqual(['状态：草稿 → 已发布']);
    expect(describeAuditChange({ action: 'role.grant', from: null, to: { role: 'head' } })).toEqual(['角色：站长']);
    expect(describeAuditChange({ action: 'role.grant', from: { role: 'staff' }, to: { role: 'head' } })).toEqual([
      '角色：驻站社工 → 站长',
    ]);
    expect(describeAuditChange({ action: 'role.revoke', from: { role: 'staff' }, to: null })).toEqual([
      '角色：驻站社工 → （无）',
    ]);
    expect(
      describeAuditChange({
        action: 'pledge.receive',
        from: { status: 'pledged' },
        to: { status: 'received', receivedQuantity: 5, receivedValueFen: 40000, photoFileId: 'cloud://x/y.jpg' },
      }),
    ).toEqual(['状态：已认捐，待送达 → 站点已接收', '实收数量：5', '价值：¥400.00', '到货照片：已附']);
    expect(
      describeAuditChange({
        action: 'activity.update',
        from: { capacity: 20, startAt: new Date('2026-11-25T06:00:00Z'), description: '旧' },
        to: { capacity: 30, startAt: '2026-11-26T06:00:00.000Z', description: '新' },
      }),
    ).toEqual(['名额：20 人 → 30 人', '开始时间：11月25日 周三 14:00 → 11月26日 周四 14:00', '介绍：已修改']);
    expect(
      describeAuditChange({
        action: 'hours.adjust',
        from: { minutes: 60 },
        to: { minutes: 90, adjustmentId: 'adj_1' },
      }),
    ).toEqual(['时长：1 小时 → 1.5 小时']);
    expect(
      describeAuditChange({
        action: 'booking.correctAttendance',
        from: { status: 'no_show' },
        to: { status: 'checked_in' },
      }),
    ).toEqual(['状态：未到场 → 已签到']);
    expect(
      describeAuditChange({
        action: 'activity.cancel',
        from: { status: 'published' },
        to: { status: 'cancelled', bookingsCancelled: 3 },
      }),
    ).toEqual(['状态：已发布 → 已取消', '同时取消的报名：3 人']);
  });

  it('names every action the functions audit, in Chinese', () => {
    const audited = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts')) {
          const source = readFileSync(path, 'utf8');
          if (!source.includes('appendAudit(')) continue;
          for (const line of source.match(/action: [^\n]*/g) ?? [])
            for (const literal of line.match(/'([a-z]+\.[a-zA-Z]+)'/g) ?? []) audited.add(literal.slice(1, -1));
        }
      }
    };
    walk(join(__dirname, '../../cloudfunctions'));
    expect(audited.size).toBeGreaterThan(10);
    expect([...audited].filter((action) => !NAMED_ACTIONS.includes(action))).toEqual([]);
    expect(actionLabel('role.grant')).toBe('授予权限');
    expect(actionLabel('some.newThing')).toBe('其他操作');
  });
});

const pledge = (overrides: Partial<StaffPledge> = {}): StaffPledge =>
  ({
    pledgeId: 'p1',
    needId: 'n1',
    unitValueFen: 8000,
    status: 'pledged',
    quantity: 5,
    unit: '床',
    receivedQuantity: 0,
    distributedQuantity: 0,
    thankYouNote: null,
    ...overrides,
  }) as StaffPledge;

describe('捐赠管理 rules', () => {
  it('opens the tab a console link names, 本周待收 otherwise', () => {
    expect([viewOfFilter('week'), viewOfFilter('overdue'), viewOfFilter(undefined), viewOfFilter('nonsense')]).toEqual([
      'expected',
      'overdue',
      'expected',
      'expected',
    ]);
  });

  it('offers receive and void while pledged, distribute while some is left, thanks once arrived and not yet thanked', () => {
    expect(staffActions(pledge())).toEqual(['receive', 'void']);
    expect(staffActions(pledge({ status: 'received', receivedQuantity: 5, distributedQuantity: 2 }))).toEqual([
      'distribute',
      'thank',
    ]);
    expect(staffActions(pledge({ status: 'distributed', receivedQuantity: 5, distributedQuantity: 5 }))).toEqual([
      'thank',
    ]);
    expect(
      staffActions(
        pledge({ status: 'distributed', receivedQuantity: 5, distributedQuantity: 5, thankYouNote: '谢谢' }),
      ),
    ).toEqual([]);
    expect(staffActions(pledge({ status: 'cancelled' }))).toEqual([]);
  });

  it('starts each dialog with the usual quantity and checks it like the server', () => {
    const received = pledge({ status: 'received', receivedQuantity: 5, distributedQuantity: 2 });
    expect([
      startingQuantity('receive', pledge()),
      startingQuantity('distribute', received),
      startingQuantity('thank', received),
    ]).toEqual(['5', '3', '']);
    const form = {
      quantity: '4',
      unitYuan: '',
      note: ' 已入库 ',
      beneficiaryGroup: '',
      activityId: '',
      photoFileId: null,
    };
    expect(checkStaffAction('receive', pledge(), form)).toEqual({
      ok: true,
      mode: 'receive',
      request: { pledgeId: 'p1', receivedQuantity: 4, note: '已入库' },
    });
    // A pledge to the station in general carries the donor's own value: staff confirm or correct it.
    const general = pledge({ needId: null });
    expect(checkStaffAction('receive', general, { ...form, unitYuan: '35.50' })).toEqual({
      ok: true,
      mode: 'receive',
      request: { pledgeId: 'p1', receivedQuantity: 4, unitValueFen: 3550, note: '已入库' },
    });
    expect(checkStaffAction('receive', general, { ...form, unitYuan: '三十' })).toEqual({
      ok: false,
      problem: '每单位价值请填写金额，如 35 或 35.50',
    });
    expect(checkStaffAction('void', pledge(), { ...form, note: ' 联系不上捐赠人 ' })).toEqual({
      ok: true,
      mode: 'void',
      request: { pledgeId: 'p1', reason: '联系不上捐赠人' },
    });
    expect(checkStaffAction('void', pledge(), { ...form, note: ' ' })).toEqual({
      ok: false,
      problem: '请填写作废原因（将告知捐赠人）',
    });
    expect(checkStaffAction('receive', pledge(), { ...form, quantity: '0' })).toEqual({
      ok: false,
      problem: '请填写实际接收数量（整数）',
    });
    expect(checkStaffAction('distribute', received, form)).toEqual({
      ok: false,
      problem: '发放数量须为 1 到 3 之间的整数',
    });
    expect(checkStaffAction('distribute', received, { ...form, quantity: '3' })).toEqual({
      ok: false,
      problem: '请选择受益群体',
    });
    expect(
      checkStaffAction('distribute', received, {
        ...form,
        quantity: '3',
        beneficiaryGroup: '独居老人',
        activityId: 'a1',
      }),
    ).toEqual({
      ok: true,
      mode: 'distribute',
      request: { pledgeId: 'p1', quantity: 3, beneficiaryGroup: '独居老人', note: '已入库', activityId: 'a1' },
    });
    expect(checkStaffAction('thank', received, { ...form, note: '  ' })).toEqual({
      ok: false,
      problem: '请填写感谢语',
    });
  });

  it('lists the stations the person manages donations at, and opens the one asked for only when managed', () => {
    const grants = [
      { stationId: 'st_A', stationName: 'A', role: 'staff' as const, stationPath: ['st_C', 'st_A'] },
      { stationId: 'st_A', stationName: 'A', role: 'head' as const, stationPath: ['st_C', 'st_A'] },
      { stationId: 'st_B', stationName: 'B', role: 'admin' as const, stationPath: ['st_C', 'st_B'] },
    ];
    expect(managedStations(grants).map((g) => g.stationId)).toEqual(['st_A', 'st_B']);
    expect([initialStation(grants, 'st_B'), initialStation(grants, 'st_X'), initialStation([], 'st_B')]).toEqual([
      'st_B',
      'st_A',
      undefined,
    ]);
  });
});

describe('what the donor reads', () => {
  it('says what to do next by delivery method, with the chosen day and the promise of a message', () => {
    const base = { quantity: 5, unit: '床', stationName: '江滨街道社工站', expectedDate: '2026-11-25T04:00:00.000Z' };
    expect(deliveryLead({ ...base, deliveryMethod: 'drop_off' })).toBe(
      '请在 11月25日 周三（开放时间内）把 5床 送到江滨街道社工站，地址见下方。站点接收后会在「消息」里通知您，发放和致谢也会告诉您。',
    );
    expect(deliveryLead({ ...base, deliveryMethod: 'pickup' })).toBe(
      '江滨街道社工站会按您留的电话联系您，约 11月25日 周三 上门收取 5床。站点接收后会在「消息」里通知您，发放和致谢也会告诉您。',
    );
    expect(deliveryLead({ ...base, deliveryMethod: 'express' })).toBe(
      '请把 5床 寄到江滨街道社工站，预计 11月25日 周三 送达，地址和电话见下方。站点接收后会在「消息」里通知您，发放和致谢也会告诉您。',
    );
  });

  it('opens 我的捐赠 from a pledge message and the activity from an activity message', () => {
    expect(messageTarget({ kind: 'pledge_received', activityId: null })).toBe('pledges');
    expect(messageTarget({ kind: 'promoted', activityId: 'a1' })).toBe('activity');
    expect(messageTarget({ kind: 'activity_cancelled', activityId: null })).toBeNull();
  });

  it('shows the unread count on the 我的 tab, none at 0, 99+ beyond', () => {
    expect([unreadBadgeText(0), unreadBadgeText(3), unreadBadgeText(120)]).toEqual([null, '3', '99+']);
  });
});
