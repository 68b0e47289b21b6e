import { join } from 'node:path';
import { NOW_SCHEMA, type NowResultJson } from '@ratecut/contracts';
import { loadEasingCycles, loadMarketData, PAIRS } from '@ratecut/data-loader';
import {
  ANALOG_DISTANCE, analogDistance, beats, centralCoverage, cyclePath, DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS, formatDay,
  monthsToRows, pathGap, rankAmong, rowAtOrBefore,
  type ClassifiedCycle, type CycleFeatures, type CyclePath, type Issue, type LoadResult, type MarketData,
} from '@ratecut/sim-core';
import type { StudyData } from '../inputs/study-data';
import type { Study } from '../study/study';
import { splitRange, type ItemRange } from '../study/split-range';
import type { PathJob } from '../simulate/path-job';
import { chooseMeanBlock } from '../simulate/path-model';
import type { SimulateTarget } from '../simulate/simulate-target';
import { FORECAST_BLOCK, FORECAST_PERCENTILES, forecastFields, type ForecastContext, type ForecastRun } from './forecast-block';

/** What `ratecut now` is asked. */
export interface NowRequest extends StudyData {
  readonly pair: string;
  /** The cycle to place (its id); null: the latest cycle with data at its base close. */
  readonly cycle: string | null;
  /** The step to place it at; null: its latest, the data's last row. */
  readonly step: number | null;
  readonly horizonMonths: number;
  /** Analog cycles a forecast draws from (the nearest ones). */
  readonly analogs: number;
  readonly paths: number;
  readonly seed: number;
  readonly targets: readonly SimulateTarget[];
  readonly commandLine: string;
  readonly ratecutVersion: string;
}

/** The defaults of `ratecut now`. */
export const NOW_DEFAULTS = { pair: 'rut-gspc', horizonMonths: 12, analogs: 6, paths: 20_000, seed: 1 } as const;

/** The `now` study: today's forecast and one backtest forecast per past cycle, one block each, merged into the `ratecut.now/1` document. */
export type NowStudy = Study<{ readonly current: string; readonly step: number }, ForecastContext, ItemRange, Float64Array, NowResultJson>;

/** A cycle with its base row (the last row before its first cut) and its path from there. */
interface PlacedCycle {
  readonly c: ClassifiedCycle;
  readonly base: number;
  readonly path: CyclePath;
}

const issue = (file: string, message: string): Issue => ({ code: 'bad-option', severity: 'error', file, message });

/** The features of a placed cycle at `step` rows after its base. */
function featuresAt(p: PlacedCycle, data: MarketData, step: number): CycleFeatures & { readonly cutsSoFar: number } {
  const row = Math.min(p.base + step, data.days.length - 1);
  // Eased so far: the policy rate at the base close minus the rate at the step, in bp (0.01 bp steps).
  const eased = Math.round((data.policyRate[p.base] - data.policyRate[row]) * 1e6) / 100;
  return {
    recession: p.c.recession.recession, resumption: p.c.cycle.resumption,
    easedBp: Number.isFinite(eased) ? eased : 0, cutsSoFar: p.c.cycle.cutDays.filter((d) => d <= data.days[row]).length,
  };
}

/** The bootstrap job of a forecast from `analogs`: their joint daily returns from `step` to `step + horizon` after their base (blocks stay in a window). */
function forecastJob(analogs: readonly PlacedCycle[], data: MarketData, step: number, horizon: number, seed: number): PathJob {
  const [s, l] = data.closes;
  const windows = analogs.map((a) => {
    const from = a.base + step;
    const small = new Float64Array(horizon), large = new Float64Array(horizon);
    for (let t = 0; t < horizon; t += 1) {
      small[t] = s[from + t + 1] / s[from + t] - 1;
      large[t] = l[from + t + 1] / l[from + t] - 1;
    }
    return { small, large };
  });
  const { meanBlock } = chooseMeanBlock('stationary', 'auto', windows);
  return { kind: 'bootstrap', windows, periodsPerYear: data.periodsPerYear, method: 'stationary', meanBlock, horizon, seed };
}

