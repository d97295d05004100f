// Four tiers, one Jest project each (see docs/architecture.md "Testing").
// Integration and e2e share one started stack through their global setup.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const base = {
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.data'],
};

module.exports = {
  maxWorkers: 2,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,tools,test}/**/*.spec.ts'],
      // The console's browser tests are Playwright's (tools/test.sh), not Jest's.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/console/'],
    },
    {
      ...base,
      displayName: 'workflow',
      testMatch: ['<rootDir>/workflows/**/*.workflow-spec.ts'],
      globalSetup: '<rootDir>/workflows/test/support/workflow-bundle.global-setup.ts',
      globalTeardown: '<rootDir>/workflows/test/support/workflow-bundle.global-teardown.ts',
      setupFiles: ['<rootDir>/workflows/test/support/quiet-runtime.ts'],
      setupFilesAfterEnv: ['<rootDir>/workflows/test/support/timeout.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/test/setup/integration.global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/long-timeout.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/e2e.global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/e2e.global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/long-timeout.ts'],
    },
  ],
};
