import { ROUTES, urlOf } from '../../../lib/routes';

/**
 * What the certificate's QR code carries on weapp: the verify page's path with serial and code
 * (a scan inside WeChat opens it once the mini-program's QR rule is registered; the text itself
 * also shows both values to anyone reading it).
 */
export function verifyLink(serial: string, code: string): string {
  return urlOf(ROUTES.volunteerVerify, { serial, code });
}
