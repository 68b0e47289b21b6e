import type { Config } from 'jest';

/**
 * Jest settings shared by every project. ts-jest transpiles only (type-checking is the
 * `typecheck` target's job); the Nx resolver maps `@ratecut/*` through tsconfig paths.
 */
export function projectJestConfig(displayName: string, projectRoot: string): Config {
  return {
    displayName,
    rootDir: projectRoot,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    moduleFileExtensions: ['ts', 'js', 'json'],
    resolver: '@nx/jest/plugins/resolver',
    transform: {
      '^.+\\.ts$': ['ts-jest', { tsconfig: `${projectRoot}/tsconfig.spec.json` }],
    },
    coverageDirectory: `${projectRoot}/../../coverage/${displayName}`,
  };
}
