/**
 * The local stand-in for CloudBase cloud storage, as the unchanged `@cloudbase/node-sdk` reaches it:
 * `app.uploadFile` asks `storage.getUploadMetadata` for a signed upload URL and PUTs the bytes there;
 * `app.getTempFileURL` / `downloadFile` ask `storage.batchGetDownloadUrl` for signed, expiring
 * download URLs; `app.deleteFile` sends `storage.batchDeleteFile`. Files live under
 * `<dataDir>/storage/<cloudPath>`; the URLs point back at this server (`/emulator/storage/…`), so a
 * browser on the same host can show a photo or download an export exactly as it would from COS.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A cloud path as CloudBase accepts it: letters, digits, CJK, `/ ! - _ . *`; no empty or `..` segments. */
const CLOUD_PATH = /^[0-9A-Za-z\u4e00-\u9fa5!\-_.*]+(\/[0-9A-Za-z\u4e00-\u9fa5!\-_.*]+)*$/;
const MAX_PATH_CHARS = 512;
/** How long an upload URL stays valid (COS signatures from CloudBase last about as long). */
const UPLOAD_URL_SECONDS = 15 * 60;
/** Download URL lifetime when the caller gives none (CloudBase's default is a day). */
const DEFAULT_MAX_AGE_SECONDS = 86_400;

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
};

/** One answer of a storage wire action: `{ data }` or `{ code, message }`. */
export type StorageAnswer = { data: Record<string, unknown> } | { code: string; message: string };

/** What a GET/PUT on `/emulator/storage/…` answers. */
export interface StorageHttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export function isValidCloudPath(path: string): boolean {
  return path.length > 0 && path.length <= MAX_PATH_CHARS && CLOUD_PATH.test(path) && !/(^|\/)\.\.?(\/|$)/.test(path);
}

export class Storage {
  private readonly root: string;
  private readonly secret = randomBytes(32);
  /** Calls per wire action, for the benchmark and tests (`/emulator/stats` under `@storage`). */
  readonly calls: Record<string, number> = {};

  constructor(dataDir: string) {
    this.root = join(dataDir, 'storage');
  }

  /** Answers `storage.*` wire actions. `baseUrl` is how the caller reached us (`http://host:port`). */
  answer(action: string, body: Record<string, unknown>, baseUrl: string, env: string): StorageAnswer {
    this.calls[action] = (this.calls[action] ?? 0) + 1;
    switch (action) {
      case 'storage.getUploadMetadata': {
        const path = typeof body.path === 'string' ? body.path : '';
        if (!isValidCloudPath(path)) return { code: 'INVALID_PARAM', message: `invalid cloudPath: ${path}` };
        const expires = Math.floor(Date.now() / 1000) + UPLOAD_URL_SECONDS;
        const token = this.sign(`put\n${path}\n${expires}`);
        const fileId = this.fileId(env, path);
        return {
          data: {
            url: `${baseUrl}/emulator/storage/upload?path=${encodeURIComponent(path)}&t=${expires}&sign=${token}`,
            token,
            authorization: token,
            fileId,
            cosFileId: `cos-${token.slice(0, 16)}`,
            download_url: this.downloadUrl(baseUrl, path, DEFAULT_MAX_AGE_SECONDS),
          },
        };
      }
      case 'storage.batchGetDownloadUrl': {
        const list = Array.isArray(body.file_list) ? body.file_list : null;
        if (!list) return { code: 'INVALID_PARAM', message: 'file_list must be an array' };
        return {
          data: {
            download_list: list.map((item: unknown) => {
              const entry = (item ?? {}) as { fileid?: unknown; max_age?: unknown };
              const fileID = typeof entry.fileid === 'string' ? entry.fileid : '';
              const path = this.pathOf(fileID);
              if (path === undefined || !this.exists(path))
                return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
              const maxAge =
                typeof entry.max_age === 'number' && entry.max_age > 0 ? entry.max_age : DEFAULT_MAX_AGE_SECONDS;
              return { fileID, tempFileURL: this.downloadUrl(baseUrl, path, maxAge), code: 'SUCCESS' };
            }),
          },
        };
      }
      case 'storage.batchDeleteFile': {
        const list = Array.isArray(body.fileid_list) ? body.fileid_list : null;
        if (!list) return { code: 'INVALID_PARAM', message: 'fileid_list must be an array' };
        return {
          data: {
            delete_list: list.map((item: unknown) => {
              const fileID = typeof item === 'string' ? item : '';
              const path = this.pathOf(fileID);
              if (path === undefined || !this.exists(path)) return { fileID, code: 'STORAGE_FILE_NONEXIST' };
              unlinkSync(this.diskPath(path));
              return { fileID, code: 'SUCCESS' };
            }),
          },
        };
      }
      default:
        return { code: 'INVALID_PARAM', message: `unknown storage action ${action}` };
    }
  }