/** The `k` nearest of `candidates` to `from` at `step` (analogDistance; ties by id), with their distances. */
function nearest(from: PlacedCycle, candidates: readonly PlacedCycle[], data: MarketData, step: number, k: number): { p: PlacedCycle; distance: number }[] {
  const f = featuresAt(from, data, step);
  return candidates
    .map((p) => ({ p, distance: analogDistance(pathGap(from.path, p.path, step), f, featuresAt(p, data, step)) }))
    .filter((x) => Number.isFinite(x.distance))
    .sort((a, b) => a.distance - b.distance || (a.p.c.cycle.id < b.p.c.cycle.id ? -1 : 1))
    .slice(0, k);
}

/**
 * Plans `ratecut now`: the current cycle (the latest detected cycle with data at its base close,
 * or `--cycle`) at its latest step, the data's last row (or `--step`); every earlier cycle's path from its base
 * close at the same step; the rank of today's small − large spread among theirs; the `analogs`
 * nearest past cycles by {@link analogDistance} among those whose data hold the horizon after
 * the same step; a forecast of the next `horizonMonths` from those analogs' continuations (a
 * joint stationary bootstrap of what followed the same step in each, Politis and Romano 1994);
 * and the same forecast made for each past cycle with a continuation from its own nearest
 * analogs among the others, against what followed (PIT coverage and Brier scores). Blocks: one
 * forecast each, fixed, so the document is the same for any number of workers.
 */
