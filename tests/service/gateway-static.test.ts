import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { resetDeps } from '../../cloudfunctions/core/deps';
import { startGateway, type Gateway } from '../../emulator/gateway/server';

/**
 * The H5 app as the gateway serves it: compressed as the browser allows, hashed names cached for
 * good, index.html revalidated by ETag, and malformed paths answered 400 (issue 10 item 15,
 * issue 16 "Start and demo"). A small stand-in build keeps the test independent of `taro build`.
 */
let gateway: Gateway;
let dataDir: string;
let h5Dir: string;

const APP_JS = `/* app */\n${Array.from({ length: 400 }, (_, i) => `export const line${i} = "第${i}行：社工站通";`).join('\n')}\n`;
const INDEX_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>社工站通</title>${'<!-- pad -->'.repeat(100)}</head><body><script src="/js/app.1a2b3c4d.js"></script></body></html>`;
const LOGO = Buffer.alloc(4096, 7);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'station-link-static-data-'));
  h5Dir = mkdtempSync(join(tmpdir(), 'station-link-static-h5-'));
  mkdirSync(join(h5Dir, 'js'));
  mkdirSync(join(h5Dir, 'static'));
  writeFileSync(join(h5Dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(h5Dir, 'js', 'app.1a2b3c4d.js'), APP_JS);
  writeFileSync(join(h5Dir, 'js', 'tiny.0badc0de.js'), 'export {};\n');
  writeFileSync(join(h5Dir, 'static', 'logo.5e6f7a8b.png'), LOGO);
  resetDeps();
  gateway = await startGateway({ port: 0, dataDir, h5Dir, seed: false, timers: false });
});
afterAll(async () => {
  await gateway.close();
  resetDeps();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(h5Dir, { recursive: true, force: true });
});

interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add its own Accept-Encoding and decompress). */
function get(path: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((ok, fail) => {
    const req = request(`${gateway.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('H5 assets', () => {
  it('sends brotli when the browser accepts it, gzip when only that, and the plain bytes otherwise', async () => {
    const br = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(APP_JS) / 4);

    const gz = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(APP_JS);

    const refusedBr = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    expect(refusedBr.headers['content-encoding']).toBe('gzip');

    const plain = await get('/js/app.1a2b3c4d.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(APP_JS);
    for (const answer of [br, gz, plain]) {
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    }
    expect(new Set([br, gz, plain].map((a) => a.headers.etag)).size).toBe(3);
  });

  it('leaves tiny files and already-compressed images as they are', async () => {
    const tiny = await get('/js/tiny.0badc0de.js', { 'accept-encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('export {};\n');
    const logo = await get('/static/logo.5e6f7a8b.png', { 'accept-encoding': 'br, gzip' });
    expect(logo.headers['content-encoding']).toBeUndefined();
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.body.equals(LOGO)).toBe(true);
  });

  it('lets browsers keep hashed names for a year, untouched', async () => {
    for (const path of ['/js/app.1a2b3c4d.js', '/js/tiny.0badc0de.js', '/static/logo.5e6f7a8b.png']) {
      expect((await get(path)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('makes index.html revalidate every time, answering 304 while its ETag still matches', async () => {
    const first = await get('/', { 'accept-encoding': 'gzip' });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(first.body).toString()).toBe(INDEX_HTML);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}-gzip"$/);

    const again = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect((await get('/index.html', { 'accept-encoding': 'gzip', 'if-none-match': `W/${etag}` })).status).toBe(304);
    // The hash-based router's paths all answer the same revalidated page.
    expect((await get('/pages/unknown', { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(304);

    writeFileSync(join(h5Dir, 'index.html'), INDEX_HTML.replace('社工站通', '社工站通 v2'));
    utimesSync(join(h5Dir, 'index.html'), new Date(), new Date(Date.now() + 5000));
    const rebuilt = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(rebuilt.status).toBe(200);
    expect(gunzipSync(rebuilt.body).toString()).toContain('社工站通 v2');
    expect(rebuilt.headers.etag).not.toBe(etag);
  });

  it('answers 400 to a malformed % escape, and never a file outside the build', async () => {
    for (const path of ['/%E0%A4%A', '/js/%', '/%ZZ']) {
      const bad = await get(path);
      expect({ path, status: bad.status, body: bad.body.toString() }).toEqual({
        path,
        status: 400,
        body: 'Bad Request: malformed URL escape',
      });
    }
    const outside = `${h5Dir}-secret.txt`;
    writeFileSync(outside, 'secret');
    try {
      const name = outside.slice(outside.lastIndexOf('/') + 1);
      for (const path of [`/..%2F${name}`, `/../${name}`, `/js/..%2F..%2F${name}`]) {
        const answer = await get(path);
        expect({ path, status: answer.status, body: answer.body.toString() }).toEqual({
          path,
          status: 200,
          body: expect.stringContaining('<title>社工站通'),
        });
      }
    } finally {
      rmSync(outside, { force: true });
    }
  });
});
