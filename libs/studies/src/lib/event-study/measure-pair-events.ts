import { bootstrapLocation, horizonSpreads, percentileOfSorted, placeboTest, postCutReturns, spreadsAwayFrom, formatDay, type AnchorSide, type ClassifiedCycle, type ReturnPairSpec } from '@ratecut/sim-core';
import type { PairEventStudyJson } from '@ratecut/contracts';
import type { BlockExecutor } from '../study/study';
import type { EventStudySettings } from './event-study-settings';

/** A pair an event study measures: its data and horizons, and how the document describes it. */
export interface EventPairInput {
  readonly spec: ReturnPairSpec;
  readonly meta: Pick<PairEventStudyJson, 'id' | 'title' | 'frequency' | 'returnBasis' | 'firstDate' | 'lastDate'>;
}

/** What every block of an event study reads. */
export interface EventStudyContext {
  /** Every detected cycle (the placebo pool excludes dates near each first cut). */
  readonly cycles: readonly ClassifiedCycle[];
  /** Ids of the cycles the statistics count (see `countedCycleIds`). */
  readonly counted: readonly string[];
  readonly pairs: readonly EventPairInput[];
  readonly settings: Pick<EventStudySettings, 'seed' | 'resamples' | 'placebos' | 'confidence' | 'excludeMonths'>;
  /**
   * Per cycle (same order as `cycles`), the day the anchor is taken from (the first cut's
   * effective or announcement day; null when the anchor has none for the cycle, which is then
   * left out), and on which side of it the base close lies.
   */
  readonly anchor: { readonly days: readonly (number | null)[]; readonly side: AnchorSide };
  /** Groups after {@link EVENT_GROUPS}: the cycles each built-in scenario draws from, by id (at most 4). */
  readonly scenarioGroups: readonly { readonly name: string; readonly ids: readonly string[] }[];
}

/** One block: one pair, by its index in {@link EventStudyContext.pairs}. */
export interface EventStudyBlock {
  readonly pair: number;
}

/** The groups of cycles, in document order, and who is in each. */
export const EVENT_GROUPS: readonly { readonly name: string; readonly member: (c: ClassifiedCycle) => boolean }[] = [
  { name: 'all', member: () => true },
  { name: 'recession', member: (c) => c.recession.recession },
  { name: 'non-recession', member: (c) => !c.recession.recession },
  { name: 'resumption', member: (c) => c.cycle.resumption },
];

/** The fixed groups, then the scenarios' groups by their cycle ids. */
function groupsOf(context: EventStudyContext): { readonly name: string; readonly member: (c: ClassifiedCycle) => boolean }[] {
  if (EVENT_GROUPS.length + context.scenarioGroups.length > 8) throw new RangeError(`an event study has at most 8 groups (streams are numbered for 8); got ${EVENT_GROUPS.length + context.scenarioGroups.length}`);
  return [...EVENT_GROUPS, ...context.scenarioGroups.map((g) => ({ name: g.name, member: (c: ClassifiedCycle) => g.ids.includes(c.cycle.id) }))];
}

/** Streams per statistic: pair, horizon, group and kind (bootstrap or placebo) each get their own range of 2^26. */
const streamBase = (pair: number, horizon: number, group: number, kind: 0 | 1): number => (((pair * 8 + horizon) * 8 + group) * 2 + kind) * 2 ** 26;

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Block executor of the event study: for one pair, at each horizon, the spread after each
 * counted cycle's first cut (from the context's anchor), then per group of cycles
 * the mean and median with cycle-bootstrap intervals ({@link bootstrapLocation}) and the placebo
 * test of the mean ({@link placeboTest}) against the spreads from every date more than
 * `excludeMonths` from every first cut; and the baseline, the spread from every date. Pure: the
 * output depends only on the context and the block (each statistic draws from its own streams).
 */
export function measurePairEvents(context: EventStudyContext, block: EventStudyBlock): PairEventStudyJson {
  const pair = context.pairs[block.pair];
  if (pair === undefined) throw new RangeError(`event-study block names pair ${block.pair}; the study has ${context.pairs.length}`);
  const { spec, meta } = pair;
  const { seed, resamples, placebos, confidence, excludeMonths } = context.settings;
  const counted = new Set(context.counted);
  const firstCuts = context.cycles.map((c) => c.cycle.firstCut);
  return {
    ...meta,
    horizons: spec.horizons.map((h, hi) => {
      const all = horizonSpreads(spec.data, h.steps);
      const sorted = Float64Array.from(all.spreads).sort();
      const pool = spreadsAwayFrom(all, firstCuts, excludeMonths);
      let beat = 0;
      for (const s of all.spreads) if (s > 0) beat += 1;
      const events = context.cycles
        .map((c, i) => ({ cycle: c, day: context.anchor.days[i] }))
        .filter((e): e is { cycle: ClassifiedCycle; day: number } => counted.has(e.cycle.cycle.id) && e.day !== null)
        .map(({ cycle, day }) => {
          const r = postCutReturns(spec.data, day, [h.steps], spec.maxAnchorGapDays, context.anchor.side);
          const { small, large } = r.horizons[0];
          return { cycle, anchorDay: r.anchorDay, small, large, spread: small - large };
        })
        .filter((e) => !Number.isNaN(e.spread));
      return {
        label: h.label,
        steps: h.steps,
        baseline: {
          count: sorted.length,
          mean: orNull(sorted.reduce((a, b) => a + b, 0) / sorted.length),
          median: sorted.length === 0 ? null : percentileOfSorted(sorted, 50),
          p10: sorted.length === 0 ? null : percentileOfSorted(sorted, 10),
          p90: sorted.length === 0 ? null : percentileOfSorted(sorted, 90),
          shareSmallBeat: sorted.length === 0 ? null : beat / sorted.length,
        },
        groups: groupsOf(context).map((g, gi) => {
          const members = events.filter((e) => g.member(e.cycle));
          const spreads = members.map((e) => e.spread);
          const loc = bootstrapLocation(spreads, { seed, resamples, confidence, stream: streamBase(block.pair, hi, gi, 0) });
          const placebo = spreads.length > 0 && pool.length >= spreads.length
            ? placeboTest(loc.mean, pool, spreads.length, { seed, placebos, stream: streamBase(block.pair, hi, gi, 1) })
            : null;
          return {
            group: g.name,
            events: members.map((e) => ({ cycle: e.cycle.cycle.id, anchorDate: formatDay(e.anchorDay as number), small: e.small, large: e.large, spread: e.spread })),
            count: spreads.length,
            mean: orNull(loc.mean),
            median: orNull(loc.median),
            meanLower: orNull(loc.meanLower),
            meanUpper: orNull(loc.meanUpper),
            medianLower: orNull(loc.medianLower),
            medianUpper: orNull(loc.medianUpper),
            placebo: placebo === null ? null : {
              pool: placebo.pool, size: placebo.size, percentile: placebo.percentile,
              pLower: placebo.pLower, pUpper: placebo.pUpper, pTwoSided: placebo.pTwoSided,
              p5: placebo.p5, p50: placebo.p50, p95: placebo.p95, histogram: { lo: placebo.histogram.lo, hi: placebo.histogram.hi, counts: [...placebo.histogram.counts] },
            },
          };
        }),
      };
    }),
  };
}

/** {@link measurePairEvents} as the event study's block executor (a worker loads it from this module). */
export const MEASURE_PAIR_EVENTS: BlockExecutor<EventStudyContext, EventStudyBlock, PairEventStudyJson> = {
  module: __filename,
  exportName: 'measurePairEvents',
  run: measurePairEvents,
};
