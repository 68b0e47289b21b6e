import { optimalBlockLength, type Issue, type LoadResult, type SpaResult } from '@ratecut/sim-core';
import { SPA_SCHEMA, type SpaResultJson } from '@ratecut/contracts';
import type { Study } from '../study/study';
import type { ResultFileOf } from '../result-files/result-file';
import { equityReturns } from '../compare/compare-entries';
import { SPA_BLOCK, type SpaBlock, type SpaContext } from './spa-block';

/** What an SPA study is asked: the backtest result, the bootstrap settings (`meanBlock` undefined: estimated), and how to label the document. */
export interface SpaRequest {
  readonly result: ResultFileOf<'backtest'>;
  readonly seed: number;
  readonly resamples: number;
  readonly meanBlock: number | undefined;
  readonly commandLine: string;
  readonly ratecutVersion: string;
}

/** The plan of an SPA study: the document without the tests' outcome. */
export type SpaPlan = Omit<SpaResultJson, 'strategies' | 'best' | 'realityCheck' | 'spa'> & { readonly labels: readonly string[] };

/** An SPA study: one block, the whole bootstrap. */
export type SpaStudy = Study<SpaPlan, SpaContext, SpaBlock, SpaResult, SpaResultJson>;

/**
 * Plans White's Reality Check and Hansen's SPA test over the strategies of a backtest result
 * against its benchmark, from the full-history equity curves: each strategy's daily return
 * minus the benchmark's. The mean block length is given, or the mean of the Politis–White (2004)
 * stationary estimates of the series that vary (at least 1). A file with no strategy besides the
 * benchmark is an issue.
 */
export function planSpaStudy(request: SpaRequest): LoadResult<SpaStudy> {
  const { doc, file } = request.result;
  const benchmark = doc.benchmark.label;
  const labels = doc.strategies.map((s) => s.label).filter((l) => l !== benchmark);
  const issue = (message: string): Issue => ({ code: 'bad-option', severity: 'error', file, message });
  if (labels.length === 0) return { ok: false, issues: [issue('holds no strategy besides its benchmark: nothing to test')] };
  const b = equityReturns(doc, benchmark);
  const excess = labels.map((l) => {
    const r = equityReturns(doc, l);
    return r.length === b.length ? r.map((x, i) => x - b[i]) : new Float64Array(0);
  });
  const short = labels.filter((_, k) => excess[k].length !== b.length || b.length < 2);
  if (short.length > 0) return { ok: false, issues: [issue(`equity curves of ${short.join(', ')} do not match the benchmark's (${b.length + 1} closes); expected one value per date`)] };
  const estimates = excess.map((x) => optimalBlockLength(x).stationary).filter((v) => Number.isFinite(v) && v > 0);
  const estimated = estimates.length === 0 ? 1 : Math.max(1, Math.round((estimates.reduce((a, c) => a + c, 0) / estimates.length) * 10) / 10);
  const meanBlock = request.meanBlock ?? estimated;
  const ppy = doc.data.periodsPerYear;
  const dates = doc.equity.dates;
  const plan: SpaPlan = {
    ...(doc.notice === undefined ? {} : { notice: doc.notice }),
    schema: SPA_SCHEMA,
    ratecutVersion: request.ratecutVersion,
    commandLine: request.commandLine,
    file,
    benchmark,
    observations: b.length,
    firstDate: dates[0] ?? '',
    lastDate: dates[dates.length - 1] ?? '',
    periodsPerYear: ppy,
    conventions: {
      excess: `each strategy's daily simple return minus the benchmark's (${benchmark}) over the file's full history (its equity curves, costs included); annualised excess = mean × ${ppy}`,
      bootstrap: `stationary bootstrap (Politis and Romano, 1994), the same blocks for every strategy; mean block ${meanBlock} periods (${request.meanBlock === undefined ? 'the mean of the Politis-White (2004) estimates of the series' : '--block'}); ${request.resamples} resamples`,
      realityCheck: 'White (2000): V = max over strategies of sqrt(n) × mean excess, against the bootstrap of max sqrt(n) × (resampled mean − mean); null: no strategy beats the benchmark in expectation',
      spa: 'Hansen (2005): T = max(0, max of sqrt(n) × mean / ω), ω² the bootstrap variance of sqrt(n) × mean; null means re-centred at max(mean, 0) (lower), at the mean unless its statistic is below −sqrt(2 log log n) (consistent: the one to read), at the mean (upper)',
      pValues: '(1 + #{bootstrap statistics ≥ observed}) / (resamples + 1); a small p says the best strategy\'s edge is unlikely to be the luck of trying them all',
    },
    settings: { seed: request.seed, resamples: request.resamples, meanBlock, meanBlockSource: request.meanBlock === undefined ? 'estimated' : '--block' },
    labels,
  };
  const study: SpaStudy = {
    kind: 'spa',
    plan,
    context: { excess, seed: request.seed, resamples: request.resamples, meanBlock },
    blocks: [{}],
    execute: SPA_BLOCK,
    unit: 'tests',
    merge: ([r]) => {
      const { labels: names, ...head } = plan;
      return {
        ...head,
        strategies: r.strategies.map((s, k) => ({
          label: names[k], meanExcess: s.mean, annualExcess: s.mean * ppy,
          tStatistic: Number.isFinite(s.tStatistic) ? s.tStatistic : null, tested: Number.isFinite(s.tStatistic),
        })),
        best: r.best < 0 ? null : names[r.best],
        realityCheck: r.realityCheck,
        spa: r.spa,
      };
    },
  };
  return { ok: true, value: study, warnings: [] };
}
