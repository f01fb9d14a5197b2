import { randomBytes } from 'node:crypto';
import { controlHeaders, itEmulatorOnly, useContract } from './support';

/**
 * Cloud storage through the unchanged SDK: `uploadFile` (metadata + signed PUT), `getTempFileURL`,
 * `downloadFile`, `deleteFile`. Against real CloudBase the same calls reach COS.
 */
const ctx = useContract();

describe('cloud storage through the SDK', () => {
  const path = (name: string) => `contract-tests/${ctx.run}/${name}`;

  it('uploads bytes, hands out a temporary URL that serves exactly those bytes, and downloads them', async () => {
    const bytes = randomBytes(70_000);
    const { fileID } = await ctx.app.uploadFile({ cloudPath: path('photo.jpg'), fileContent: bytes });
    expect(fileID).toMatch(/^cloud:\/\/.+\/contract-tests\/.+\/photo\.jpg$/);

    const { fileList } = await ctx.app.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] });
    expect(fileList).toHaveLength(1);
    expect(fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' });
    const res = await fetch(encodeURI(fileList[0]!.tempFileURL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);

    const downloaded = await ctx.app.downloadFile({ fileID });
    expect(Buffer.isBuffer(downloaded.fileContent) && downloaded.fileContent.equals(bytes)).toBe(true);

    const removed = await ctx.app.deleteFile({ fileList: [fileID] });
    expect(removed.fileList).toEqual([{ fileID, code: 'SUCCESS' }]);
  });

  it('overwrites a path with new content and answers STORAGE_FILE_NONEXIST for missing files', async () => {
    const first = await ctx.app.uploadFile({ cloudPath: path('report.xlsx'), fileContent: Buffer.from('one') });
    const second = await ctx.app.uploadFile({ cloudPath: path('report.xlsx'), fileContent: Buffer.from('two') });
    expect(second.fileID).toBe(first.fileID);
    expect((await ctx.app.downloadFile({ fileID: first.fileID })).fileContent?.toString()).toBe('two');

    const missing = first.fileID.replace('report.xlsx', 'never-uploaded.xlsx');
    const { fileList } = await ctx.app.getTempFileURL({ fileList: [missing, first.fileID] });
    expect(fileList.map((f) => f.code)).toEqual(['STORAGE_FILE_NONEXIST', 'SUCCESS']);
    await ctx.app.deleteFile({ fileList: [first.fileID] });
    expect((await ctx.app.getTempFileURL({ fileList: [first.fileID] })).fileList[0]!.code).toBe(
      'STORAGE_FILE_NONEXIST',
    );
  });

  itEmulatorOnly('refuses tampered or expired links and traversal paths, and counts storage calls', async () => {
    const base = ctx.emulator!.url;
    const { fileID } = await ctx.app.uploadFile({ cloudPath: path('private.png'), fileContent: Buffer.from('x') });
    const url = (await ctx.app.getTempFileURL({ fileList: [fileID] })).fileList[0]!.tempFileURL;
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url.replace(/sign=[0-9a-f]{4}/, 'sign=0000'))).status).toBe(403);
    expect((await fetch(url.replace(/t=\d+/, 't=1'))).status).toBe(403);
    expect((await fetch(url.replace('private.png', 'other.png'))).status).toBe(403);
    expect((await fetch(`${base}/emulator/storage/file/..%2F..%2Fetc%2Fpasswd?t=9999999999&sign=x`)).status).toBe(403);
    await expect(ctx.app.uploadFile({ cloudPath: 'a/../b.txt', fileContent: Buffer.from('x') })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
    });
    // An upload URL is bound to its path and signature.
    const put = await fetch(`${base}/emulator/storage/upload?path=a.txt&t=9999999999&sign=bad`, {
      method: 'PUT',
      body: 'x',
      headers: { authorization: 'bad' },
    });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain('<Code>SignatureDoesNotMatch</Code>');

    // Links point at EMULATOR_PUBLIC_URL when set (a phone on the LAN), else at the host asked.
    process.env.EMULATOR_PUBLIC_URL = 'http://192.168.1.20:8686/';
    try {
      const lan = (await ctx.app.getTempFileURL({ fileList: [fileID] })).fileList[0]!.tempFileURL;
      expect(lan.startsWith('http://192.168.1.20:8686/emulator/storage/file/')).toBe(true);
    } finally {
      delete process.env.EMULATOR_PUBLIC_URL;
    }

    const stats = (await (
      await fetch(`${base}/emulator/stats`, { headers: controlHeaders(ctx.emulator!.credentials) })
    ).json()) as Record<string, Record<string, number>>;
    expect(stats['@storage']?.['storage.getUploadMetadata']).toBeGreaterThanOrEqual(3);
    expect(stats['@storage']?.['storage.batchGetDownloadUrl']).toBeGreaterThanOrEqual(1);
  });
});
