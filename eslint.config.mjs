// @ts-check
// The import-x cycle rule skips type-only imports; `npm run lint:cycles` (dpdm) sees them too.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      'data/**',
      '.tools/**',
      'test-results/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] }),
      ],
    },
    rules: {
      // Type-only imports vanish at compile time and keep import cycles honest.
      '@typescript-eslint/consistent-type-imports': 'error',
      // `any` switches the type checker off; use `unknown` and narrow.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Cycles make start-up order fragile and hide layering mistakes.
      'import-x/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // Apps share code only through packages/ (and the GraphQL schema via codegen).
            {
              target: './web',
              from: ['./api', './collab-server'],
              message: 'web talks to api over GraphQL; share code via packages/.',
            },
            {
              target: './collab-server',
              from: ['./api', './web'],
              message: 'collab-server shares code with api only via packages/.',
            },
            {
              target: './api',
              from: ['./web', './collab-server'],
              message: 'api shares code with other apps only via packages/.',
            },
            {
              target: './packages',
              from: ['./api', './web', './collab-server'],
              message: 'packages/ must not depend on apps.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      // Type information for the rules below; the project service finds each file's tsconfig.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error: the process-ending unhandled rejection.
      '@typescript-eslint/no-floating-promises': 'error',
      // A switch over a union handles every member, so a new status or code is an error where
      // it is decided, not a silent fall-through.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
