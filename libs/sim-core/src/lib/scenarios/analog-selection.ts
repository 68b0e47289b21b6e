import type { ClassifiedCycle } from '../cycles/cycle-return-table';

/**
 * Which history a scenario draws from: easing cycles chosen by their features, explicit cycle
 * ids, every detected cycle, or the full history (not conditioned on cycles).
 */
export type HistorySelection =
  | {
      readonly kind: 'analogs';
      /** Recession class of the cycle (see classifyRecession), or any. */
      readonly recession?: boolean | undefined;
      /** True: only cycles whose first cut fell inside an NBER recession; false: only cycles that did not. */
      readonly inRecessionAtFirstCut?: boolean | undefined;
      readonly minTotalEasingBp?: number | undefined;
      readonly maxTotalEasingBp?: number | undefined;
      /** Minimum and maximum pace: counted cuts per month between the first and last cut (a single cut counts as one month). */
      readonly minCutsPerMonth?: number | undefined;
      readonly maxCutsPerMonth?: number | undefined;
      /** True: only resumptions after a pause; false: only cycles that start after a hike. */
      readonly resumption?: boolean | undefined;
    }
  | { readonly kind: 'cycles'; readonly ids: readonly string[] }
  | { readonly kind: 'all-cycles' }
  | { readonly kind: 'full-history' };

/** Cuts per month between a cycle's first and last cut (at least one month). */
export function cyclePace(c: ClassifiedCycle): number {
  const months = Math.max(1, (c.cycle.lastCut - c.cycle.firstCut) / 30.4375);
  return c.cycle.cuts / months;
}

/**
 * The cycles a selection picks, in date order. Unknown explicit ids are returned in `missing`
 * (the caller reports them); `full-history` picks no cycle (the caller uses all rows).
 */
export function selectAnalogCycles(cycles: readonly ClassifiedCycle[], selection: HistorySelection): { cycles: ClassifiedCycle[]; missing: string[] } {
  switch (selection.kind) {
    case 'full-history':
      return { cycles: [], missing: [] };
    case 'all-cycles':
      return { cycles: [...cycles], missing: [] };
    case 'cycles': {
      const picked = cycles.filter((c) => selection.ids.includes(c.cycle.id));
      return { cycles: picked, missing: selection.ids.filter((id) => !cycles.some((c) => c.cycle.id === id)) };
    }
    case 'analogs': {
      const s = selection;
      const picked = cycles.filter((c) =>
        (s.recession === undefined || c.recession.recession === s.recession) &&
        (s.inRecessionAtFirstCut === undefined || (c.recession.reason === 'in-recession') === s.inRecessionAtFirstCut) &&
        (s.minTotalEasingBp === undefined || c.cycle.totalEasingBp >= s.minTotalEasingBp) &&
        (s.maxTotalEasingBp === undefined || c.cycle.totalEasingBp <= s.maxTotalEasingBp) &&
        (s.minCutsPerMonth === undefined || cyclePace(c) >= s.minCutsPerMonth) &&
        (s.maxCutsPerMonth === undefined || cyclePace(c) <= s.maxCutsPerMonth) &&
        (s.resumption === undefined || c.cycle.resumption === s.resumption),
      );
      return { cycles: picked, missing: [] };
    }
  }
}
