import { ROUTES, urlOf } from '../../../lib/routes';

/** H5: an absolute link to the public verify page (hash router), for any phone camera. */
export function verifyLink(serial: string, code: string): string {
  return `${window.location.origin}${window.location.pathname}#${urlOf(ROUTES.volunteerVerify, { serial, code })}`;
}
