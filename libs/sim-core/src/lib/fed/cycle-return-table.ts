import type { DayNumber } from '../time/day-number';
import type { ClassifiedCycle } from './classified-cycle';
import { postCutReturns, type AlignedPair, type PostCutReturns } from './post-cut-returns';
import { summarizeCycleOutcomes, type CycleReturnSummary } from './cycle-return-summary';

/** A small/large pair to study, with the horizons (in its own steps) to measure. */
export interface ReturnPairSpec {
  readonly id: string;
  readonly title: string;
  /** `daily` steps are trading days, `monthly` steps are months. */
  readonly frequency: 'daily' | 'monthly';
  readonly horizons: readonly { readonly label: string; readonly steps: number }[];
  /** Largest calendar-day distance allowed between the anchor and the first cut. */
  readonly maxAnchorGapDays: number;
  readonly data: AlignedPair;
}

export interface PairCycleReturns {
  readonly cycleId: string;
  readonly firstCut: DayNumber;
  readonly recession: boolean;
  readonly returns: PostCutReturns;
}

export interface PairTable {
  readonly pairId: string;
  readonly cycles: readonly PairCycleReturns[];
  /** `summaries[h]` are the all / recession / non-recession rows for horizon `h`. */
  readonly summaries: readonly (readonly CycleReturnSummary[])[];
}

/**
 * For every pair, the post-cut returns of every cycle and the summary rows per horizon. The
 * summaries use only the cycles whose ids are in `counted` (every cycle when it is absent; see
 * `countedCycleIds` for counting by episode); the per-cycle rows always hold every cycle.
 */
export function cycleReturnTables(cycles: readonly ClassifiedCycle[], pairs: readonly ReturnPairSpec[], counted?: ReadonlySet<string>): PairTable[] {
  return pairs.map((pair) => {
    const steps = pair.horizons.map((h) => h.steps);
    const rows = cycles.map(({ cycle, recession }) => ({
      cycleId: cycle.id,
      firstCut: cycle.firstCut,
      recession: recession.recession,
      returns: postCutReturns(pair.data, cycle.firstCut, steps, pair.maxAnchorGapDays),
    }));
    const summaries = steps.map((_, h) =>
      summarizeCycleOutcomes(rows.filter((r) => counted === undefined || counted.has(r.cycleId)).map((r) => ({ small: r.returns.horizons[h].small, large: r.returns.horizons[h].large, recession: r.recession }))),
    );
    return { pairId: pair.id, cycles: rows, summaries };
  });
}
