import {
  makeJointSource, prepareSource, simulateBootstrapPaths, simulateRateSensitivityPaths, simulateStudentTPaths,
  type BootstrapMethod, type PreparedSource, type RateSensitivityLegs, type StudentTFit,
} from '@ratecut/sim-core/monte-carlo';

/** Per-path outcomes of a shard, indexed by path − firstPath. */
export interface PathOutcomes {
  readonly smallReturn: Float64Array;
  readonly largeReturn: Float64Array;
  readonly smallMaxDrawdown: Float64Array;
  readonly largeMaxDrawdown: Float64Array;
}

/** The model a job simulates. */
export type PathModel = (
  | {
      readonly kind: 'bootstrap';
      readonly windows: readonly { small: Float64Array; large: Float64Array }[];
      readonly periodsPerYear: number;
      readonly method: BootstrapMethod;
      readonly meanBlock: number;
      /** Identifies the windows, so a thread prepares them once for all its shards. */
      readonly sourceKey?: string;
    }
  | { readonly kind: 'student-t'; readonly fit: StudentTFit }
  | { readonly kind: 'rate-sensitivity'; readonly fits: RateSensitivityLegs; readonly cutPath: Float64Array }
);

/** A job without its shard: the model, horizon (steps) and seed. */
export type PathJobTemplate = PathModel & { readonly horizon: number; readonly seed: number };

/** A plain, structured-cloneable description of a shard of paths (sent to worker threads). */
export type PathJob = PathJobTemplate & { readonly firstPath: number; readonly pathCount: number };

/**
 * Runs one shard. Every path draws from its own stream (seed, path index), so the outcome of
 * a path does not depend on which shard or thread computes it.
 */
export function runPathJob(job: PathJob, cache?: Map<string, PreparedSource>): PathOutcomes {
  const n = job.pathCount;
  const out = { smallReturn: new Float64Array(n), largeReturn: new Float64Array(n), smallMaxDrawdown: new Float64Array(n), largeMaxDrawdown: new Float64Array(n) };
  const shard = { horizon: job.horizon, seed: job.seed, firstPath: job.firstPath, pathCount: n };
  switch (job.kind) {
    case 'bootstrap': {
      const key = job.sourceKey;
      let prepared = key === undefined ? undefined : cache?.get(key);
      if (prepared === undefined) {
        prepared = prepareSource(makeJointSource([...job.windows], job.periodsPerYear));
        if (key !== undefined) cache?.set(key, prepared);
      }
      simulateBootstrapPaths(prepared, { method: job.method, meanBlock: job.meanBlock, ...shard }, out);
      break;
    }
    case 'student-t':
      simulateStudentTPaths(job.fit, shard, out);
      break;
    case 'rate-sensitivity':
      simulateRateSensitivityPaths(job.fits, job.cutPath, shard, out);
      break;
  }
  return out;
}
