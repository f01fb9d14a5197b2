import {
  donorOpenCap,
  latestExpectedDate,
  linkedActivityProblem,
  canTransitionPledge,
  formatFen,
  isArrivalPhotoPath,
  needProgress,
  pledgeCap,
  PLEDGE_STATUSES,
  arrivalPhotoPath,
  sniffImage,
  valueFen,
  type PledgeActor,
  type PledgeStatus,
} from '../../shared/domain/donation';

describe('pledge state machine', () => {
  const legal: [PledgeStatus, PledgeStatus, PledgeActor][] = [
    ['pledged', 'received', 'staff'],
    ['pledged', 'cancelled', 'donor'],
    ['pledged', 'lapsed', 'system'],
    ['pledged', 'voided', 'staff'],
    ['received', 'distributed', 'staff'],
  ];
  it.each(legal)('allows %s → %s by %s', (from, to, actor) => {
    expect(canTransitionPledge(from, to, actor)).toBe(true);
  });

  it('refuses every other transition and actor', () => {
    const actors: PledgeActor[] = ['donor', 'staff', 'system'];
    for (const from of PLEDGE_STATUSES) {
      for (const to of PLEDGE_STATUSES) {
        for (const actor of actors) {
          const isLegal = legal.some(([f, t, a]) => f === from && t === to && a === actor);
          expect([from, to, actor, canTransitionPledge(from, to, actor)]).toEqual([from, to, actor, isLegal]);
        }
      }
    }
  });
});

describe('money in integer fen', () => {
  it('multiplies quantity by unit value exactly', () => {
    expect(valueFen(3, 1999)).toBe(5997);
    expect(valueFen(0, 500)).toBe(0);
  });
  it('refuses fractions, negatives and overflow', () => {
    expect(() => valueFen(1.5, 100)).toThrow(RangeError);
    expect(() => valueFen(2, -1)).toThrow(RangeError);
    expect(() => valueFen(2, 0.1)).toThrow(RangeError);
    expect(valueFen(1_000_000, 100)).toBe(100_000_000);
    expect(valueFen(1_000_000, 101)).toBeNull();
    expect(valueFen(2, 10_000_000_000)).toBeNull();
  });
  it('formats fen without floating point', () => {
    expect(formatFen(123450)).toBe('¥1,234.50');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-250)).toBe('-¥2.50');
  });
  it('caps pledges at the over-pledge percentage, rounding down', () => {
    expect(pledgeCap(10, 150)).toBe(15);
    expect(pledgeCap(3, 150)).toBe(4);
    expect(pledgeCap(7, 100)).toBe(7);
  });
  it('never shows progress beyond the target or received beyond received', () => {
    expect(needProgress({ targetQuantity: 10, receivedQuantity: 4, pledgedQuantity: 15 })).toEqual({
      receivedPercent: 40,
      pledgedPercent: 100,
    });
    expect(needProgress({ targetQuantity: 10, receivedQuantity: 12, pledgedQuantity: 12 })).toEqual({
      receivedPercent: 100,
      pledgedPercent: 100,
    });
    expect(needProgress({ targetQuantity: 3, receivedQuantity: 1, pledgedQuantity: 2 })).toEqual({
      receivedPercent: 33,
      pledgedPercent: 66,
    });
  });
});

describe('blocking a need', () => {
  it('expects a pledge by the need’s deadline plus a week, or within 60 days without a need', () => {
    const now = new Date('2026-11-22T02:00:00Z');
    const deadline = new Date('2026-12-22T02:00:00Z');
    expect(latestExpectedDate({ now, needDeadline: deadline })).toEqual(new Date('2026-12-29T02:00:00Z'));
    expect(latestExpectedDate({ now, needDeadline: null })).toEqual(new Date('2027-01-21T02:00:00Z'));
  });
  it('lets one donor hold at most half of what a need accepts, at least one unit', () => {
    expect(donorOpenCap(15)).toBe(8);
    expect(donorOpenCap(3)).toBe(2);
    expect(donorOpenCap(1)).toBe(1);
  });
});

describe('activities named by donations', () => {
  const at = (status: 'draft' | 'published' | 'finished' | 'cancelled', stationPath = ['c', 's', 'r']) => ({
    status,
    stationPath,
  });
  it('accepts public activities of the station subtree only', () => {
    expect(linkedActivityProblem(at('published'), 's')).toBeNull();
    expect(linkedActivityProblem(at('finished'), 'r')).toBeNull();
    expect(linkedActivityProblem(at('published', ['c', 'x']), 's')).toBe('NOT_FOUND');
    expect(linkedActivityProblem(at('draft'), 's')).toBe('NOT_FOUND');
    expect(linkedActivityProblem(at('cancelled'), 's')).toBe('ACTIVITY_CANCELLED');
  });
});

describe('arrival photos', () => {
  const digest = 'ab'.repeat(32);

  it('recognises JPEG and PNG by their bytes only', () => {
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1]))).toBe('jpg');
    expect(sniffImage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffImage(new TextEncoder().encode('<svg>…</svg>'))).toBeNull();
    expect(sniffImage(Uint8Array.from([0xff, 0xd8]))).toBeNull();
  });

  it("names a photo by its digest in its pledge's folder, and accepts exactly such names", () => {
    const path = arrivalPhotoPath('st_A', 'p1', digest, 'jpg');
    expect(path).toBe(`arrivals/st_A/p1/${'ab'.repeat(12)}.jpg`);
    expect(isArrivalPhotoPath('st_A', 'p1', path)).toBe(true);
    expect(isArrivalPhotoPath('st_A', 'p1', arrivalPhotoPath('st_A', 'p1', digest, 'png'))).toBe(true);
  });

  it.each([
    ['another pledge', `arrivals/st_A/p2/${'ab'.repeat(12)}.jpg`],
    ['another station', `arrivals/st_B/p1/${'ab'.repeat(12)}.jpg`],
    ['a subfolder', `arrivals/st_A/p1/x/${'ab'.repeat(12)}.jpg`],
    ['a way out of the folder', `arrivals/st_A/p1/../p2/${'ab'.repeat(12)}.jpg`],
    ['another type', `arrivals/st_A/p1/${'ab'.repeat(12)}.gif`],
    ['a name it never gives', 'arrivals/st_A/p1/photo.jpg'],
    ['a short digest', `arrivals/st_A/p1/${'ab'.repeat(11)}.jpg`],
  ])('refuses %s', (_what, path) => {
    expect(isArrivalPhotoPath('st_A', 'p1', path)).toBe(false);
  });
});
