import { superiorPredictiveAbility, type SpaResult } from '@ratecut/sim-core';
import type { BlockExecutor } from '../study/study';

/** What the SPA study's block reads: each strategy's excess over the benchmark per period, and the bootstrap settings. */
export interface SpaContext {
  readonly excess: readonly Float64Array[];
  readonly seed: number;
  readonly resamples: number;
  readonly meanBlock: number;
}

/** The one block of an SPA study (the resamples share every series, so they are not split). */
export type SpaBlock = Record<string, never>;

/** Block executor of the SPA study: {@link superiorPredictiveAbility} over the context's series. Pure. */
export function runSpaBlock(context: SpaContext): SpaResult {
  return superiorPredictiveAbility(context.excess, { seed: context.seed, resamples: context.resamples, meanBlock: context.meanBlock });
}

/** {@link runSpaBlock} as the SPA study's block executor (a worker loads it from this module). */
export const SPA_BLOCK: BlockExecutor<SpaContext, SpaBlock, SpaResult> = {
  module: __filename,
  exportName: 'runSpaBlock',
  run: runSpaBlock,
};
