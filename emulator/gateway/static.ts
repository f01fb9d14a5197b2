import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Text formats worth compressing (images and woff2 are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map', '.ttf', '.ico']);
/** Below this a compressed answer saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;
/** A `[contenthash:8]` name (config/index.ts): its content never changes, so browsers may keep it for good. */
const HASHED_NAME = /\.[0-9a-f]{8}\.[a-z0-9]+$/;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type Encoding = 'br' | 'gzip' | 'identity';

/** One file as served: its bytes, each encoding made once, and the validator of each. */
interface Prepared {
  mtimeMs: number;
  size: number;
  hash: string;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

/** Files read and compressed so far, by absolute path; an entry is redone when the file changes. */
const prepared = new Map<string, Prepared>();

/**
 * Serves the H5 build. Unknown paths fall back to index.html (the router is hash-based, so this
 * only matters for a bare `/`). Paths are resolved inside `root`; anything escaping it is a 404, a
 * malformed `%` escape a 400. Text is sent brotli- or gzip-compressed as `Accept-Encoding` allows;
 * hashed names are cacheable for a year (`immutable`), everything else revalidates with its ETag.
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const base = resolve(root);
  let urlPath: string;
  try {
    urlPath = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad Request: malformed URL escape');
    return;
  }
  let file = resolve(join(base, normalize(urlPath)));
  if (urlPath.includes('\0') || (file !== base && !file.startsWith(base + sep))) {
    res.writeHead(404).end();
    return;
  }
  let info = await stat(file).catch(() => undefined);
  if (!info || info.isDirectory()) {
    file = join(base, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('H5 尚未构建：请先运行 npm run build:h5（npm start 会自动构建）');
    return;
  }

  const entry = await prepare(file, info.mtimeMs, info.size);
  const ext = extname(file);
  const encoding = COMPRESSIBLE.has(ext) && info.size >= MIN_COMPRESS_BYTES ? negotiate(req) : 'identity';
  const etag = `"${entry.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
  const headers: Record<string, string | number> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': HASHED_NAME.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
  };
  if (COMPRESSIBLE.has(ext)) headers.vary = 'Accept-Encoding';
  if (matches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  const body = await encoded(entry, file, encoding);
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function prepare(file: string, mtimeMs: number, size: number): Promise<Prepared> {
  const known = prepared.get(file);
  if (known && known.mtimeMs === mtimeMs && known.size === size) return known;
  const bytes = await readFile(file);
  const entry: Prepared = {
    mtimeMs,
    size,
    hash: createHash('sha256').update(bytes).digest('base64url').slice(0, 27),
    encoded: { identity: Promise.resolve(bytes) },
  };
  prepared.set(file, entry);
  return entry;
}

function encoded(entry: Prepared, file: string, encoding: Encoding): Promise<Buffer> {
  const done = entry.encoded[encoding];
  if (done) return done;
  const bytes = entry.encoded.identity!;
  // Made once per file version and kept: quality 9 is close to brotli's best at a fraction of its time.
  const made = bytes.then((b) =>
    encoding === 'br'
      ? brotli(b, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: 9,
            [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
            [zlib.BROTLI_PARAM_SIZE_HINT]: b.length,
          },
        })
      : gzipAsync(b, { level: 9 }),
  );
  entry.encoded[encoding] = made;
  made.catch(() => prepared.delete(file));
  return made;
}

/** The best encoding the client accepts: brotli, then gzip, else none (`q=0` refuses one). */
function negotiate(req: IncomingMessage): Encoding {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return 'identity';
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return 'identity';
}

/** `If-None-Match` against one ETag (weak comparison, as RFC 9110 asks for this header). */
function matches(header: string | string[] | undefined, etag: string): boolean {
  if (typeof header !== 'string') return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
