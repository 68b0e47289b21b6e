import type { BacktestResultJson, StrategyResultJson } from '@ratecut/contracts';
import {
  beats, deflatedSharpeRatio, formatDay, informationRatio, pairedBootstrapDifference, pairedReturns, parseIsoDay, sampleMoments, winShare,
  type DifferenceInterval,
} from '@ratecut/sim-core';
import { VERSION } from '../../cli/version';
import type { Difference } from './comparability';
import type { LoadedResult } from './load-result';
import type { SimulateFile } from './result-schemas';

/** Schema of the JSON output of `ratecut compare`. */
export const COMPARE_SCHEMA = 'ratecut.compare/1';

/** A file as the output names it. */
export interface FileSummary {
  readonly letter: string;
  readonly file: string;
  readonly kind: LoadedResult['kind'];
  readonly schema: string;
  readonly synthetic: boolean;
  readonly description: string;
}

/** Headline metrics of one strategy over the full history; decimals, Sharpe annualised. */
export interface MetricsRow {
  readonly label: string;
  readonly totalReturn: number | null;
  readonly cagr: number | null;
  readonly volatility: number | null;
  readonly sharpe: number | null;
  readonly maxDrawdown: number | null;
  readonly calmar: number | null;
  /** Share of cycles with positive excess over the file's benchmark. */
  readonly cycleHitRate: number | null;
}

/** Per-cycle total returns (decimals) of every strategy; `difference` = first minus second strategy when there are exactly two. */
export interface CycleTable {
  readonly labels: readonly string[];
  readonly rows: readonly { readonly cycleId: string; readonly recession: boolean; readonly complete: boolean; readonly values: readonly (number | null)[]; readonly difference: number | null }[];
  readonly aBeatB: { readonly a: string; readonly b: string; readonly wins: number; readonly count: number; readonly share: number | null } | null;
}

/** The paired stationary-bootstrap comparison of two strategies' daily returns. */
export interface PairedComparison {
  readonly a: string;
  readonly b: string;
  readonly first: string;
  readonly last: string;
  readonly observations: number;
  readonly meanBlock: number;
  readonly resamples: number;
  readonly seed: number;
  readonly confidence: number;
  readonly periodsPerYear: number;
  /** Annualised Sharpe ratio of A minus B (returns without cash subtraction). */
  readonly sharpe: IntervalJson;
  /** Arithmetic annual return of A minus B: (mean daily return A − mean daily return B) × periods per year, decimals. */
  readonly annualReturn: IntervalJson;
  readonly method: string;
}

export interface IntervalJson {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** The deflated Sharpe ratio of the best of several trials; Sharpe figures annualised. */
export interface DeflatedSharpeJson {
  readonly source: string;
  /**
   * What each trial's Sharpe ratio measures: `excess over benchmark` (the Sharpe ratio of the
   * strategy's daily returns minus its file's benchmark's, an information ratio) for backtests,
   * `over cash` for a sweep CSV (it holds no returns series).
   */
  readonly statistic: 'excess over benchmark' | 'over cash';
  /** The null hypothesis the probability tests, in words. */
  readonly nullHypothesis: string;
  readonly trials: number;
  readonly best: string;
  readonly bestSharpe: number | null;
  readonly trialSharpeSd: number | null;
  readonly expectedMaxSharpe: number | null;
  readonly observations: number;
  readonly skewness: number | null;
  readonly kurtosis: number | null;
  readonly moments: string;
  readonly probability: number | null;
}

/** Simulation statistics side by side; `differences[k]` = first file minus file k + 1. */
export interface SimulationTable {
  readonly labels: readonly string[];
  readonly rows: readonly { readonly statistic: string; readonly values: readonly (number | null)[]; readonly differences: readonly (number | null)[] }[];
}

/** The whole comparison: a plain serialisable value, formatted by format-comparison.ts. */
export interface Comparison {
  readonly schema: typeof COMPARE_SCHEMA;
  readonly ratecutVersion: string;
  readonly seed: number;
  readonly resamples: number;
  readonly files: readonly FileSummary[];
  readonly comparable: boolean;
  readonly differences: readonly Difference[];
  readonly notes: readonly string[];
  readonly metrics: readonly MetricsRow[];
  readonly cycles: CycleTable | null;
  readonly paired: PairedComparison | null;
  readonly deflatedSharpe: readonly DeflatedSharpeJson[];
  readonly simulations: SimulationTable | null;
}

export interface CompareOptions {
  readonly seed: number;
  readonly resamples: number;
}

const fin = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);
const nan = (x: number | null | undefined): number => (x === null || x === undefined ? NaN : x);
const letterOf = (i: number): string => String.fromCharCode(65 + i);
const interval = (d: DifferenceInterval): IntervalJson => ({ estimate: fin(d.estimate), lower: fin(d.lower), upper: fin(d.upper) });

