import { maskName } from '../../../shared/domain/privacy';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findCertificate } from '../../core/repositories/hours';
import { certificateCode, codesMatch } from '../certificate-code';

/**
 * Check a certificate by serial and code (public, no sign-in): the code is recomputed from what
 * the stored certificate says, so a tampered record or a wrong code both answer NOT_FOUND.
 */
export async function verifyCertificate(deps: Deps, _caller: Caller, input: { serial: string; code: string }) {
  const certificate = await findCertificate(deps.db, input.serial);
  if (!certificate) throw new AppError('CERTIFICATE_NOT_FOUND');
  const expected = certificateCode({
    serial: certificate._id,
    volunteerNo: certificate.volunteerNo,
    totalMinutes: certificate.totalMinutes,
    from: certificate.from,
    to: certificate.to,
  });
  if (!codesMatch(expected, input.code) || !codesMatch(certificate.verificationCode, input.code))
    throw new AppError('CERTIFICATE_NOT_FOUND');
  return {
    valid: true as const,
    serial: certificate._id,
    volunteerName: maskName(certificate.volunteerName),
    volunteerNo: certificate.volunteerNo,
    issuerName: certificate.issuerName,
    from: certificate.from,
    to: certificate.to,
    totalMinutes: certificate.totalMinutes,
    issuedAt: certificate.issuedAt,
  };
}
