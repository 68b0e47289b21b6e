import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The file of NBER business-cycle dates that ships with ratecut, in {@link shippedFactsFolder}. */
export const NBER_DATES_FILE = 'nber-business-cycles.json';

/**
 * The folder of the facts ratecut ships (`nber-business-cycles.json`, `easing-cycles.json`, and
 * beside them the scenarios and the synthetic sample where a package holds them): the nearest
 * `data/` holding {@link NBER_DATES_FILE} above `from` (default: this module's folder). That is
 * the repository's `data/` for the sources and the compiled CLI, an installed `ratecut`
 * package's own `data/`, and the `data/` that the build of `@ratecut/data-loader` copies into
 * that package.
 *
 * @throws Error when there is none (a broken installation, not a user mistake).
 */
export function shippedFactsFolder(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'data', NBER_DATES_FILE))) return join(dir, 'data');
    if (dirname(dir) === dir) throw new Error(`ratecut's facts (data/${NBER_DATES_FILE}) were not found in any folder above ${from}`);
  }
}
