import { certificateLines } from '../../../shared/domain/hours';
import { fromAppWallClock, inAppZone } from '../../../shared/domain/time';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { CertificateDoc, HourEntryDoc } from '../../core/documents';
import { nextInSequence } from '../../core/repositories/counters';
import { findClaimsByIds, findEntriesForCertificate, insertCertificate } from '../../core/repositories/hours';
import { findStation } from '../../core/repositories/stations';
import { findUserById } from '../../core/repositories/users';
import { certificateCode } from '../certificate-code';
import { requireVolunteer } from '../require-volunteer';

/** Who handled the record (经办人): the staff member who recorded the latest of these hours. */
async function handlerOf(deps: Deps, entries: readonly HourEntryDoc[]): Promise<string | null> {
  const recorder = [...entries].reverse().find((e) => e.createdBy !== 'system' && e.createdBy !== e.volunteerId);
  return recorder ? ((await findUserById(deps.db, recorder.createdBy))?.nickname ?? null) : null;
}

/**
 * Issue a 志愿服务记录证明 for [from, to] (Asia/Shanghai days) from the station that organised the
 * service (谁记录谁证明): its entries at that station only, frozen into the certificate, with a
 * serial and a verification code anyone can check. Free, as the rules require. Each row names
 * what was done (the activity, or a top-up's own description), corrections are folded into the
 * row they correct and no row of zero minutes is printed (`certificateLines`); the 经办人 is the
 * staff member who recorded the hours.
 */
export async function issueCertificate(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; from: string; to: string },
) {
  const { user, volunteer } = await requireVolunteer(deps, caller);
  if (input.to < input.from)
    throw new AppError('INVALID_INPUT', {
      userMessage: '结束日期不能早于开始日期',
      fields: { to: '结束日期不能早于开始日期' },
    });
  const station = await findStation(deps.db, input.stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  const from = fromAppWallClock(`${input.from}T00:00:00`);
  const to = new Date(fromAppWallClock(`${input.to}T00:00:00`).getTime() + 86400_000);
  const entries = await findEntriesForCertificate(deps.db, {
    volunteerId: user.userId,
    stationId: station._id,
    from,
    to,
  });
  const totalMinutes = entries.reduce((sum, e) => sum + e.minutes, 0);
  if (entries.length === 0 || totalMinutes <= 0) throw new AppError('NO_HOURS_TO_CERTIFY');
  const claims = new Map(
    (
      await findClaimsByIds(deps.db, [
        ...new Set(entries.flatMap((e) => (!e.activityTitle && e.claimId ? [e.claimId] : []))),
      ])
    ).map((c) => [c._id, c]),
  );
  const lines = certificateLines(
    entries.map((e) => ({
      entryId: e._id,
      kind: e.kind,
      minutes: e.minutes,
      serviceDate: e.serviceDate,
      adjustsEntryId: e.adjustsEntryId,
      serviceItem: e.activityTitle ?? (e.claimId ? claims.get(e.claimId)?.description : undefined) ?? '志愿服务',
    })),
  );
  const handlerName = (await handlerOf(deps, entries)) ?? `${station.name}工作人员`;
  const now = deps.now();
  const year = inAppZone(now).format('YYYY');
  const serial = `${station.code}-${year}-${String(await nextInSequence(deps.db, `certificate:${station.code}:${year}`)).padStart(5, '0')}`;
  const certificate: CertificateDoc = {
    _id: serial,
    volunteerId: user.userId,
    volunteerName: volunteer.realName,
    volunteerNo: volunteer.volunteerNo,
    idMasked: volunteer.idMasked,
    stationId: station._id,
    issuerName: station.name,
    issuerPhone: station.phone,
    handlerName,
    from: input.from,
    to: input.to,
    totalMinutes,
    entries: lines.map((line) => ({
      serviceDate: line.serviceDate,
      activityTitle: line.serviceItem,
      minutes: line.minutes,
      kind: line.kind,
    })),
    verificationCode: certificateCode({
      serial,
      volunteerNo: volunteer.volunteerNo,
      totalMinutes,
      from: input.from,
      to: input.to,
    }),
    issuedAt: now,
  };
  await insertCertificate(deps.db, certificate);
  return {
    serial,
    verificationCode: certificate.verificationCode,
    volunteerName: certificate.volunteerName,
    volunteerNo: certificate.volunteerNo,
    idType: '居民身份证',
    idMasked: certificate.idMasked,
    issuerName: certificate.issuerName,
    issuerPhone: certificate.issuerPhone,
    handlerName: certificate.handlerName,
    from: certificate.from,
    to: certificate.to,
    totalMinutes,
    entries: certificate.entries,
    issuedAt: now,
  };
}
