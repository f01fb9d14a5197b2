/**
 * Volunteers (issue 16), through the real functions on the emulator: the activity's cancellation
 * deadline for a shift, the confirmation before a check-out that records nothing, certificates
 * that name what was done (never a 0-minute row) and a person as 经办人, and the staff's list of
 * an activity's volunteers.
 */
import { issueCode } from '../../cloudfunctions/core/checkin-codes';
import { AS, registerVolunteer, startBackend, STATION, type Backend, withClock } from './support';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const MIN = 60_000;

describe('volunteers', () => {
  async function shiftOn(title: string, opts: { inMinutes: number; cancelMinutesBefore: number }) {
    const start = new Date(b.clock.now.getTime() + opts.inMinutes * MIN);
    const created = await b.ok(
      'activities',
      'create',
      {
        stationId: STATION.jiangbin,
        data: {
          title,
          category: 'volunteering',
          method: 'community',
          location: '社区',
          startAt: start.toISOString(),
          endAt: new Date(start.getTime() + 120 * MIN).toISOString(),
          capacity: 10,
          volunteerSlots: 3,
          cancelDeadline: new Date(start.getTime() - opts.cancelMinutesBefore * MIN).toISOString(),
        },
      },
      AS.staff,
    );
    await b.ok('activities', 'publish', { activityId: created.activityId }, AS.staff);
    return { id: created.activityId as string, start };
  }

  it('gives a shift back until the activity’s cancellation deadline, not after', async () => {
    await registerVolunteer(b, 'vol-cancel', { realName: '孙志愿', homeStationId: STATION.jiangbin, serial: 902 });
    const { id, start } = await shiftOn('取消岗位测试', { inMinutes: 600, cancelMinutesBefore: 120 });
    await b.ok('volunteering', 'signUpShift', { activityId: id }, 'vol-cancel');
    const mine = await b.ok('volunteering', 'myShifts', { when: 'upcoming' }, 'vol-cancel');
    expect(mine.items.find((s: any) => s.activityId === id).cancelDeadline).toBe(
      new Date(start.getTime() - 120 * MIN).toISOString(),
    );
    const late = await withClock(b, new Date(start.getTime() - 60 * MIN), () =>
      b.call('volunteering', 'cancelShift', { activityId: id }, 'vol-cancel'),
    );
    expect(late).toMatchObject({ ok: false, error: { code: 'CANCEL_DEADLINE_PASSED' } });
    expect(await b.ok('volunteering', 'cancelShift', { activityId: id }, 'vol-cancel')).toMatchObject({
      status: 'cancelled',
    });
    expect((await b.all('activities')).find((a) => a._id === id).volunteersSignedUp).toBe(0);
  });

  it('asks staff to confirm a check-out that would record nothing; confirmed, it writes no 0-minute row', async () => {
    await registerVolunteer(b, 'vol-double', { realName: '钱志愿', homeStationId: STATION.jiangbin, serial: 903 });
    const { id, start } = await shiftOn('双扫测试', { inMinutes: 10, cancelMinutesBefore: 0 });
    const shift = await b.ok('volunteering', 'signUpShift', { activityId: id }, 'vol-double');
    const code = () => issueCode('v', shift.shiftId, b.clock.now).code;
    await withClock(b, start, async () => {
      expect(await b.ok('volunteering', 'scanShift', { activityId: id, code: code() }, AS.staff)).toMatchObject({
        result: 'checked_in',
      });
    });
    await withClock(b, new Date(start.getTime() + 12 * MIN), async () => {
      expect(await b.ok('volunteering', 'scanShift', { activityId: id, code: code() }, AS.staff)).toMatchObject({
        result: 'confirm_checkout',
        minutes: 0,
      });
      expect((await b.all('shifts')).find((s) => s._id === shift.shiftId).status).toBe('checked_in');
      expect(
        await b.ok('volunteering', 'scanShift', { activityId: id, code: code(), mode: 'out' }, AS.staff),
      ).toMatchObject({
        result: 'checked_out',
        minutes: 0,
      });
    });
    expect((await b.all('hourEntries')).filter((e) => e.shiftId === shift.shiftId)).toEqual([]);
    expect((await b.all('shifts')).find((s) => s._id === shift.shiftId)).toMatchObject({
      status: 'checked_out',
      minutes: 0,
    });
  });

  it('lists an activity’s volunteers for its staff, with phone tails only', async () => {
    await registerVolunteer(b, 'vol-list', { realName: '吴志愿', homeStationId: STATION.jiangbin, serial: 904 });
    const { id, start } = await shiftOn('志愿者名单测试', { inMinutes: 10, cancelMinutesBefore: 0 });
    const shift = await b.ok('volunteering', 'signUpShift', { activityId: id }, 'vol-list');
    await withClock(b, start, () =>
      b.ok('volunteering', 'scanShift', { activityId: id, code: issueCode('v', shift.shiftId, start).code }, AS.staff),
    );
    const answer = await b.ok('volunteering', 'activityVolunteers', { activityId: id }, AS.staff);
    expect(answer).toEqual({
      activityTitle: '志愿者名单测试',
      items: [
        {
          shiftId: shift.shiftId,
          name: '吴志愿',
          phoneTail: '9999',
          status: 'checked_in',
          checkInAt: start.toISOString(),
          checkOutAt: null,
          minutes: null,
          autoClosed: false,
        },
      ],
    });
    expect(JSON.stringify(answer)).not.toContain('13900009999');
    expect(await b.refused('volunteering', 'activityVolunteers', { activityId: id }, 'vol-list')).toBe('FORBIDDEN');
  });

  it('prints the activity as the 服务项目, a top-up by what was done, the recording staff member as 经办人', async () => {
    await registerVolunteer(b, 'vol-cert', { realName: '郑志愿', homeStationId: STATION.jiangbin, serial: 905 });
    const fresh = await shiftOn('证明测试活动', { inMinutes: 10, cancelMinutesBefore: 0 });
    const s = await b.ok('volunteering', 'signUpShift', { activityId: fresh.id }, 'vol-cert');
    await withClock(b, fresh.start, () =>
      b.ok(
        'volunteering',
        'scanShift',
        { activityId: fresh.id, code: issueCode('v', s.shiftId, fresh.start).code },
        AS.staff,
      ),
    );
    const out = new Date(fresh.start.getTime() + 90 * MIN);
    await withClock(b, out, () =>
      b.ok('volunteering', 'scanShift', { activityId: fresh.id, code: issueCode('v', s.shiftId, out).code }, AS.staff),
    );
    const claim = await b.ok(
      'volunteering',
      'claimHours',
      {
        data: {
          stationId: STATION.jiangbin,
          startAt: new Date(b.clock.now.getTime() - 2 * 86400_000).toISOString(),
          minutes: 60,
          description: '协助布置场地',
        },
      },
      'vol-cert',
    );
    await b.ok('volunteering', 'reviewClaim', { claimId: claim.claimId, decision: 'approve' }, AS.staff);
    const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const certificate = await withClock(b, new Date(out.getTime() + 86400_000), () =>
      b.ok(
        'volunteering',
        'issueCertificate',
        { stationId: STATION.jiangbin, from: day(new Date(b.clock.now.getTime() - 5 * 86400_000)), to: day(out) },
        'vol-cert',
      ),
    );
    expect(certificate.handlerName).toBe('王社工');
    expect(certificate.entries.map((e: any) => [e.activityTitle, e.minutes, e.kind])).toEqual([
      ['协助布置场地', 60, 'topup'],
      ['证明测试活动', 90, 'verified'],
    ]);
    expect(certificate.totalMinutes).toBe(150);
  });
});
