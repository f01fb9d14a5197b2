import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { inviteRedeemPath } from '../../shared/domain/invites';

/**
 * The client's one route table (`client/lib/routes.ts`) names exactly the pages the app declares
 * (`client/app.config.ts`, which Taro needs as its own list): a page added to one and not the
 * other, or a page linked under a second name, fails here.
 */
jest.mock('@tarojs/taro', () => ({}));

function declaredPages(taroEnv: typeof process.env.TARO_ENV): string[] {
  const saved = process.env.TARO_ENV;
  process.env.TARO_ENV = taroEnv;
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  try {
    let config: { pages: string[]; subPackages: { root: string; pages: string[] }[] } | undefined;
    jest.isolateModules(() => {
      config = require('../../client/app.config').default;
    });
    return [...config!.pages, ...config!.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))].map(
      (page) => `/${page}`,
    );
  } finally {
    process.env.TARO_ENV = saved;
    delete (globalThis as { defineAppConfig?: unknown }).defineAppConfig;
  }
}

it('names every declared page once, and only declared pages', () => {
  const { ROUTES } = require('../../client/lib/routes') as { ROUTES: Record<string, string> };
  const routes = Object.values(ROUTES);
  expect(new Set(routes).size).toBe(routes.length);
  expect([...routes].sort()).toEqual(declaredPages('h5').sort());
  // The local sign-in page exists only in the H5 build.
  expect(declaredPages('weapp').sort()).toEqual(routes.filter((r) => r !== ROUTES.devSignIn).sort());
});

it('links invites to the redeem page the route table names', () => {
  const { ROUTES } = require('../../client/lib/routes') as { ROUTES: Record<string, string> };
  expect(inviteRedeemPath('ABCDEFGHJK')).toBe(`${ROUTES.inviteRedeem}?code=ABCDEFGHJK`);
});

it('spells page paths only in the route table: the client names every page through ROUTES', () => {
  const client = resolve(__dirname, '..', '..', 'client');
  const own = new Set(['lib/routes.ts', 'app.config.ts']);
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
    });
  const spelled = sources(client)
    .filter((file) => !own.has(relative(client, file)))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/['"`]\/?(?:pages|packages\/[\w-]+\/pages)\/[\w-]+\/index/g)].map(
        (m) => `${relative(client, file)}: ${m[0]}`,
      ),
    );
  expect(spelled).toEqual([]);
});
