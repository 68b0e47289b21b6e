import type { StrategyResultJson } from '@ratecut/contracts';
import { benchmarkWords, comparedStrategies } from './backtest-lines';
import { legNames } from './leg-names';
import type { BacktestReportDoc } from './report-input';
import { esc, signedPp } from './section-parts';

/** How one strategy did against the benchmark over the counted cycles and the full history. */
export interface CycleScore {
  readonly label: string;
  /** Counted cycles in which it beat the benchmark (the result's hit rate × the cycles compared). */
  readonly wins: number;
  /** Counted cycles compared with the benchmark. */
  readonly compared: number;
  /** Mean excess total return per counted cycle window (decimal), null when undefined. */
  readonly meanExcess: number | null;
  /** Full-history CAGR (decimal), null when undefined. */
  readonly cagr: number | null;
}

/** The numbers of a backtest's headline. */
export interface BacktestHeadline {
  readonly question: string;
  /** Cycles in the aggregates (the `all` group). */
  readonly countedCycles: number;
  /** The strategy with the highest mean excess, and buy-and-hold small caps when it is another strategy of the run. */
  readonly best: CycleScore | null;
  readonly small: CycleScore | null;
  readonly benchmarkCagr: number | null;
  readonly answerHtml: string;
}

const finite = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

/** A decimal as a percentage with one decimal and a minus sign when negative ("n/a" when null). */
const pct = (x: number | null): string => (x === null ? 'n/a' : `${x < 0 ? '−' : ''}${(Math.abs(x) * 100).toFixed(1)} %`);

/** A run in words: "<leg> held" for the buy-and-hold built-ins, else its label. */
function runWords(doc: BacktestReportDoc, label: string): string {
  const s = doc.strategies.find((x) => x.label === label);
  const legs = legNames(doc.data.pair);
  return s?.name === 'buy-hold-small' ? `${legs.small} held` : s?.name === 'buy-hold-large' ? `${legs.large} held` : label;
}

/** The score of one strategy: wins and cycles compared among the counted cycles, mean excess, CAGR. */
export function cycleScore(doc: BacktestReportDoc, s: StrategyResultJson): CycleScore {
  const counted = new Set(doc.cycles.filter((c) => c.counted).map((c) => c.id));
  const all = s.aggregates.find((a) => a.group === 'all');
  const compared = s.cycles.filter((c) => (doc.cycles.length === 0 || counted.has(c.cycleId)) && finite(c.excessTotalReturn) !== null).length;
  const hit = finite(all?.hitRate);
  return {
    label: s.label,
    wins: hit === null ? 0 : Math.round(hit * compared),
    compared,
    meanExcess: finite(all?.meanExcess),
    cagr: finite(s.full.metrics.cagr),
  };
}

/**
 * The backtest's question and its answer in one or two sentences: over the counted cycle
 * windows, in how many the best strategy (highest mean excess) beat the benchmark and by how
 * much on average, the same for small caps held when the run has them, and the full-history CAGR
 * of the best strategy against the benchmark's. The numbers are the result's own aggregates.
 */
export function backtestHeadline(doc: BacktestReportDoc): BacktestHeadline {
  const anchor = doc.config.window.anchor === 'last-cut' ? 'last' : 'first';
  const compared = comparedStrategies(doc);
  const question = compared.length === 1
    ? `Did ${compared[0].label} beat the benchmark after ${anchor} cuts?`
    : `Did the strategies beat the benchmark after ${anchor} cuts?`;
  const scores = compared.map((s) => cycleScore(doc, s));
  let best: CycleScore | null = null;
  for (const s of scores) if (s.meanExcess !== null && (best === null || best.meanExcess === null || s.meanExcess > best.meanExcess)) best = s;
  const smallRun = compared.find((s) => s.name === 'buy-hold-small');
  const small = smallRun === undefined || smallRun.label === best?.label ? null : scores[compared.indexOf(smallRun)];
  const benchmarkCagr = finite(doc.benchmark.full.metrics.cagr);
  const countedCycles = doc.benchmark.aggregates.find((a) => a.group === 'all')?.cycles ?? 0;
  const legs = legNames(doc.data.pair);
  const bench = esc(benchmarkWords(doc));
  const w = doc.config.window;
  const windowWords = `${w.beforeMonths} months before to ${w.afterMonths} after each ${anchor} cut`;
  const history = `Over the full history (${esc(doc.data.first)} to ${esc(doc.data.last)})`;
  const sentences: string[] = [];
  const counting = doc.config.count === 'episodes' ? 'one per episode; ' : '';
  if (best === null || countedCycles === 0 || best.compared === 0) {
    sentences.push(countedCycles === 0 ? 'No easing cycle is covered by this run.' : `No strategy was compared with the benchmark, ${bench}.`);
    if (best !== null) sentences.push(`${history} ${esc(runWords(doc, best.label))} grew <b>${pct(best.cagr)}</b> a year against the benchmark's ${pct(benchmarkCagr)}.`);
    else sentences.push(`${history} the benchmark, ${bench}, grew <b>${pct(benchmarkCagr)}</b> a year.`);
  } else {
    const smallText = small === null ? '' : `; ${esc(legs.small)} held beat it in ${small.wins} of ${small.compared} (mean ${signedPp(small.meanExcess)})`;
    const bestWords = esc(runWords(doc, best.label));
    const lead = compared.length === 1 ? bestWords : `${bestWords} did best: it`;
    sentences.push(`Over the ${countedCycles} counted easing cycles (${counting}windows ${windowWords}), ${lead} beat the benchmark, ${bench}, in <b>${best.wins} of ${best.compared}</b>, by <b>${signedPp(best.meanExcess)}</b> per window on average${smallText}.`);
    sentences.push(`${history} ${bestWords} grew <b>${pct(best.cagr)}</b> a year against the benchmark's ${pct(benchmarkCagr)}.`);
  }
  return { question, countedCycles, best, small, benchmarkCagr, answerHtml: sentences.join(' ') };
}
