/** `@ratecut/studies/out-of-sample`: leave-one-cycle-out and walk-forward validation of a sweep (`ratecut validate loco`, `validate walk-forward`). */
export { runCycleScoresBlock, CYCLE_SCORES_BLOCK, CYCLE_SCORE_FIELDS, type CycleScoresContext } from './lib/out-of-sample/cycle-scores-block';
export {
  planOutOfSampleStudy, OUT_OF_SAMPLE_BLOCK_COMBINATIONS, OUT_OF_SAMPLE_DEFAULTS,
  type OutOfSampleMethod, type OutOfSampleRequest, type OutOfSampleStudy,
} from './lib/out-of-sample/plan-out-of-sample-study';
export { DEFAULT_SELECTION_GRIDS } from './lib/out-of-sample/default-grids';
