import type { CyclesResultJson, PairCyclesJson } from '@ratecut/contracts';
import { bootstrapLocation, mean, median } from '@ratecut/sim-core';
import { legNames, type LegNames } from './leg-names';

/** The cycle bootstrap behind every interval the cycles section states: fixed, so a report is the same bytes on every run. */
export const CYCLE_BOOTSTRAP = { seed: 1, resamples: 10_000, confidence: 0.9 } as const;

/** One cycle the pair's data cover: its returns after the first cut, and whether the summaries count it. */
export interface CycleSpreadRow {
  readonly cycleId: string;
  /** The base close's date (the anchor), `YYYY-MM-DD`. */
  readonly base: string;
  readonly recession: boolean;
  /** True when the cycle enters the counts and means (the document's counting rule). */
  readonly counted: boolean;
  /** The episode it joins when it is not counted (a resumption), else null. */
  readonly joins: string | null;
  /** Per horizon (the pair's order): small, large and small − large, decimals; null past the data or across a gap. */
  readonly small: readonly (number | null)[];
  readonly large: readonly (number | null)[];
  readonly spread: readonly (number | null)[];
  /** Per horizon: why the returns are missing, or null. */
  readonly missing: readonly (string | null)[];
}

/** The counted cycles' record at one horizon. */
export interface HorizonRecord {
  /** The horizon's label as the document writes it, e.g. `12m`. */
  readonly label: string;
  /** The horizon in words, e.g. `12 months`. */
  readonly words: string;
  /** Counted cycles with both returns at this horizon. */
  readonly count: number;
  /** Of those, the cycles in which small − large is above 0 (the rule of the document's `shareSmallBeat`). */
  readonly wins: number;
  /** Mean and median of small − large over them, decimals (NaN with no cycle). */
  readonly mean: number;
  readonly median: number;
  /** Percentile-bootstrap interval of the mean over the cycles ({@link CYCLE_BOOTSTRAP}); NaN with no cycle. */
  readonly meanLower: number;
  readonly meanUpper: number;
  /** Recession cycles among the counted ones: wins, count and mean of small − large. */
  readonly recession: { readonly wins: number; readonly count: number; readonly mean: number };
}

/** One pair of a cycles document as the report draws it. */
export interface PairCycleSpreads {
  readonly pair: PairCyclesJson;
  readonly legs: LegNames;
  /** The cycles the pair's data cover, in date order. */
  readonly rows: readonly CycleSpreadRow[];
  /** Cycles of the document before the pair's data (not drawn). */
  readonly uncovered: number;
  /** One record per horizon, in the pair's order. */
  readonly horizons: readonly HorizonRecord[];
}

/** A horizon label in words: `12m` → `12 months`, `1m` → `1 month`; any other label as written. */
export function horizonWords(label: string): string {
  const m = /^(\d+)m$/.exec(label);
  return m === null ? label : `${m[1]} month${m[1] === '1' ? '' : 's'}`;
}

/** Wins (small − large above 0), count and mean of small − large over the rows with both returns at horizon `h`. */
function record(rows: readonly CycleSpreadRow[], h: number): { wins: number; count: number; mean: number; spreads: number[] } {
  const spreads = rows.map((r) => r.spread[h]).filter((x): x is number => x !== null);
  return { wins: spreads.filter((x) => x > 0).length, count: spreads.length, mean: mean(spreads), spreads };
}

/**
 * One pair of a cycles document ready to draw: the cycles its data cover, in the document's
 * (date) order, each with small, large and small − large at every horizon; and per horizon the
 * record of the counted cycles (the document's counting: by episode, or every first cut): how
 * many small beat large, the mean and median of small − large, and a percentile-bootstrap
 * interval of the mean, resampling the counted cycles with replacement (Efron 1979, with
 * `bootstrapLocation` of sim-core and the fixed {@link CYCLE_BOOTSTRAP}). The counts and means
 * are those of the document's `all` summary rows, recomputed from the cycle rows.
 *
 * @throws RangeError when `pairIndex` names no pair of the document (programmer error).
 */
export function pairCycleSpreads(doc: CyclesResultJson, pairIndex: number): PairCycleSpreads {
  const pair = doc.pairs[pairIndex];
  if (pair === undefined) throw new RangeError(`pairCycleSpreads: the document has ${doc.pairs.length} pairs, not ${pairIndex + 1}`);
  const byId = new Map(doc.cycles.map((c) => [c.id, c]));
  const rows: CycleSpreadRow[] = [];
  for (const c of pair.cycles) {
    if (c.anchorDate === null) continue;
    const cycle = byId.get(c.cycleId);
    const counted = cycle?.counted ?? false;
    rows.push({
      cycleId: c.cycleId,
      base: c.anchorDate,
      recession: cycle?.recession ?? false,
      counted,
      joins: counted ? null : cycle?.episode ?? null,
      small: c.horizons.map((h) => h.small),
      large: c.horizons.map((h) => h.large),
      spread: c.horizons.map((h) => (h.small === null || h.large === null ? null : h.small - h.large)),
      missing: c.horizons.map((h) => h.missing),
    });
  }
  const counted = rows.filter((r) => r.counted);
  const horizons = pair.horizons.map((hz, h): HorizonRecord => {
    const all = record(counted, h);
    const rec = record(counted.filter((r) => r.recession), h);
    const loc = bootstrapLocation(all.spreads, { seed: CYCLE_BOOTSTRAP.seed, resamples: CYCLE_BOOTSTRAP.resamples, confidence: CYCLE_BOOTSTRAP.confidence, stream: h * CYCLE_BOOTSTRAP.resamples });
    return {
      label: hz.label, words: horizonWords(hz.label), count: all.count, wins: all.wins, mean: all.mean, median: median(all.spreads),
      meanLower: loc.meanLower, meanUpper: loc.meanUpper, recession: { wins: rec.wins, count: rec.count, mean: rec.mean },
    };
  });
  return { pair, legs: legNames({ id: pair.id, small: pair.small.id, large: pair.large.id }), rows, uncovered: pair.cycles.length - rows.length, horizons };
}

/** The horizon the headline answers with: 12 months when the pair has it, else its longest. */
export function headlineHorizon(spreads: PairCycleSpreads): number {
  const twelve = spreads.horizons.findIndex((h) => h.label === '12m');
  return twelve >= 0 ? twelve : spreads.horizons.length - 1;
}
