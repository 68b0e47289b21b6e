import type { ClassifiedCycle } from '../fed/classified-cycle';

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
      /**
       * True: only cycles whose easing began with an emergency (unscheduled, intermeeting) action;
       * false: only cycles not known to be emergencies. Read from {@link CycleFacts.emergency};
       * a cycle the facts do not list counts as not an emergency and is reported in `unknown`.
       */
      readonly emergency?: boolean | undefined;
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

/**
 * Facts about cycles that the rate series alone cannot tell, from a curated source (the
 * runner reads them from `data/easing-cycles.json`).
 */
export interface CycleFacts {
  /**
   * Emergency status by the first cut's day number (days since 1970-01-01): true when the
   * cycle's easing began with an unscheduled, intermeeting action in response to a shock.
   * Cycles whose first cut is not a key are unknown.
   */
  readonly emergency: ReadonlyMap<number, boolean>;
}

/** No curated facts: every cycle's emergency status is unknown. */
export const NO_CYCLE_FACTS: CycleFacts = { emergency: new Map() };

/** What a selection picked. */
export interface AnalogSelection {
  /** The picked cycles, in the input order. */
  readonly cycles: ClassifiedCycle[];
  /** Explicit ids not among the cycles (the caller reports them). */
  readonly missing: string[];
  /** Picked cycles whose emergency status the facts do not give, when the selection filters on it (counted as not emergencies). */
  readonly unknown: string[];
}

/** Cuts per month between a cycle's first and last cut (at least one month). */
export function cyclePace(c: ClassifiedCycle): number {
  const months = Math.max(1, (c.cycle.lastCut - c.cycle.firstCut) / 30.4375);
  return c.cycle.cuts / months;
}

/** A cycle's emergency status from the facts: true, false, or null when they do not list it. */
export function isEmergencyCycle(c: ClassifiedCycle, facts: CycleFacts): boolean | null {
  return facts.emergency.get(c.cycle.firstCut) ?? null;
}

/**
 * The cycles a selection picks, in date order. Unknown explicit ids are returned in `missing`
 * (the caller reports them); `full-history` picks no cycle (the caller uses all rows). A
 * selection on `emergency` reads `facts`; a cycle they do not list counts as not an emergency
 * and is named in `unknown`, so the caller can say so.
 */
export function selectAnalogCycles(cycles: readonly ClassifiedCycle[], selection: HistorySelection, facts: CycleFacts = NO_CYCLE_FACTS): AnalogSelection {
  switch (selection.kind) {
    case 'full-history':
      return { cycles: [], missing: [], unknown: [] };
    case 'all-cycles':
      return { cycles: [...cycles], missing: [], unknown: [] };
    case 'cycles': {
      const picked = cycles.filter((c) => selection.ids.includes(c.cycle.id));
      return { cycles: picked, missing: selection.ids.filter((id) => !cycles.some((c) => c.cycle.id === id)), unknown: [] };
    }
    case 'analogs': {
      const s = selection;
      const picked = cycles.filter((c) =>
        (s.recession === undefined || c.recession.recession === s.recession) &&
        (s.inRecessionAtFirstCut === undefined || (c.recession.reason === 'in-recession') === s.inRecessionAtFirstCut) &&
        (s.emergency === undefined || (isEmergencyCycle(c, facts) ?? false) === s.emergency) &&
        (s.minTotalEasingBp === undefined || c.cycle.totalEasingBp >= s.minTotalEasingBp) &&
        (s.maxTotalEasingBp === undefined || c.cycle.totalEasingBp <= s.maxTotalEasingBp) &&
        (s.minCutsPerMonth === undefined || cyclePace(c) >= s.minCutsPerMonth) &&
        (s.maxCutsPerMonth === undefined || cyclePace(c) <= s.maxCutsPerMonth) &&
        (s.resumption === undefined || c.cycle.resumption === s.resumption),
      );
      const unknown = s.emergency === undefined ? [] : picked.filter((c) => isEmergencyCycle(c, facts) === null).map((c) => c.cycle.id);
      return { cycles: picked, missing: [], unknown };
    }
  }
}
