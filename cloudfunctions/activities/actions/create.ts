import type { z } from 'zod';
import type { ZActivityInput } from '../../../shared/contracts/activities';
import { scheduleProblem, withScheduleDefaults } from '../../../shared/domain/activity';
import { AppError } from '../../../shared/errors';
import { stationWithPermission } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { ActivityDoc } from '../../core/documents';
import { toActivityDetail } from '../mappers';
import { insertActivity } from '../../core/repositories/activities';
import { appendAudit } from '../../core/repositories/audit';

import { newId } from '../../core/ids';

/** Staff create a draft activity at a station of their subtree. */
export async function create(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; data: z.output<typeof ZActivityInput> },
) {
  const staff = requireUser(caller);
  const station = await stationWithPermission(deps, caller, input.stationId, 'activity:manage');
  const now = deps.now();
  const { data } = input;
  const schedule = withScheduleDefaults(
    {
      startAt: new Date(data.startAt),
      endAt: new Date(data.endAt),
      signUpOpensAt: data.signUpOpensAt ? new Date(data.signUpOpensAt) : undefined,
      signUpClosesAt: data.signUpClosesAt ? new Date(data.signUpClosesAt) : undefined,
      cancelDeadline: data.cancelDeadline ? new Date(data.cancelDeadline) : undefined,
    },
    now,
  );
  const problem = scheduleProblem(schedule);
  if (problem)
    throw new AppError('INVALID_INPUT', {
      userMessage: problem.message,
      fields: { [`data.${problem.field}`]: problem.message },
    });
  const activity: ActivityDoc = {
    _id: newId('a'),
    stationId: station._id,
    stationName: station.name,
    stationPath: station.path,
    title: data.title,
    category: data.category,
    method: data.method,
    description: data.description,
    location: data.location,
    contact: data.contact,
    ...schedule,
    capacity: data.capacity,
    confirmed: 0,
    waitlistCapacity: data.waitlistCapacity,
    waitlisted: 0,
    waitlistTicket: 0,
    lineOutstanding: 0,
    lineGivenUp: [],
    volunteerSlots: data.volunteerSlots,
    volunteersSignedUp: 0,
    promotionMode: data.promotionMode,
    claimWindowHours: data.claimWindowHours,
    checkInOpensMinutesBefore: data.checkInOpensMinutesBefore,
    ratingCount: 0,
    ratingSum: 0,
    cancelReason: null,
    rev: 0,
    status: 'draft',
    createdBy: staff.userId,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  };
  await insertActivity(deps.db, activity);
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'activity.create',
    entity: 'activity',
    entityId: activity._id,
    stationId: station._id,
    from: null,
    to: {
      status: 'draft',
      title: activity.title,
      capacity: activity.capacity,
      waitlistCapacity: activity.waitlistCapacity,
    },
  });
  return toActivityDetail(activity, { booking: null, canManage: true });
}
