// ESLint 9 flat config. Import boundaries follow docs/architecture.md: shared imports nothing
// outside shared; the client never imports the SDK or server code; only repositories use the SDK.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];

const zodImports = [
  {
    selector:
      "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
    message: "Write `import * as z from 'zod'`: the named `z` pulls all of zod into every function bundle.",
  },
  {
    selector: "MemberExpression[object.name='z'][property.name='locales']",
    message: "Import the one locale from 'zod/locales': `z.locales` pulls in every language.",
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'tests/.artifacts/**',
      '.tmp/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // What goes into a function bundle imports zod as a namespace: esbuild then keeps only what is
    // used (~90 KB instead of ~450 KB in every function, ADR 0022).
    files: ['shared/**/*.ts', 'cloudfunctions/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...zodImports],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['@tarojs/*', '@cloudbase/*', 'react', '**/client/**', '**/cloudfunctions/**', '**/emulator/**'],
          message: 'shared/ is isomorphic: it imports only shared/, zod and dayjs.',
        },
      ]),
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        {
          group: ['@cloudbase/*', '**/cloudfunctions/**', '**/emulator/**'],
          message: 'The client reaches the backend only through client/lib/cloud.',
        },
      ]),
    },
  },
  {
    // Pages and components compose; data reaches them through their feature's `api/` hooks (or
    // client/hooks for the tab pages), which alone call the transport.
    files: ['client/**/pages/**/*.{ts,tsx}', 'client/**/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['@cloudbase/*', '**/cloudfunctions/**', '**/emulator/**'],
          message: 'The client reaches the backend only through client/lib/cloud.',
        },
        {
          group: ['**/lib/cloud'],
          importNames: [
            'callFunction',
            'accountsFn',
            'stationsFn',
            'activitiesFn',
            'volunteeringFn',
            'donationsFn',
            'reportsFn',
          ],
          message: "Pages and components call the backend through their feature's api/ module (or client/hooks).",
        },
      ]),
    },
  },
  {
    files: ['cloudfunctions/**/*.ts'],
    ignores: ['cloudfunctions/core/repositories/**', 'cloudfunctions/core/deps.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['@cloudbase/node-sdk'],
          message: 'Only repositories (and deps.ts, which builds the SDK app) touch the SDK.',
        },
        { group: ['**/client/**', '@tarojs/*'], message: 'Functions never import client code.' },
      ]),
      'no-restricted-syntax': [
        'error',
        ...zodImports,
        {
          // Query operators are database access: a repository function takes named parameters instead.
          selector:
            "MemberExpression[property.name='command']:matches([object.name='db'], [object.property.name='db'])",
          message: 'Only repositories build query operators (db.command): give the repository a named parameter.',
        },
      ],
    },
  },
  {
    // Tests read untyped wire answers and stored documents; `any` there is a deliberate shortcut.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
