/**
 * Who may use the emulator: the credential the SDK signs with, the bearer token of the control
 * endpoints, and the Host/Origin rules that keep a browser page on another site (DNS rebinding,
 * drive-by CSRF) away from the database. See docs/security.md and ADR 0020.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { join } from 'node:path';

/** The secretId/secretKey pair the emulator accepts: `tcb.init({ serviceUrl, secretId, secretKey })`. */
export interface EmulatorCredentials {
  secretId: string;
  secretKey: string;
}

/** File in the data folder holding the generated credential (mode 0600). */
export const CREDENTIALS_FILE = 'emulator-credentials.json';

/** How far a signature's timestamp may lie in the past (the SDK sends `X-Signature-Expires: 600`). */
const SIGNATURE_MAX_AGE_SECONDS = 600;
/** How far it may lie in the future (clock skew between two local processes is tiny). */
const SIGNATURE_MAX_SKEW_SECONDS = 60;

/**
 * The credential of a data folder: `EMULATOR_SECRET_ID` + `EMULATOR_SECRET_KEY` when both are set,
 * else a random pair generated once and kept in `<dataDir>/emulator-credentials.json`, so scripts
 * and a restarted gateway keep working with the same values.
 */
export function loadOrCreateCredentials(dataDir: string): EmulatorCredentials {
  const { EMULATOR_SECRET_ID: secretId, EMULATOR_SECRET_KEY: secretKey } = process.env;
  if (secretId && secretKey) return { secretId, secretKey };
  const file = join(dataDir, CREDENTIALS_FILE);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmulatorCredentials>;
    if (typeof stored.secretId === 'string' && typeof stored.secretKey === 'string' && stored.secretKey.length >= 16)
      return { secretId: stored.secretId, secretKey: stored.secretKey };
  }
  mkdirSync(dataDir, { recursive: true });
  const fresh = {
    secretId: `local-${randomBytes(6).toString('hex')}`,
    secretKey: randomBytes(24).toString('base64url'),
  };
  writeFileSync(file, `${JSON.stringify(fresh)}\n`, { mode: 0o600 });
  return fresh;
}

/**
 * Why a `POST /admin` request is not signed by `credentials` the way `@cloudbase/node-sdk` signs
 * (TC3-HMAC-SHA256 over method, URL, the signed headers and every non-empty body field, as
 * `@cloudbase/signature-nodejs` computes it), or null when it is. `nowSeconds` bounds the
 * signature's age. The body is the parsed JSON object the SDK sent.
 */
export function sdkSignatureProblem(
  credentials: EmulatorCredentials,
  req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>,
  body: Record<string, unknown>,
  nowSeconds: number,
): string | null {
  const header = single(req.headers.authorization);
  if (!header) return 'missing signature: initialise the SDK with the emulator secretId and secretKey';
  const parsed =
    /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request,(?: SignedParams=([^,]*),)? SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      header,
    );
  if (!parsed) return 'malformed signature';
  const [, secretId, date, service, signedParamList, signedHeaderList, signature] = parsed as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
    string,
    string,
  ];
  if (secretId !== credentials.secretId) return 'secret id error';
  const timestamp = Number(single(req.headers['x-timestamp']));
  if (!Number.isInteger(timestamp)) return 'missing X-Timestamp';
  if (timestamp < nowSeconds - SIGNATURE_MAX_AGE_SECONDS || timestamp > nowSeconds + SIGNATURE_MAX_SKEW_SECONDS)
    return 'signature is expired';
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return 'signature date mismatch';

  const signedHeaders = signedHeaderList.split(';');
  if (!signedHeaders.includes('host') || !signedHeaders.includes('content-type'))
    return 'host and content-type must be signed';
  const canonicalHeaders: string[] = [];
  for (const name of signedHeaders) {
    const value = single(req.headers[name] as IncomingHttpHeaders[string]);
    if (value === undefined) return `signed header ${name} missing`;
    let normal = value.trim().toLowerCase();
    if (name === 'content-type' && normal.startsWith('multipart/form-data')) normal = 'multipart/form-data';
    canonicalHeaders.push(`${name}:${normal}`);
  }

  const fields = signableFields(body);
  const present = Object.keys(fields).filter((k) => fields[k]);
  const signedParams =
    signedParamList === undefined ? present.sort((l, r) => l.localeCompare(r)) : signedParamList.split(';');
  // Every non-empty field must be covered: an unsigned extra field could change what the request does.
  if (signedParams.length !== present.length || !present.every((k) => signedParams.includes(k)))
    return 'body fields differ from the signed ones';
  const payloadHash = createHash('sha256');
  for (const key of signedParams) payloadHash.update(`&${key}=`).update(fields[key]!).update('\r\n');
  const hashedPayload = payloadHash.digest('hex');

  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q >= 0 ? url.slice(0, q) : url;
  const query = q >= 0 ? url.slice(q + 1) : '';
  const host = single(req.headers.host) ?? '';
  const scope = `${date}/${service}/tc3_request`;
  const key = hmac(hmac(hmac(`TC3${credentials.secretKey}`, date), service), 'tc3_request');
  const expected = Buffer.from(signature, 'hex');
  // The SDK signs its lower-case method name; accept the upper-case form other signers use.
  for (const method of new Set([(req.method ?? 'POST').toLowerCase(), (req.method ?? 'POST').toUpperCase()])) {
    const canonical = [
      method,
      `//${host}${path}`,
      query,
      `${canonicalHeaders.join('\n')}\n`,
      signedHeaders.join(';'),
      hashedPayload,
    ].join('\n');
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
    const actual = hmac(key, toSign);
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return null;
  }
  return 'signature mismatch';
}

