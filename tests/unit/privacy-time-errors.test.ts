import { planDatabaseDeploy } from '../../scripts/lib/deploy-plan';
import { AppError, ERROR_MESSAGES, isAppError, isErrorCode } from '../../shared/errors';
import { maskName, maskPhone } from '../../shared/domain/privacy';
import { dayRange, formatSpan, fromAppWallClock, monthKey, monthRange } from '../../shared/domain/time';
import manifest from '../../config/database.json';

describe('privacy masks', () => {
  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('masks anything else but its last two characters', () => {
    expect(maskPhone('86001000')).toBe('******00');
    expect(maskPhone('1')).toBe('**');
  });
  it('keeps only the first character of a name', () => {
    expect(maskName('张秀英')).toBe('张**');
    expect(maskName('欧阳娜娜子')).toBe('欧***');
    expect(maskName('李')).toBe('李');
  });
});

describe('Asia/Shanghai calendar', () => {
  it('puts 23:59 on the last day of a month in that month and 00:00 in the next', () => {
    expect(monthKey(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(monthKey(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
  });
  it('spans a month from local midnight to local midnight', () => {
    const { start, end } = monthRange('2026-12');
    expect(start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
  it('formats a same-day span once with its weekday', () => {
    expect(formatSpan({ startAt: '2026-11-23T06:30:00Z', endAt: '2026-11-23T08:00:00Z' })).toBe(
      '11月23日 周一 14:30–16:00',
    );
  });
});

describe('errors', () => {
  it('gives every code a Chinese default message', () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      expect(isErrorCode(code)).toBe(true);
      expect(message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(isErrorCode('NOPE')).toBe(false);
  });
  it('carries a custom user message and keeps the detail out of it', () => {
    const err = new AppError('ACTIVITY_FULL', { userMessage: '名额已满，请关注下次活动', detail: 'capacity 20' });
    expect(isAppError(err)).toBe(true);
    expect(err.userMessage).toBe('名额已满，请关注下次活动');
    expect(err.message).toBe('capacity 20');
  });
});

describe('database deploy plan', () => {
  it('creates every collection, its indexes, and closes it to clients', () => {
    const steps = planDatabaseDeploy(manifest as never);
    const collections = Object.keys(manifest.collections);
    expect(steps.filter((s) => s.kind === 'createCollection').map((s) => s.collection)).toEqual(collections);
    expect(
      steps
        .filter((s) => s.kind === 'securityRule')
        .every((s) => s.kind === 'securityRule' && s.rule === '{"read":false,"write":false}'),
    ).toBe(true);
    const unique = steps.find((s) => s.kind === 'createIndex' && s.index === 'openid_unique');
    expect(unique).toMatchObject({ collection: 'users', unique: true, keys: [{ Name: 'openid', Direction: '1' }] });
  });

  it('pushes the stations 2dsphere index that 离我最近 (geoNear) needs', () => {
    const steps = planDatabaseDeploy(manifest as never);
    const geo = steps.filter((s) => s.kind === 'createIndex' && s.keys.some((k) => k.Direction === '2dsphere'));
    expect(geo).toEqual([
      {
        kind: 'createIndex',
        collection: 'stations',
        index: 'location_geo',
        unique: false,
        keys: [{ Name: 'location', Direction: '2dsphere' }],
      },
    ]);
    // Created after the collection it belongs to.
    const created = steps.findIndex((s) => s.kind === 'createCollection' && s.collection === 'stations');
    expect(created).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf(geo[0])).toBeGreaterThan(created);
  });
});

describe('Asia/Shanghai day boundaries', () => {
  it('reads a wall-clock time as UTC+8 whatever the machine zone', () => {
    expect(fromAppWallClock('2026-11-23T09:30:00').toISOString()).toBe('2026-11-23T01:30:00.000Z');
    const { start, end } = dayRange(new Date('2026-11-22T16:30:00Z'));
    expect(start.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });
});
