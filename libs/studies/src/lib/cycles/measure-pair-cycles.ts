import { cycleReturnTables, describeGap, formatDay, type ClassifiedCycle, type ReturnPairSpec } from '@ratecut/sim-core';
import type { PairCyclesJson } from '@ratecut/contracts';
import type { BlockExecutor } from '../study/study';

/** A pair a cycles study measures: its data and horizons, and how the document describes it. */
export interface CyclesPairInput {
  readonly spec: ReturnPairSpec;
  /** The pair's section of the document without its rows (id, titles, legs, frequency, basis, dates, horizons). */
  readonly meta: Omit<PairCyclesJson, 'cycles' | 'summary'>;
}

/** What every block of a cycles study reads: the cycles (in document order), the ids the summaries count, and the pairs. */
export interface CyclesContext {
  readonly cycles: readonly ClassifiedCycle[];
  /** Ids of the cycles counted in the summaries (see `countedCycleIds`). */
  readonly counted: readonly string[];
  readonly pairs: readonly CyclesPairInput[];
}

/** One block of a cycles study: one pair, by its index in {@link CyclesContext.pairs}. */
export interface CyclesBlock {
  readonly pair: number;
}

const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * Block executor of the cycles study: one pair's returns after every cycle's first cut (small,
 * large, at each horizon; null with the reason when past the data or across a gap) and the
 * mean, median and share-small-beat summaries over the counted cycles, by horizon and group.
 * Pure: the output depends only on the context and the block.
 */
export function measurePairCycles(context: CyclesContext, block: CyclesBlock): PairCyclesJson {
  const pair = context.pairs[block.pair];
  if (pair === undefined) throw new RangeError(`cycles block names pair ${block.pair}; the study has ${context.pairs.length}`);
  const { spec, meta } = pair;
  const [table] = cycleReturnTables(context.cycles, [spec], new Set(context.counted));
  return {
    ...meta,
    cycles: table.cycles.map((row) => ({
      cycleId: row.cycleId,
      anchorDate: row.returns.anchorDay === null ? null : formatDay(row.returns.anchorDay),
      horizons: row.returns.horizons.map((h, i) => ({
        label: spec.horizons[i].label,
        endDate: h.endDay === null ? null : formatDay(h.endDay),
        small: nullIfNaN(h.small),
        large: nullIfNaN(h.large),
        missing: h.missing === 'gap' && h.gap ? `crosses a gap in the data, ${describeGap(h.gap)}` : h.missing === 'past-data' ? 'past the end of the data' : null,
      })),
    })),
    summary: table.summaries.flatMap((rows, h) =>
      rows.map((s) => ({
        horizon: spec.horizons[h].label,
        group: s.group,
        count: s.count,
        meanSmall: nullIfNaN(s.meanSmall),
        meanLarge: nullIfNaN(s.meanLarge),
        meanDifference: nullIfNaN(s.meanDifference),
        medianDifference: nullIfNaN(s.medianDifference),
        shareSmallBeat: nullIfNaN(s.shareSmallBeat),
      })),
    ),
  };
}

/** {@link measurePairCycles} as the cycles study's block executor (a worker loads it from this module). */
export const MEASURE_PAIR_CYCLES: BlockExecutor<CyclesContext, CyclesBlock, PairCyclesJson> = {
  module: __filename,
  exportName: 'measurePairCycles',
  run: measurePairCycles,
};
