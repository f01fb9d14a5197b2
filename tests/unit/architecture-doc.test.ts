import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * docs/architecture.md is held to the code where the code can say: its collection table names
 * every collection of `config/database.json` once, and every test it names as checking a request
 * budget exists with that title.
 */
const ROOT = resolve(__dirname, '..', '..');
const doc = readFileSync(resolve(ROOT, 'docs', 'architecture.md'), 'utf8');

it('describes every collection of the manifest, each once', () => {
  const manifest = JSON.parse(readFileSync(resolve(ROOT, 'config', 'database.json'), 'utf8')) as {
    collections: Record<string, unknown>;
  };
  const section = doc.slice(doc.indexOf('## Collections'), doc.indexOf('\n## ', doc.indexOf('## Collections') + 1));
  const described = [...section.matchAll(/^\| `(\w+)` +\|/gm)].map((m) => m[1]);
  expect(described.sort()).toEqual(Object.keys(manifest.collections).sort());
});

it('names request-budget tests that exist, by file and title', () => {
  const section = doc.slice(doc.indexOf('Which test asserts each row'), doc.indexOf('`reports.monthly` is 1'));
  const named: { file: string; titles: string[] }[] = [];
  for (const bullet of section.split(/\n- /).slice(1)) {
    const flat = bullet.replace(/\s+/g, ' ');
    const file = /`(tests\/service\/[\w-]+\.test\.ts)`/.exec(flat)?.[1];
    const titles = [...flat.matchAll(/"([^"]+?)(?:…)?"/g)].map((m) => m[1]!);
    expect({ bullet: flat, file, titles: titles.length }).toEqual({
      bullet: flat,
      file: expect.any(String),
      titles: expect.any(Number),
    });
    expect(titles.length).toBeGreaterThan(0);
    named.push({ file: file!, titles });
  }
  expect(named.length).toBeGreaterThanOrEqual(3);
  for (const { file, titles } of named) {
    const source = readFileSync(resolve(ROOT, file), 'utf8');
    for (const title of titles)
      expect({ file, title, found: source.includes(title) }).toEqual({ file, title, found: true });
  }
});