interface Entry {
  readonly label: string;
  readonly result: Extract<LoadedResult, { kind: 'backtest' }>;
  readonly strategy: StrategyResultJson;
}

function describe(r: LoadedResult): string {
  if (r.kind === 'sweep') return `${r.description || 'sweep table'}; ${r.trials.length} trials`;
  if (r.kind === 'backtest') {
    const d = r.doc.data;
    const covered = r.doc.cycles.filter((c) => c.covered).length;
    return `${d.pair.id} ${d.first} to ${d.last} (${d.rows} rows), ${covered} cycles covered; strategies ${r.doc.strategies.map((s) => s.label).join(', ')}; benchmark ${r.doc.benchmark.name}`;
  }
  const d = r.doc;
  return `scenario ${d.scenario.name}: ${d.horizon.months} months, ${d.paths} paths, ${d.method.kind}, seed ${d.seed}; ${d.data.pair.id} ${d.data.first} to ${d.data.last}; analogs ${d.analogs.cycleIds.join(', ')}`;
}

/** Daily returns of one equity column (consecutive values). */
function equityReturns(doc: BacktestResultJson, label: string): Float64Array {
  const e = doc.equity.series[label] ?? [];
  const out = new Float64Array(Math.max(0, e.length - 1));
  for (let i = 1; i < e.length; i += 1) out[i - 1] = e[i] / e[i - 1] - 1;
  return out;
}

/** True when a strategy's equity curve is its file's benchmark's: it is the benchmark (older files wrote 0 for its excess). */
function isBenchmark(e: Entry): boolean {
  const s = e.result.doc.equity.series[e.strategy.label], b = e.result.doc.equity.series[e.result.doc.benchmark.label];
  return s !== undefined && b !== undefined && s.length === b.length && s.every((v, i) => v === b[i]);
}

function metricsRow(e: Entry): MetricsRow {
  const m = e.strategy.full.metrics;
  const same = isBenchmark(e);
  return {
    label: same && !e.label.includes(':benchmark:') ? `${e.label} (= benchmark)` : e.label,
    totalReturn: fin(m.totalReturn), cagr: fin(m.cagr), volatility: fin(m.annualizedVolatility), sharpe: fin(m.sharpeRatio),
    maxDrawdown: fin(m.maxDrawdown.depth), calmar: fin(m.calmarRatio),
    // The benchmark against itself has no hit rate: n/a, not 0 %.
    cycleHitRate: same ? null : fin(e.strategy.aggregates.find((a) => a.group === 'all')?.hitRate),
  };
}

function cycleTable(entries: readonly Entry[]): CycleTable {
  const ids = [...new Set(entries.flatMap((e) => e.strategy.cycles.map((c) => c.cycleId)))].sort();
  const rows = ids.map((id) => {
    const cs = entries.map((e) => e.strategy.cycles.find((c) => c.cycleId === id));
    const values = cs.map((c) => fin(c?.totalReturn));
    const difference = values.length === 2 && values[0] !== null && values[1] !== null ? values[0] - values[1] : null;
    return { cycleId: id, recession: cs.some((c) => c?.recession === true), complete: cs.every((c) => c?.complete !== false), values, difference };
  });
  let aBeatB: CycleTable['aBeatB'] = null;
  if (entries.length === 2) {
    const w = winShare(rows.map((r) => nan(r.values[0])), rows.map((r) => nan(r.values[1])));
    aBeatB = { a: entries[0].label, b: entries[1].label, wins: w.wins, count: w.count, share: fin(w.share) };
  }
  return { labels: entries.map((e) => e.label), rows, aBeatB };
}

function paired(a: Entry, b: Entry, options: CompareOptions): PairedComparison {
  const days = (doc: BacktestResultJson) => Int32Array.from(doc.equity.dates, parseIsoDay);
  const ea = a.result.doc.equity.series[a.strategy.label] ?? [], eb = b.result.doc.equity.series[b.strategy.label] ?? [];
  const pr = pairedReturns(days(a.result.doc), ea, days(b.result.doc), eb);
  const ppy = a.result.doc.data.periodsPerYear;
  const r = pairedBootstrapDifference(pr.a, pr.b, { periodsPerYear: ppy, seed: options.seed, resamples: options.resamples });
  const n = pr.days.length;
  return {
    a: a.label, b: b.label, first: n > 0 ? formatDay(pr.days[0]) : '', last: n > 0 ? formatDay(pr.days[n - 1]) : '', observations: r.observations,
    meanBlock: r.meanBlock, resamples: r.resamples, seed: options.seed, confidence: r.confidence, periodsPerYear: ppy,
    sharpe: interval(r.sharpe), annualReturn: interval(r.annualReturn),
    method: `paired stationary bootstrap (Politis and Romano, 1994) of the ${r.observations} common-date returns of the full-history equity curves, resampling both strategies' days jointly; mean block length = mean of the two series' Politis-White (2004) estimates; percentile interval; Sharpe ratios of returns without cash subtraction (the result files hold no cash series), annualised with ${ppy} periods per year; annual return = mean daily return × ${ppy}`,
  };
}

