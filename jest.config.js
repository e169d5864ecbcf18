const { availableParallelism } = require('node:os');

// One root config, one project per runtime (see STYLE.md): backend and local site in node,
// the Custom UI in jsdom, and the browser end-to-end tests in node with their own timeout.
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
const base = { transform: { '^.+\\.(t|j)sx?$': swc }, moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

module.exports = {
  // At least two workers: on 2 cores jest's default (cores - 1) runs every file in one process,
  // while the browser journeys and the tests of retries spend much of their time waiting.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  projects: [
    { ...base, displayName: 'backend', testEnvironment: 'node', roots: ['<rootDir>/src'], testMatch: ['**/*.test.ts'] },
    {
      ...base,
      displayName: 'local-site',
      testEnvironment: 'node',
      roots: ['<rootDir>/local', '<rootDir>/test/contract', '<rootDir>/test/load', '<rootDir>/test/manifest'],
      testMatch: ['**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/static'],
      testMatch: ['**/src/**/*.test.ts?(x)'],
      moduleNameMapper: { '\\.(css)$': '<rootDir>/test/support/style-mock.js' },
      transformIgnorePatterns: ['/node_modules/(?!(@atlaskit|@compiled|bind-event-listener)/)'],
      setupFilesAfterEnv: ['<rootDir>/test/support/ui-timeout.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/timeout.ts'],
      // One Chromium per jest worker for the whole run; each describe block connects to it.
      globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
    },
  ],
};
