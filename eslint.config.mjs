import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * What each type of project may depend on (tags in each package.json's `nx.tags`), lowest
 * layer first: contracts ← util ← data-access ← platform (the NestJS service kit) ← feature
 * ← app. Features do not reach into each other, infrastructure never reaches up into a
 * feature, and workflows see contracts only (Temporal's sandbox).
 */
const LAYERS = {
  'type:contracts': ['type:contracts'],
  'type:util': ['type:util', 'type:contracts'],
  'type:data-access': ['type:data-access', 'type:util', 'type:contracts'],
  'type:platform': ['type:data-access', 'type:util', 'type:contracts'],
  'type:feature': ['type:platform', 'type:data-access', 'type:util', 'type:contracts'],
  'type:app': ['type:feature', 'type:platform', 'type:data-access', 'type:util', 'type:contracts'],
  // The journey worker's entry (workflows/src/worker) connects through libs/temporal; the
  // workflow code itself is held to contracts by the sandbox rule further down.
  'type:workflows': ['type:contracts', 'type:data-access'],
  'type:testing': ['type:util', 'type:contracts'],
};

/**
 * Nx sees projects, not kinds of file, so "only tests import type:testing" is two configs of
 * the same rule: `type:testing` is allowed to every type only in the test-file override below.
 */
function moduleBoundaries({ inTests }) {
  return [
    'error',
    {
      allow: [],
      depConstraints: [
        ...Object.entries(LAYERS).map(([sourceTag, tags]) => ({
          sourceTag,
          onlyDependOnLibsWithTags: inTests ? [...tags, 'type:testing'] : tags,
        })),
        // Apps never import each other; shared libs never import an app.
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['scope:shared'] },
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      ],
    },
  ];
}

const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.workflow-spec.ts',
  '**/*.integration-spec.ts',
  '**/*.e2e-spec.ts',
  '**/test/**/*.ts',
  '**/__tests__/**/*.ts',
];

/**
 * SQL outside repositories today, to be moved into repositories (issue 10 B2). The rule
 * covers every other file, so this list may only shrink: never add a file to it.
 */
const SQL_TO_BE_MOVED = [
  'libs/audit/src/audit-reader.ts',
  'libs/audit/src/audit-writer.ts',
  'libs/database/src/service-data-source.ts',
  'libs/messaging/src/inbox-consumer.ts',
  'libs/messaging/src/outbox-relay.ts',
  'libs/messaging/src/outbox-writer.ts',
  'libs/messaging/src/step-record-reader.ts',
  'libs/messaging/src/step-record-writer.ts',
];

/**
 * Migrations still importing app code, to be frozen (plain SQL); may only shrink. Empty: demo
 * data is seeded by tools/platform, and no migration reads an app's live tables of steps.
 */
const MIGRATIONS_TO_BE_FROZEN = [];

/** Packages besides typeorm and @v2v/* libs that migrations may import. */
const MIGRATION_PACKAGES = [];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      '.data/**',
      '.nx/**',
      'coverage/**',
      'workflows/test/histories/**',
      // Generated from the gateway's OpenAPI document (npm run console:api).
      'apps/console/src/api/gateway-api.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': moduleBoundaries({ inTests: false }),
    },
  },
  // The project's own rules (tools/eslint-rules); each knows which files it concerns.
  {
    files: ['**/*.ts'],
    ignores: SQL_TO_BE_MOVED,
    rules: { '@nx/workspace-no-sql-outside-repository': 'error' },
  },
  {
    files: ['**/*.ts'],
    rules: { '@nx/workspace-no-datasource-in-controller': 'error' },
  },
  {
    files: ['**/*.ts'],
    ignores: MIGRATIONS_TO_BE_FROZEN,
    rules: { '@nx/workspace-no-app-import-in-migration': ['error', { allow: MIGRATION_PACKAGES }] },
  },
  {
    // Prettier wraps code at 100 and leaves comments alone; what it cannot wrap (a long string,
    // URL or pattern) may stay.
    files: ['**/*.ts'],
    rules: {
      'max-len': [
        'error',
        {
          code: 100,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
          comments: 100,
        },
      ],
    },
  },
  {
    // STYLE.md: a typical file is under 150 lines; over 400 lines of code needs a reason.
    files: ['**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries({ inTests: true }) },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no I/O.
    files: ['workflows/src/**/*.ts'],
    // Specs run in Node, not in the bundle.
    ignores: ['workflows/src/worker/**', 'workflows/src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@v2v/contracts',
              allowTypeImports: true,
              message:
                'workflow code imports values from @v2v/contracts/workflow, which builds no zod schema',
            },
          ],
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'crypto',
                'child_process',
                'http',
                'https',
                'net',
                'os',
              ],
              message: 'workflow code must stay deterministic: no Node built-ins',
            },
            {
              group: [
                '@v2v/messaging',
                '@v2v/database',
                '@v2v/temporal',
                '@v2v/service-kit',
                'typeorm',
                'pg',
                'kafkajs',
                '@temporalio/client',
                '@temporalio/worker',
              ],
              message: 'workflow code may import only contracts and @temporalio/workflow',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'use sleep() from @temporalio/workflow' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
