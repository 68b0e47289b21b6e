/** `@ratecut/studies/cycles`: the cycles study, small vs large returns after each first cut. */
// Cycles study: pair returns after each first cut.
export { CYCLES_EPISODE_MONTHS, type CyclesSettings } from './lib/cycles/cycles-settings';
export { measurePairCycles, MEASURE_PAIR_CYCLES, type CyclesContext, type CyclesBlock, type CyclesPairInput } from './lib/cycles/measure-pair-cycles';
export { planCyclesStudy, type CyclesRequest, type CyclesPlan, type CyclesStudy } from './lib/cycles/plan-cycles-study';
