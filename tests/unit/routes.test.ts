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
