import { pathReturnsInto, rateSensitivityPathInto, studentTPathInto, type PreparedSource } from '@ratecut/sim-core/monte-carlo';
import type { PathJob } from './path-job';

/** Writes path `pathIndex`'s per-step returns of both legs into the buffers (the same draws as the path's outcome). */
export type PathRegenerator = (pathIndex: number, outSmall: Float64Array, outLarge: Float64Array) => void;

/**
 * The regenerator of single paths of `job`: path `i` drawn again from its own stream (seed, i),
 * step by step, as the block that computed its outcome drew it. A bootstrap job needs its
 * `prepared` source (`prepareSource` of its windows).
 *
 * @throws RangeError for a bootstrap job without its prepared source (a programmer error).
 */
export function pathRegenerator(job: PathJob, prepared?: PreparedSource): PathRegenerator {
  const options = { horizon: job.horizon, seed: job.seed };
  switch (job.kind) {
    case 'bootstrap': {
      if (prepared === undefined) throw new RangeError('pathRegenerator: a bootstrap job needs its prepared source');
      const bootstrap = { ...options, method: job.method, meanBlock: job.meanBlock };
      return (i, a, b) => void pathReturnsInto(prepared, bootstrap, i, a, b);
    }
    case 'student-t':
      return (i, a, b) => studentTPathInto(job.fit, options, i, a, b);
    case 'rate-sensitivity':
      return (i, a, b) => rateSensitivityPathInto(job.fits, job.cutPath, options, i, a, b);
  }
}