/** The deflated Sharpe ratio from annualised Sharpe ratios of the trials. */
function deflated(source: string, statistic: DeflatedSharpeJson['statistic'], labels: readonly string[], sharpes: readonly number[], ppy: number, observations: number, moments: { skewness: number; kurtosis: number } | null): DeflatedSharpeJson {
  let best = 0;
  for (let i = 1; i < sharpes.length; i += 1) if (sharpes[i] > sharpes[best]) best = i;
  const perPeriod = sharpes.map((s) => s / Math.sqrt(ppy));
  const m = perPeriod.reduce((s, v) => s + v, 0) / perPeriod.length;
  const variance = perPeriod.reduce((s, v) => s + (v - m) ** 2, 0) / (perPeriod.length - 1);
  const skewness = moments?.skewness ?? 0, kurtosis = moments?.kurtosis ?? 3;
  const d = deflatedSharpeRatio({ sharpe: perPeriod[best], trialVariance: variance, trials: sharpes.length, observations, skewness, kurtosis });
  const nullHypothesis = statistic === 'excess over benchmark'
    ? `the best strategy has no skill over its benchmark: the true Sharpe ratio of its daily returns minus the benchmark's is no higher than the best of ${sharpes.length} trials with none would show by luck`
    : `the best parameter set has no skill over cash: its true Sharpe ratio (over cash, not over a benchmark) is no higher than the best of ${sharpes.length} trials with a zero Sharpe ratio would show by luck`;
  return {
    source, statistic, nullHypothesis, trials: sharpes.length, best: labels[best], bestSharpe: fin(sharpes[best]), trialSharpeSd: fin(Math.sqrt(variance * ppy)),
    expectedMaxSharpe: fin(d.expectedMaxSharpe * Math.sqrt(ppy)), observations, skewness: fin(skewness), kurtosis: fin(kurtosis),
    moments: moments === null ? 'taken as normal (skewness 0, kurtosis 3): the sweep CSV holds no returns series' : "from the best strategy's daily returns minus its benchmark's (full-history equity curves)",
    probability: fin(d.probability),
  };
}

const SIM_PERCENTILES = ['p5', 'p25', 'p50', 'p75', 'p95'];

function simulationTable(sims: readonly Extract<LoadedResult, { kind: 'simulate' }>[]): SimulationTable {
  const rows: { statistic: string; values: (number | null)[] }[] = [];
  const legs: [keyof SimulateFile['legs'], string][] = [['small', 'small return'], ['large', 'large return'], ['spread', 'small - large']];
  for (const [leg, name] of legs) {
    for (const p of SIM_PERCENTILES) rows.push({ statistic: `${name} ${p === 'p50' ? 'median' : p}`, values: sims.map((s) => fin(s.doc.legs[leg].percentiles[p])) });
    rows.push({ statistic: `${name} mean`, values: sims.map((s) => fin(s.doc.legs[leg].mean)) });
  }
  rows.push({ statistic: 'P(small beats large)', values: sims.map((s) => fin(s.doc.probabilities.smallBeatsLarge)) });
  const targets = [...new Set(sims.flatMap((s) => s.doc.probabilities.targets.map((t) => t.target)))];
  for (const t of targets) rows.push({ statistic: `P(${t})`, values: sims.map((s) => fin(s.doc.probabilities.targets.find((x) => x.target === t)?.probability)) });
  return {
    labels: sims.map((s) => `${s.name}:${s.doc.scenario.name}`),
    rows: rows.map((r) => ({ ...r, differences: r.values.slice(1).map((v) => (v === null || r.values[0] === null ? null : r.values[0] - v)) })),
  };
}

/**
 * Builds the comparison of loaded, kind-compatible results (backtests and sweep CSVs, or
 * simulations): headline metrics, per-cycle returns, the paired bootstrap for exactly two
 * strategies, the deflated Sharpe ratio for more than two strategies and for each sweep table,
 * and simulation statistics side by side.
 */
