import { allocatePathOutcomes, zeroedFloat64, type PathOutcomes } from '@ratecut/sim-core/monte-carlo';
import { KeyHistogram, RANKS_BY_HISTOGRAM_FROM } from '@ratecut/sim-core';

/** The five distributions a path-outcomes run accumulates, in the order of `MergedPathOutcomes.accumulators`. */
export const PATH_DISTRIBUTIONS = ['smallReturn', 'largeReturn', 'spread', 'smallMaxDrawdown', 'largeMaxDrawdown'] as const;

/** One of {@link PATH_DISTRIBUTIONS}. */
export type PathDistribution = (typeof PATH_DISTRIBUTIONS)[number];

/**
 * The memory of a path-outcomes run of `paths` paths, for a caller that runs several in one
 * process and no longer needs a run's result when it starts the next: the per-path outcomes and
 * spread (on SharedArrayBuffers, which worker threads write in place) and the five
 * order-statistics histograms. Pass it to `pathOutcomesStudy`; each run overwrites what the run
 * before left in it, so the earlier `MergedPathOutcomes` (whose arrays these are) must not be
 * read after the next run starts.
 *
 * Why: fresh memory costs its first touch, a page fault per 4 KiB page, about 3.5 ms per MB on
 * the 2-core development machine; a million paths write 40 MB of outcomes and 5 MiB of
 * histograms, about a sixth of a two-worker run (tools/bench/README.md). A process that runs once
 * (`ratecut simulate`) pays it once either way; one that runs again (a benchmark, a service)
 * need not pay it each time, as NumPy's programs do not once the C allocator holds freed pages.
 */
export class PathOutcomesMemory {
  readonly outcomes: PathOutcomes;
  readonly spread: Float64Array;
  /** Per distribution, the histogram `DistributionAccumulator` counts into; none below `RANKS_BY_HISTOGRAM_FROM` paths. */
  readonly histograms: Readonly<Record<PathDistribution, KeyHistogram>> | undefined;

  /** @throws RangeError when `paths` is not an integer >= 0 (programmer error). */
  constructor(readonly paths: number) {
    if (!Number.isSafeInteger(paths) || paths < 0) throw new RangeError(`PathOutcomesMemory: paths must be an integer >= 0, got ${paths}`);
    this.outcomes = allocatePathOutcomes(paths, true);
    this.spread = zeroedFloat64(paths, true);
    this.histograms = paths >= RANKS_BY_HISTOGRAM_FROM
      ? Object.fromEntries(PATH_DISTRIBUTIONS.map((d) => [d, new KeyHistogram()])) as Record<PathDistribution, KeyHistogram>
      : undefined;
  }
}
