import type { StrategyResultJson } from '@ratecut/contracts';
import { legNames } from './leg-names';
import { LEG_COLOURS, STRATEGY_COLOURS } from './palette';
import type { BacktestReportDoc } from './report-input';

/** What a line of the backtest charts stands for: a buy-and-hold leg or a strategy. */
export type LineRole = 'small' | 'large' | 'strategy';

/** One series of the backtest charts: a column of `equity.series`, its legend name and its run. */
export interface EquityLine {
  /** The column of `doc.equity.series` (the run's label). */
  readonly key: string;
  /** Legend name in words: the leg's name for a buy-and-hold leg (e.g. "Russell 2000 (buy-hold-small)"), else the run's label. */
  readonly name: string;
  readonly role: LineRole;
  /** The strategy (or the benchmark) this line is the run of: its metrics, cycle windows and aggregates. */
  readonly result: StrategyResultJson;
  /** True for the benchmark's own run. */
  readonly benchmark: boolean;
}

/** The benchmark's label without the `benchmark:` prefix the result files give it, marked "(benchmark)". */
export function benchmarkName(doc: BacktestReportDoc): string {
  return `${doc.benchmark.label.replace(/^benchmark:/, '')} (benchmark)`;
}

/**
 * The benchmark in words: "<large leg> held" when it is `buy-hold-large` (e.g. "S&P 500 held"),
 * "<small leg> held" for `buy-hold-small`, else its label without the `benchmark:` prefix.
 */
export function benchmarkWords(doc: BacktestReportDoc): string {
  const legs = legNames(doc.data.pair);
  const b = doc.benchmark;
  return b.name === 'buy-hold-large' ? `${legs.large} held` : b.name === 'buy-hold-small' ? `${legs.small} held` : b.label.replace(/^benchmark:/, '');
}

/** A run's label as the report shows it: the benchmark's as {@link benchmarkName}, a strategy's as is. */
export function runName(doc: BacktestReportDoc, s: StrategyResultJson): string {
  return s === doc.benchmark ? benchmarkName(doc) : s.label;
}

/**
 * The runs a backtest report draws, each once, in this order: small caps held (the run of the
 * built-in `buy-hold-small`, benchmark or strategy), large caps held (`buy-hold-large`), the
 * benchmark when it is neither, then every other strategy. Left out: a strategy defined exactly
 * as the benchmark (`sameAsBenchmark`, or an equity column identical to the benchmark's: the
 * benchmark drawn twice), a second run of a leg, and a run without an equity column.
 */
export function equityLines(doc: BacktestReportDoc): EquityLine[] {
  const series = doc.equity.series;
  const bench = doc.benchmark;
  const benchValues = series[bench.label];
  const same = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
    a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
  const runs = [bench, ...doc.strategies.filter((s) => !s.sameAsBenchmark && !same(series[s.label], benchValues))].filter((s) => series[s.label] !== undefined);
  const small = runs.find((s) => s.name === 'buy-hold-small');
  const large = runs.find((s) => s.name === 'buy-hold-large');
  const lines: EquityLine[] = [];
  const legs = legNames(doc.data.pair);
  const legName = (leg: string, s: StrategyResultJson): string => `${leg} (${s === bench ? `${s.label.replace(/^benchmark:/, '')}, benchmark` : s.label})`;
  if (small) lines.push({ key: small.label, name: legName(legs.small, small), role: 'small', result: small, benchmark: small === bench });
  if (large) lines.push({ key: large.label, name: legName(legs.large, large), role: 'large', result: large, benchmark: large === bench });
  for (const s of runs) {
    if (s === small || s === large || s.name === 'buy-hold-small' || s.name === 'buy-hold-large') continue;
    lines.push({ key: s.label, name: runName(doc, s), role: 'strategy', result: s, benchmark: s === bench });
  }
  return lines;
}

/**
 * The strategies compared with the benchmark (columns of the excess heatmap and table): every
 * strategy except the benchmark's duplicates (`sameAsBenchmark`), in the result's order.
 */
export function comparedStrategies(doc: BacktestReportDoc): StrategyResultJson[] {
  return doc.strategies.filter((s) => !s.sameAsBenchmark);
}

/**
 * The colour of each line, for a Vega-Lite `scale: { domain, range }`: the small and large caps
 * colours for the legs (`LEG_COLOURS`), the strategy colours in order for the other runs.
 */
export function lineColours(lines: readonly EquityLine[]): { domain: string[]; range: string[] } {
  let next = 0;
  const range = lines.map((l) => {
    if (l.role === 'small') return LEG_COLOURS.small;
    if (l.role === 'large') return LEG_COLOURS.large;
    const c = STRATEGY_COLOURS[next % STRATEGY_COLOURS.length];
    next += 1;
    return c;
  });
  return { domain: lines.map((l) => l.name), range };
}