/** True when the request carries `Authorization: Bearer <secretKey>` (the emulator's control endpoints). */
export function hasControlToken(credentials: EmulatorCredentials, req: Pick<IncomingMessage, 'headers'>): boolean {
  const header = single(req.headers.authorization);
  if (!header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length).trim());
  const expected = Buffer.from(credentials.secretKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Why a request's `Host` does not name this server, or null. Accepted: `localhost`, any IP literal
 * (a rebinding page always arrives with its own domain name in `Host`), and the names in
 * `allowedHosts` (plus the host of `EMULATOR_PUBLIC_URL`). Ports are not compared: the socket
 * already reached our port.
 */
export function hostProblem(req: Pick<IncomingMessage, 'headers'>, allowedHosts: readonly string[]): string | null {
  const host = single(req.headers.host);
  if (!host) return 'missing Host header';
  const name = hostnameOf(host);
  if (name === undefined) return `malformed Host ${host}`;
  if (name === 'localhost' || isIP(name) !== 0) return null;
  if (allowedHosts.map((h) => h.toLowerCase()).includes(name)) return null;
  return `foreign Host ${host}`;
}

/**
 * Why a request's `Origin` is a page of another site, or null. Browsers send `Origin` on every
 * cross-origin request and on same-origin POSTs; tools and the SDK send none. Only the origin of
 * this server (as named in `Host`) is accepted.
 */
export function originProblem(req: Pick<IncomingMessage, 'headers'>): string | null {
  const origin = single(req.headers.origin);
  if (origin === undefined) return null;
  const host = single(req.headers.host);
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return null;
  return `foreign Origin ${origin}`;
}

/** The extra host names accepted besides localhost and IP literals: `EMULATOR_ALLOWED_HOSTS` and `EMULATOR_PUBLIC_URL`. */
export function configuredAllowedHosts(): string[] {
  const names = (process.env.EMULATOR_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const publicUrl = process.env.EMULATOR_PUBLIC_URL;
  if (publicUrl) {
    try {
      names.push(new URL(publicUrl).hostname.toLowerCase());
    } catch {
      // A malformed public URL names no host.
    }
  }
  return names;
}

/** True for a peer address on this machine's loopback (127.0.0.0/8, ::1, and their IPv4-mapped form). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
}

/** True when a listen address keeps the server on this machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host);
}

function hostnameOf(host: string): string | undefined {
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::\d+)?$/.exec(host);
  if (bracketed) return bracketed[1]!.toLowerCase();
  const plain = /^([A-Za-z0-9.-]+)(?::\d+)?$/.exec(host);
  return plain ? plain[1]!.toLowerCase() : undefined;
}

/** The body fields as the signer formats them: keys lower-cased and URL-encoded, values as trimmed strings. */
function signableFields(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const name = encodeURIComponent(key.toLowerCase().trim())
      .replace(/!/g, '%21')
      .replace(/'/g, '%27')
      .replace(/\(/g, '%28')
      .replace(/\)/g, '%29')
      .replace(/\*/g, '%2A');
    out[name] = (typeof value === 'string' ? value : JSON.stringify(value)).trim();
  }
  return out;
}

function hmac(key: string | Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text).digest();
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
