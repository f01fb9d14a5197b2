import type { UserConfigExport } from '@tarojs/cli';

/** Release builds (`npm run build:*`): Taro minifies and tree-shakes by default. */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
