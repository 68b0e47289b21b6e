import { getJestProjectsAsync } from '@nx/jest';

/** Runs every project's Jest suite from the workspace root (`npx jest`). */
export default async () => ({
  projects: await getJestProjectsAsync(),
});
