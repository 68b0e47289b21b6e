import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder whose `data/` holds the shipped facts and the synthetic sample: the repository
 * root, or an installed package's root. Found from this module's location (the sources under
 * apps/runner/src/cli, or the compiled dist/cli/*.js) as the nearest folder above it with
 * `data/nber-business-cycles.json`.
 *
 * @throws Error when there is none (a broken installation, not a user mistake).
 */
export function workspaceRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'data', 'nber-business-cycles.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`ratecut's data folder (data/nber-business-cycles.json) was not found above ${__dirname}`);
  }
}
