import nx from '@nx/eslint-plugin';

/**
 * Workspace lint rules. Module boundaries follow the architecture:
 * type:app -> type:feature, type:contracts, type:data, type:core;
 * type:feature (the studies) -> type:contracts, type:data, type:core;
 * type:data -> type:contracts, type:core; type:contracts -> nothing (zod only); type:core -> nothing.
 */
export const base = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/coverage'] },
  {
    files: ['src/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:contracts', 'type:data', 'type:core'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:contracts', 'type:data', 'type:core'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:contracts', 'type:core'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];

/** Node modules that perform I/O or reach the host; sim-core must import none of them. */
export const ioModules = [
  'fs', 'fs/promises', 'path', 'http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process',
  'cluster', 'os', 'readline', 'stream', 'zlib', 'url', 'worker_threads', 'process', 'v8', 'vm', 'inspector',
];

/** Extra rules for the pure simulation core: no I/O, no hidden randomness, no process state. */
export const pureCore = [
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({ name, message: 'sim-core does no I/O: load data in data-loader or the runner.' })),
          patterns: [{ group: ['node:*'], message: 'sim-core does no I/O and uses no Node built-ins.' }],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pass a seeded generator (see random/) instead of Math.random.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'sim-core reads no process state.' },
        { name: 'require', message: 'Use static imports.' },
      ],
    },
  },
];

/** Extra rules for the file-format contracts: zod schemas and pure functions only, no Node built-ins. */
export const pureContracts = [
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({ name, message: 'contracts holds schemas only: read files in the runner.' })),
          patterns: [{ group: ['node:*'], message: 'contracts uses no Node built-ins.' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'contracts reads no process state.' }],
    },
  },
];
