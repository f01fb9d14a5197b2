import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** Isomorphic code outside `sourceRoot` that the client imports and Taro must compile. */
const SHARED_DIR = path.resolve(__dirname, '..', 'shared');
/**
 * zod 4 ships ES2020+ (`??`, `?.`, classes) and, unlike NutUI, is not pre-transpiled; the weapp
 * build transpiles it like our own code so older WeChat engines parse the staff subpackage.
 */
const isZod = (filename: string): boolean => /node_modules[\\/]zod[\\/]/.test(filename);

/**
 * F2 (the report charts, console subpackage only) uses tslib helpers that the main package does
 * not. Sharing the one tslib module would put those helpers into the main package's vendors, so
 * @antv modules get the same helpers from tslib's other ES build: a module of their own that
 * `optimizeMainPackage` keeps in the console subpackage.
 */
const ANTV_MODULES = /node_modules[\\/]@antv[\\/]/;
const TSLIB_FOR_ANTV = path.resolve(__dirname, '..', 'node_modules', 'tslib', 'tslib.es6.js');

/** NutUI is drawn at 375 px; everything of ours is drawn at 750 (1 px here = 1 rpx). */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' && input !== null ? input.file : undefined;
  return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
}

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'station-link',
    date: '2026-11-22',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'client',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    alias: { '@shared': SHARED_DIR },
    defineConstants: {
      'process.env.TCB_ENV': JSON.stringify(process.env.TCB_ENV || 'station-link-dev'),
      // Subscription template for waitlist promotions; empty → the prompt is skipped.
      'process.env.WX_TEMPLATE_WAITLIST': JSON.stringify(process.env.WX_TEMPLATE_WAITLIST || ''),
      // Subscription template for service-order notices (accepted, done, nearly due); empty → no prompt.
      'process.env.WX_TEMPLATE_ORDER': JSON.stringify(process.env.WX_TEMPLATE_ORDER || ''),
      // Subscription template for donation progress (received, given out, thanked); empty → skipped.
      'process.env.WX_TEMPLATE_DONATION': JSON.stringify(process.env.WX_TEMPLATE_DONATION || ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [SHARED_DIR, isZod] },
      // Modules used only by one subpackage stay in that subpackage (zod lives in staff only).
      optimizeMainPackage: { enable: true },
      webpackChain(chain) {
        chain.module.rule('antv-own-tslib').test(ANTV_MODULES).resolve.alias.set('tslib$', TSLIB_FOR_ANTV);
      },
      // NutUI's per-component CSS is imported from several pages in different orders.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [SHARED_DIR] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
