import { projectJestConfig } from '../jest/base';

// The benchmark tool keeps its files at the project root (no src/), specs beside them.
export default { ...projectJestConfig('bench', __dirname), testMatch: ['<rootDir>/*.spec.ts'] };