export function buildComparison(results: readonly LoadedResult[], differences: readonly Difference[], options: CompareOptions): Comparison {
  const notes: string[] = [];
  const backtests = results.filter((r): r is Extract<LoadedResult, { kind: 'backtest' }> => r.kind === 'backtest');
  const sims = results.filter((r): r is Extract<LoadedResult, { kind: 'simulate' }> => r.kind === 'simulate');
  const entries: Entry[] = backtests.flatMap((r) => r.doc.strategies.map((s) => ({ label: `${r.name}:${s.label}`, result: r, strategy: s })));
  const metrics = entries.map(metricsRow);
  if (backtests.length > 0) {
    const b = backtests[0];
    metrics.push({ ...metricsRow({ label: `${b.name}:${b.doc.benchmark.label}`, result: b, strategy: b.doc.benchmark }), cycleHitRate: null });
  }
  const deflatedSharpe: DeflatedSharpeJson[] = [];
  let pairedResult: PairedComparison | null = null;
  if (entries.length === 2) pairedResult = paired(entries[0], entries[1], options);
  if (entries.length > 2) {
    // Trials: each strategy's daily returns minus its own file's benchmark's (an information
    // ratio). A strategy that holds exactly what the benchmark holds has no excess and is no trial.
    const excess = entries.map((e) => {
      const r = equityReturns(e.result.doc, e.strategy.label), b = equityReturns(e.result.doc, e.result.doc.benchmark.label);
      const same = r.length === b.length && r.every((x, i) => !beats(x, b[i]) && !beats(b[i], x));
      const diff = r.length === b.length ? r.map((x, i) => x - b[i]) : new Float64Array(0);
      const ir = same || r.length !== b.length ? NaN : informationRatio(r, b, e.result.doc.data.periodsPerYear);
      return { e, diff, ir };
    }).filter((x) => Number.isFinite(x.ir));
    if (excess.length < 2) {
      notes.push('Deflated Sharpe ratio: fewer than 2 strategies differ from their benchmark; not computed.');
    } else {
      let best = excess[0];
      for (const x of excess) if (x.ir > best.ir) best = x;
      const moments = sampleMoments(best.diff);
      deflatedSharpe.push(deflated(
        `${excess.length} strategies of ${backtests.map((r) => r.name).join(', ')}`, 'excess over benchmark',
        excess.map((x) => x.e.label), excess.map((x) => x.ir),
        best.e.result.doc.data.periodsPerYear, best.diff.length, { skewness: moments.skewness, kurtosis: moments.kurtosis },
      ));
    }
    notes.push('Paired bootstrap: needs exactly two strategies; with more, the deflated Sharpe ratio is given instead.');
  }
  for (const r of results) {
    if (r.kind !== 'sweep') continue;
    if (r.trials.length < 2) { notes.push(`${r.name}: fewer than 2 trials with a Sharpe ratio; no deflated Sharpe ratio`); continue; }
    const observations = r.rows === null ? NaN : r.rows - 1;
    if (r.rows === null) notes.push(`${r.name}: the sample length is not in the CSV's comment lines; the deflated Sharpe ratio is n/a`);
    deflatedSharpe.push(deflated(r.name, 'over cash', r.trials.map((t) => `${r.name}:${t.params}`), r.trials.map((t) => t.sharpe), r.periodsPerYear, observations, null));
  }
  if (deflatedSharpe.length > 0) {
    notes.push("Deflated Sharpe ratio (Bailey and Lopez de Prado, 2014): for backtests, each trial's Sharpe ratio is that of its daily returns minus its file's benchmark's (an information ratio, from the full-history equity curves); for a sweep CSV, the Sharpe ratios over cash as written; every trial counted as independent (N is an upper bound for correlated parameter sets, so the test is conservative).");
  }
  if (sims.length > 1) {
    const analogs = new Set(sims.map((s) => s.doc.analogs.cycleIds.join(',')));
    if (analogs.size > 1) notes.push('The scenarios draw from different analog cycles (that is what distinguishes them); not counted as a difference.');
  }
  return {
    schema: COMPARE_SCHEMA, ratecutVersion: VERSION, seed: options.seed, resamples: options.resamples,
    files: results.map((r, i) => ({
      letter: letterOf(i), file: r.file, kind: r.kind, schema: r.schema,
      synthetic: r.kind === 'sweep' ? /SYNTHETIC/.test(r.description) : r.doc.data.synthetic, description: describe(r),
    })),
    comparable: differences.length === 0,
    differences,
    notes,
    metrics,
    cycles: entries.length > 0 ? cycleTable(entries) : null,
    paired: pairedResult,
    deflatedSharpe,
    simulations: sims.length > 0 ? simulationTable(sims) : null,
  };
}