  /** `PUT /emulator/storage/upload?path&t&sign` (the SDK's COS upload): stores the bytes. */
  put(query: URLSearchParams, authorization: string | undefined, bytes: Buffer): StorageHttpAnswer {
    const path = query.get('path') ?? '';
    const expires = Number(query.get('t'));
    const sign = query.get('sign') ?? '';
    if (!isValidCloudPath(path) || !this.valid(`put\n${path}\n${expires}`, sign) || authorization !== sign)
      return cosError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match', path);
    if (!(expires * 1000 > Date.now())) return cosError(403, 'AccessDenied', 'Request has expired', path);
    const target = this.diskPath(path);
    mkdirSync(dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(4).toString('hex')}.part`;
    writeFileSync(temp, bytes);
    renameSync(temp, target);
    return { status: 200, headers: { etag: `"${this.sign(bytes.toString('base64')).slice(0, 32)}"` }, body: '' };
  }

  /** `GET /emulator/storage/file/<path>?t&sign`: the file, if the link is genuine and unexpired. */
  get(rawPath: string, query: URLSearchParams): StorageHttpAnswer {
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return cosError(400, 'InvalidURI', 'malformed path', rawPath);
    }
    const expires = Number(query.get('t'));
    if (!isValidCloudPath(path) || !this.valid(`get\n${path}\n${expires}`, query.get('sign') ?? ''))
      return cosError(403, 'AccessDenied', 'Access Denied', path);
    if (!(expires * 1000 > Date.now())) return cosError(403, 'AccessDenied', 'Request has expired', path);
    if (!this.exists(path)) return cosError(404, 'NoSuchKey', 'The specified key does not exist.', path);
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    return {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
        'cache-control': 'private, max-age=60',
      },
      body: readFileSync(this.diskPath(path)),
    };
  }

  /** Drops every stored file. */
  reset(): void {
    rmSync(this.root, { recursive: true, force: true });
    for (const key of Object.keys(this.calls)) delete this.calls[key];
  }

  private fileId(env: string, path: string): string {
    return `cloud://${env}.emulator-${env}/${path}`;
  }

  /** The cloud path inside a file id of this emulator (any env), or undefined. */
  private pathOf(fileID: string): string | undefined {
    const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
    const path = match?.[1];
    return path !== undefined && isValidCloudPath(path) ? path : undefined;
  }

  private downloadUrl(baseUrl: string, path: string, maxAgeSeconds: number): string {
    const expires = Math.floor(Date.now() / 1000) + Math.floor(maxAgeSeconds);
    // Raw path, as CloudBase answers it: the SDK calls encodeURI() on it before downloading.
    return `${baseUrl}/emulator/storage/file/${path}?t=${expires}&sign=${this.sign(`get\n${path}\n${expires}`)}`;
  }

  private exists(path: string): boolean {
    const p = this.diskPath(path);
    return existsSync(p) && statSync(p).isFile();
  }

  private diskPath(path: string): string {
    return join(this.root, ...path.split('/'));
  }

  private sign(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('hex');
  }

  private valid(text: string, sign: string): boolean {
    const expected = Buffer.from(this.sign(text));
    const given = Buffer.from(sign);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** An error in COS's XML shape (what the SDK parses after an upload). */
function cosError(status: number, code: string, message: string, resource: string): StorageHttpAnswer {
  const id = randomBytes(8).toString('hex');
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
    `<Resource>${escapeXml(resource)}</Resource><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`;
  return { status, headers: { 'content-type': 'application/xml' }, body: xml };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
