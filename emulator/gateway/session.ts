import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How long a local sign-in lasts. */
const SESSION_TTL_MS = 7 * 24 * 3600_000;

/**
 * Signs and checks the local bearer tokens the H5 app sends (`openid.expiry.mac`). This is the
 * local stand-in for the WeChat session CloudBase verifies in production; it exists only in the
 * gateway, never in a function bundle.
 */
export class SessionSigner {
  constructor(private readonly secret: Buffer) {}

  /** A signer whose secret is `GATEWAY_SECRET`, or a random one kept in the data folder. */
  static fromDataDir(dataDir: string): SessionSigner {
    if (process.env.GATEWAY_SECRET) return new SessionSigner(Buffer.from(process.env.GATEWAY_SECRET));
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'gateway-secret');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    return new SessionSigner(Buffer.from(readFileSync(file, 'utf8').trim()));
  }

  /** A token for `openid`, valid for a week from `now`. */
  issue(openid: string, now: Date): string {
    const payload = `${Buffer.from(openid).toString('base64url')}.${now.getTime() + SESSION_TTL_MS}`;
    return `${payload}.${this.mac(payload)}`;
  }

  /** A secret for another local purpose, derived from this one (so one file holds all local keys). */
  derivedSecret(purpose: string): string {
    return createHmac('sha256', this.secret).update(`derive:${purpose}`).digest('base64url');
  }

  /** The openid of a valid, unexpired token, or undefined. */
  verify(token: string, now: Date): string | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [id, expiry, mac] = parts as [string, string, string];
    const expected = Buffer.from(this.mac(`${id}.${expiry}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (!(Number(expiry) > now.getTime())) return undefined;
    return Buffer.from(id, 'base64url').toString('utf8');
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