export function planNowStudy(request: NowRequest): LoadResult<NowStudy> {
  const { catalog, factsDir } = request;
  const pairDef = PAIRS.find((p) => p.id === request.pair);
  if (pairDef === undefined) return { ok: false, issues: [issue('command line', `--pair ${request.pair}: expected ${PAIRS.map((p) => p.id).join(', ')}`)] };
  const easing = loadEasingCycles(catalog, join(factsDir, 'nber-business-cycles.json'), DEFAULT_EASING_CYCLE_RULE, DEFAULT_RECESSION_WINDOW_MONTHS);
  if (!easing.ok) return easing;
  const market = loadMarketData(catalog, { small: pairDef.small, large: pairDef.large }, 'fedfunds', easing.value.history);
  if (!market.ok) return market;
  const { data } = market.value;
  const horizon = monthsToRows(request.horizonMonths, data.periodsPerYear);
  const last = data.days.length - 1;
  const closes: readonly [Float64Array, Float64Array] = [data.closes[0], data.closes[1]];
  const placed: PlacedCycle[] = easing.value.cycles
    .map((c) => ({ c, base: rowAtOrBefore(data.days, c.cycle.firstCut - 1) }))
    .filter((x) => x.base >= 0)
    .map((x) => ({ ...x, path: cyclePath(closes, x.base, last) }));
  const ids = placed.map((p) => p.c.cycle.id);
  const current = request.cycle === null ? placed[placed.length - 1] : placed.find((p) => p.c.cycle.id === request.cycle);
  if (current === undefined) {
    return { ok: false, issues: [issue('command line', request.cycle === null ? `no easing cycle has data at its base close in ${pairDef.id}` : `--cycle ${request.cycle}: no such cycle with ${pairDef.id} data; cycles: ${ids.join(', ')}`)] };
  }
  const available = last - current.base;
  if (available < 1) return { ok: false, issues: [issue('command line', `cycle ${current.c.cycle.id}: the data end at its base close; no step since the first cut yet`)] };
  if (request.step !== null && !(request.step >= 1 && request.step <= available)) {
    return { ok: false, issues: [issue('command line', `--step ${request.step}: cycle ${current.c.cycle.id} has steps 1 to ${available} in the ${pairDef.id} data`)] };
  }
  const step = request.step ?? available;
  const past = placed.filter((p) => p.c.cycle.firstCut < current.c.cycle.firstCut);
  const withContinuation = past.filter((p) => p.path.small.length > step + horizon);
  const k = request.analogs;
  const todays = nearest(current, withContinuation, data, step, k);
  if (todays.length === 0) {
    return { ok: false, issues: [issue('command line', `no past cycle of ${pairDef.id} has ${horizon} rows of data after step ${step}: nothing to forecast from (try a shorter --horizon)`)] };
  }
  const runs: ForecastRun[] = [{ job: forecastJob(todays.map((x) => x.p), data, step, horizon, request.seed), realized: null }];
  const folds = withContinuation.map((p) => {
    const analogs = nearest(p, withContinuation.filter((o) => o !== p), data, step, k).map((x) => x.p);
    const at = p.base + step;
    const small = closes[0][at + horizon] / closes[0][at] - 1, large = closes[1][at + horizon] / closes[1][at] - 1;
    return { p, analogs, realized: [small, large, small - large] as [number, number, number] };
  }).filter((f) => f.analogs.length > 0);
  for (const f of folds) runs.push({ job: forecastJob(f.analogs, data, step, horizon, request.seed), realized: f.realized });

  const warnings: string[] = [];
  if (todays.length < 3) warnings.push(`only ${todays.length} past cycle${todays.length === 1 ? '' : 's'} with data after step ${step}: the forecast rests on very few episodes`);
  if (withContinuation.length < past.length) {
    warnings.push(`${past.length - withContinuation.length} past cycle(s) lack ${horizon} rows after step ${step} and are no analogs: ${past.filter((p) => !withContinuation.includes(p)).map((p) => p.c.cycle.id).join(', ')}`);
  }
  const targets = request.targets.map((t) => ({ leg: t.leg, level: t.level }));
  const stride = forecastFields(targets.length), P = FORECAST_PERCENTILES.length;
  const every = data.periodsPerYear === 12 ? 1 : 5;
  const sample = (x: Float64Array, upTo: number): number[] => {
    const out: number[] = [];
    const end = Math.min(upTo, x.length - 1);
    for (let t = 0; t <= end; t += every) out.push(Math.round(x[t] * 1e5) / 1e5);
    if (end % every !== 0) out.push(Math.round(x[end] * 1e5) / 1e5);
    return out;
  };
  const atStep = (p: PlacedCycle) => {
    const ok = p.path.small.length > step;
    const s = ok ? p.path.small[step] : null, l = ok ? p.path.large[step] : null;
    return { small: s, large: l, spread: s === null || l === null ? null : s - l };
  };
  const describe = (p: PlacedCycle) => ({
    id: p.c.cycle.id, firstCut: formatDay(p.c.cycle.firstCut), baseDate: formatDay(data.days[p.base]),
    recession: p.c.recession.recession, resumption: p.c.cycle.resumption, cutsSoFar: featuresAt(p, data, step).cutsSoFar,
    easedBp: featuresAt(p, data, step).easedBp, atStep: atStep(p),
  });
  const curFeatures = featuresAt(current, data, step);
  const curAt = atStep(current);
  const blocks = splitRange(runs.length, 1);

  const merge = (outputs: readonly Float64Array[]): NowResultJson => {
    const read = (r: number) => {
      const o = outputs[r];
      if (o.length !== stride) throw new RangeError(`now: block ${r} gave ${o.length} numbers, expected ${stride}`);
      const legs = <T>(f: (leg: number) => T) => ({ small: f(0), large: f(1), spread: f(2) });
      return {
        smallBeatsLarge: o[0], targets: targets.map((_, i) => o[1 + i]),
        percentiles: legs((leg) => Array.from(o.subarray(1 + targets.length + leg * P, 1 + targets.length + (leg + 1) * P))),
        pit: legs((leg) => o[1 + targets.length + 3 * P + leg]),
      };
    };
    const today = read(0);
    const foldRows = folds.map((f, i) => {
      const r = read(i + 1);
      return {
        cycle: f.p.c.cycle.id, analogs: f.analogs.map((a) => a.c.cycle.id),
        realized: { small: f.realized[0], large: f.realized[1], spread: f.realized[2] }, pit: r.pit, smallBeatsLarge: r.smallBeatsLarge, targets: r.targets,
      };
    });
    const coverage = (leg: 'small' | 'large' | 'spread') => {
      const pits = foldRows.map((f) => f.pit[leg]);
      return { n: pits.length, coverage50: pits.length === 0 ? null : centralCoverage(pits, 0.5), coverage90: pits.length === 0 ? null : centralCoverage(pits, 0.9) };
    };
    const brier = (probability: (f: (typeof foldRows)[number]) => number, happened: (f: (typeof foldRows)[number]) => boolean): number | null =>
      (foldRows.length === 0 ? null : foldRows.reduce((s, f) => s + (probability(f) - (happened(f) ? 1 : 0)) ** 2, 0) / foldRows.length);
    return {
      ...(request.notice === null ? {} : { notice: request.notice }),
      schema: NOW_SCHEMA, ratecutVersion: request.ratecutVersion, commandLine: request.commandLine,
      data: {
        catalog: catalog.path, origin: request.origin, synthetic: request.notice !== null, pair: pairDef.id, returnBasis: market.value.pair.returnBasis,
        first: formatDay(data.days[0]), last: formatDay(data.days[last]),
      },
      conventions: {
        steps: `a step is a row of the pair's data (${data.periodsPerYear === 12 ? 'a month' : 'a trading day'}); the current cycle is at step ${step}, ${step === available ? 'the data\'s last row' : `${formatDay(data.days[current.base + step])} (--step; the data go on to ${formatDay(data.days[last])}, and a past cycle's continuation may run past that date when cycles lie close together)`}; past cycles are compared at the same step after their own base close`,
        base: 'the base close of a cycle is the last close before its first cut\'s effective date; returns are simple returns from it (small, large, and small − large)',
        distance: `100 × path gap / ${ANALOG_DISTANCE.pathPoints} + ${ANALOG_DISTANCE.recession} if the recession labels differ + ${ANALOG_DISTANCE.resumption} if one is a resumption and the other not + ${ANALOG_DISTANCE.per25Bp} per 25 bp more or less easing so far (the policy rate at the base close minus the rate at the step); path gap: the root mean square over steps 1..${step} and both legs of the difference of cumulative log returns`,
        forecast: `the next ${horizon} rows (${request.horizonMonths} month${request.horizonMonths === 1 ? '' : 's'}) from the last close, simulated from the ${k} nearest past cycles whose data hold them after step ${step}: a joint stationary bootstrap (Politis and Romano 1994) of both legs' returns in what followed the same step in each, blocks inside one cycle, mean block by the Politis-White (2004) rule; ${request.paths} paths, seed ${request.seed}`,
        backtest: 'each past cycle with those rows, forecast at the same step from its own nearest analogs among the other such cycles (earlier and later: cross-validation, not real time), against what followed: PIT coverage of the 50 % and 90 % intervals and Brier scores of the probabilities',
      },
      settings: { horizonMonths: request.horizonMonths, horizonSteps: horizon, analogs: k, paths: request.paths, seed: request.seed, every },
      current: { ...describe(current), small: sample(current.path.small, step), large: sample(current.path.large, step), step, stepDate: formatDay(data.days[current.base + step]) },
      past: past.map((p) => {
        const gap = pathGap(current.path, p.path, step);
        const distance = analogDistance(gap, curFeatures, featuresAt(p, data, step));
        return {
          ...describe(p), distance: Number.isFinite(distance) ? distance : null, pathGap: Number.isFinite(gap) ? gap : null,
          continuation: withContinuation.includes(p), small: sample(p.path.small, step + horizon), large: sample(p.path.large, step + horizon),
        };
      }),
      rank: rankAmong(curAt.spread ?? NaN, past.map((p) => atStep(p).spread ?? NaN)),
      forecast: {
        analogs: todays.map((x) => x.p.c.cycle.id), meanBlock: (runs[0].job as Extract<PathJob, { kind: 'bootstrap' }>).meanBlock,
        percentiles: today.percentiles, smallBeatsLarge: today.smallBeatsLarge,
        targets: request.targets.map((t, i) => ({ target: t.text, leg: t.leg, level: t.level, probability: today.targets[i] })),
      },
      backtest: {
        folds: foldRows,
        coverage: { small: coverage('small'), large: coverage('large'), spread: coverage('spread') },
        brier: {
          smallBeatsLarge: brier((f) => f.smallBeatsLarge, (f) => beats(f.realized.small, f.realized.large)),
          targets: targets.map((t, i) => brier((f) => f.targets[i], (f) => f.realized[t.leg] >= t.level)),
        },
      },
      warnings,
    };
  };
  return {
    ok: true,
    warnings: [...easing.warnings, ...market.warnings],
    value: {
      kind: 'now', plan: { current: current.c.cycle.id, step }, unit: 'forecasts', blocks, execute: FORECAST_BLOCK,
      warnings: [...easing.warnings, ...market.warnings],
      context: { runs, paths: request.paths, targets }, merge,
    },
  };
}
