/**
 * The document `ratecut cycles` prints (as a table) or writes (as JSON or CSV). Plain data:
 * dates as `YYYY-MM-DD`, rates in percent per year, returns as decimals (0.1 = +10%), null
 * where a value is not available.
 */
export interface CyclesReport {
  readonly notice?: string;
  readonly schema: 'ratecut.cycles/1';
  readonly ratecutVersion: string;
  readonly data: { readonly catalog: string; readonly origin: string; readonly synthetic: boolean };
  readonly conventions: {
    readonly policyRate: string;
    readonly cycleRule: string;
    readonly recessionRule: string;
    readonly anchor: string;
    /** How cycles are counted in the summaries, and when a cycle overlaps the previous one. */
    readonly counting: string;
    readonly returns: string;
    readonly recessionSource: string;
  };
  readonly rule: { readonly minMoveBp: number; readonly pauseMonths: number; readonly recessionWindowMonths: number };
  /** `episodes` or `first-cuts` (see `conventions.counting`). */
  readonly counting: 'episodes' | 'first-cuts';
  /** The `--since` date (null when absent) and how many cycles were detected before it applied. */
  readonly filter: { readonly since: string | null; readonly detected: number };
  readonly cycles: readonly CycleRow[];
  readonly pairs: readonly PairReport[];
  readonly skippedPairs: readonly { readonly id: string; readonly reason: string }[];
}

export interface CycleRow {
  readonly id: string;
  readonly firstCut: string;
  readonly lastCut: string;
  readonly cuts: number;
  readonly totalEasingBp: number;
  readonly rateBeforePct: number;
  readonly rateAfterPct: number;
  readonly resumption: boolean;
  readonly open: boolean;
  readonly basis: string;
  readonly recession: boolean;
  readonly recessionReason: string | null;
  readonly nberPeak: string | null;
  /** The previous cycle when this cycle's 24-month window overlaps it, else null. */
  readonly overlapsPrevious: string | null;
  /** Id of the episode (its first cycle) this cycle belongs to. */
  readonly episode: string;
  /** True when the cycle enters the summaries under the report's counting. */
  readonly counted: boolean;
}

export interface PairReport {
  readonly id: string;
  readonly title: string;
  readonly small: { readonly id: string; readonly title: string; readonly totalReturn: boolean };
  readonly large: { readonly id: string; readonly title: string; readonly totalReturn: boolean };
  readonly frequency: 'daily' | 'monthly';
  readonly returnBasis: string;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly horizons: readonly { readonly label: string; readonly steps: number }[];
  readonly cycles: readonly {
    readonly cycleId: string;
    readonly anchorDate: string | null;
    readonly horizons: readonly {
      readonly label: string;
      readonly endDate: string | null;
      readonly small: number | null;
      readonly large: number | null;
      /** Why the returns are null when the cycle is covered: past the end of the data, or across a gap. */
      readonly missing: string | null;
    }[];
  }[];
  readonly summary: readonly {
    readonly horizon: string;
    readonly group: string;
    readonly count: number;
    readonly meanSmall: number | null;
    readonly meanLarge: number | null;
    readonly meanDifference: number | null;
    readonly medianDifference: number | null;
    readonly shareSmallBeat: number | null;
  }[];
}
