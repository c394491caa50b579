/**
 * One jest run covers every workspace. Tests are TypeScript compiled to CommonJS by SWC (see
 * TOOLCHAIN.md: jest stays in CommonJS-transform mode). The database engine is started once per
 * run in `jest/global-setup.ts`; each test file gets its own database (see `jest/database.ts`).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  // ESM-only packages that must be transformed for CommonJS jest (the OpenID Connect client and
  // its parts, and the provider the sign-in tests run in-process).
  transformIgnorePatterns: [
    '/node_modules/(?!(lib0|y-protocols|y-websocket|@y/websocket-server|openid-client|oauth4webapi|jose|oidc-provider)/)',
  ],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

module.exports = {
  maxWorkers: 2,
  // Starting a seeded test API takes about a second alone but several on a shared, busy 2-core
  // machine; jest's 5 s default then fails hooks for no fault of the code. Tests wait on
  // conditions with their own limits, so a generous ceiling only bounds a hang.
  testTimeout: 30_000,
  globalSetup: '<rootDir>/jest/global-setup.ts',
  globalTeardown: '<rootDir>/jest/global-teardown.ts',
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      roots: [
        '<rootDir>/packages',
        '<rootDir>/api',
        '<rootDir>/collab-server',
        '<rootDir>/scripts',
      ],
      testMatch: ['**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'web',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/web/src'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/web/jest.setup.ts'],
      moduleNameMapper: {
        ...common.moduleNameMapper,
        '^.+/app/env$': '<rootDir>/web/src/app/env.jest.ts',
        '\\.(css)$': '<rootDir>/web/jest.style-stub.cjs',
      },
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/e2e'],
      testMatch: ['**/*.e2e.ts'],
      testTimeout: 120000,
    },
  ],
};
