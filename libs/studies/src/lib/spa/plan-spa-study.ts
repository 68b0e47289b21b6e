import {
  allocatePortfolioRecord, findBuiltinStrategy, optimalBlockLength, PortfolioKernel, PortfolioTally, sampleMoments, sharpeRatio,
  type Issue, type LoadResult, type SpaResult,
} from '@ratecut/sim-core';
import { SPA_SCHEMA, type DeflatedSharpeJson, type SpaResultJson } from '@ratecut/contracts';
import { deflatedSharpe } from '../compare/deflated-sharpe-trials';
import type { Study } from '../study/study';
import { splitRange, type ItemRange } from '../study/split-range';
import type { ResultFileOf } from '../result-files/result-file';
import { equityReturns } from '../compare/compare-entries';
import { kernelSweepOf } from '../sweep/kernel-sweep-of';
import { planSweepStudy, type SweepRequest } from '../sweep/plan-sweep-study';
import { runSpaBlock, SPA_BLOCK, type SpaBlock, type SpaContext } from './spa-block';
import { SPA_SWEEP_BLOCK, type SpaSweepContext } from './spa-sweep-block';

/** The bootstrap settings of an SPA study (`meanBlock` undefined: estimated from the series), and how to label the document. */
export interface SpaSettings {
  readonly seed: number;
  readonly resamples: number;
  readonly meanBlock: number | undefined;
  readonly commandLine: string;
  readonly ratecutVersion: string;
}

/** What an SPA study over a backtest result is asked. */
export interface SpaRequest extends SpaSettings {
  readonly result: ResultFileOf<'backtest'>;
}

/** What an SPA study over a sweep is asked: the sweep, as `ratecut backtest --sweep` takes it. */
export interface SpaSweepRequest extends SpaSettings {
  readonly sweep: SweepRequest;
}

/** The document's head: everything but the strategies and the tests' outcome. */
type SpaHead = Omit<SpaResultJson, 'strategies' | 'best' | 'realityCheck' | 'spa' | 'settings' | 'conventions' | 'deflatedSharpe'>;

/** The plan of an SPA study: the document's head and the strategies' labels. */
export interface SpaPlan {
  readonly head: SpaHead;
  readonly labels: readonly string[];
}

/** An SPA study over a backtest result: one block, the whole bootstrap. */
export type SpaStudy = Study<SpaPlan, SpaContext, SpaBlock, SpaResult, SpaResultJson>;

/** An SPA study over a sweep: blocks of combinations give their excess returns; the merge runs the tests. */
export type SpaSweepStudy = Study<SpaPlan, SpaSweepContext, ItemRange, Float64Array, SpaResultJson>;

/** The mean of the Politis–White (2004) stationary estimates of the series that vary, to 0.1, at least 1. */
function estimateMeanBlock(excess: readonly Float64Array[]): number {
  const estimates = excess.map((x) => optimalBlockLength(x).stationary).filter((v) => Number.isFinite(v) && v > 0);
  return estimates.length === 0 ? 1 : Math.max(1, Math.round((estimates.reduce((a, c) => a + c, 0) / estimates.length) * 10) / 10);
}

/** Runs the tests and writes the document: conventions, settings, strategies, best, p-values. */
function spaDocument(plan: SpaPlan, settings: SpaSettings, excess: readonly Float64Array[], result: SpaResult | null): SpaResultJson {
  const { head, labels } = plan;
  const meanBlock = settings.meanBlock ?? estimateMeanBlock(excess);
  const r = result ?? runSpaBlockOn(excess, settings, meanBlock);
  const ppy = head.periodsPerYear;
  return {
    ...head,
    conventions: {
      excess: `each strategy's daily simple return minus the benchmark's (${head.benchmark}) over the full history (costs included); annualised excess = mean × ${ppy}`,
      bootstrap: `stationary bootstrap (Politis and Romano, 1994), the same blocks for every strategy; mean block ${meanBlock} periods (${settings.meanBlock === undefined ? 'the mean of the Politis-White (2004) estimates of the series' : '--block'}); ${settings.resamples} resamples`,
      realityCheck: 'White (2000): V = max over strategies of sqrt(n) × mean excess, against the bootstrap of max sqrt(n) × (resampled mean − mean); null: no strategy beats the benchmark in expectation',
      spa: 'Hansen (2005): T = max(0, max of sqrt(n) × mean / ω), ω² the bootstrap variance of sqrt(n) × mean; null means re-centred at max(mean, 0) (lower), at the mean unless its statistic is below −sqrt(2 log log n) (consistent: the one to read), at the mean (upper)',
      pValues: '(1 + #{bootstrap statistics ≥ observed}) / (resamples + 1); a small p says the best strategy\'s edge is unlikely to be the luck of trying them all',
    },
    settings: { seed: settings.seed, resamples: settings.resamples, meanBlock, meanBlockSource: settings.meanBlock === undefined ? 'estimated' : '--block' },
    strategies: r.strategies.map((s, k) => ({
      label: labels[k], meanExcess: s.mean, annualExcess: s.mean * ppy,
      tStatistic: Number.isFinite(s.tStatistic) ? s.tStatistic : null, tested: Number.isFinite(s.tStatistic),
    })),
    best: r.best < 0 ? null : labels[r.best],
    realityCheck: r.realityCheck,
    spa: r.spa,
    deflatedSharpe: deflatedExcessSharpe(head.source, labels, excess, r, ppy),
  };
}

/**
 * The deflated Sharpe ratio (Bailey and López de Prado, 2014) of the tested strategy with the
 * best Sharpe ratio of its excess returns over the benchmark (mean / sd × sqrt(periods per
 * year): its information ratio), every tested strategy a trial, the higher moments from that
 * strategy's excess returns, as `ratecut compare` computes it; null with fewer than 2 trials.
 */
function deflatedExcessSharpe(source: string, labels: readonly string[], excess: readonly Float64Array[], r: SpaResult, ppy: number): DeflatedSharpeJson | null {
  const trials = r.strategies.map((_, k) => k).filter((k) => Number.isFinite(r.strategies[k].tStatistic));
  if (trials.length < 2) return null;
  const zero = new Float64Array(excess[trials[0]].length);
  const ratios = trials.map((k) => sharpeRatio(excess[k], zero, ppy));
  let best = 0;
  for (let i = 1; i < ratios.length; i += 1) if (ratios[i] > ratios[best]) best = i;
  const m = sampleMoments(excess[trials[best]]);
  return deflatedSharpe(source, 'excess over benchmark', trials.map((k) => labels[k]), ratios, ppy, zero.length, { skewness: m.skewness, kurtosis: m.kurtosis });
}

function runSpaBlockOn(excess: readonly Float64Array[], settings: SpaSettings, meanBlock: number): SpaResult {
  return runSpaBlock({ excess, seed: settings.seed, resamples: settings.resamples, meanBlock });
}

/**
 * Plans White's Reality Check and Hansen's SPA test over the strategies of a backtest result
 * against its benchmark, from the full-history equity curves: each strategy's daily return
 * minus the benchmark's. A file with no strategy besides the benchmark is an issue.
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
  const dates = doc.equity.dates;
  const plan: SpaPlan = {
    head: {
      ...(doc.notice === undefined ? {} : { notice: doc.notice }),
      schema: SPA_SCHEMA, ratecutVersion: request.ratecutVersion, commandLine: request.commandLine,
      source: file, benchmark, observations: b.length, firstDate: dates[0] ?? '', lastDate: dates[dates.length - 1] ?? '',
      periodsPerYear: doc.data.periodsPerYear,
    },
    labels,
  };
  const meanBlock = request.meanBlock ?? estimateMeanBlock(excess);
  return {
    ok: true,
    warnings: [],
    value: {
      kind: 'spa', plan, unit: 'tests', blocks: [{}], execute: SPA_BLOCK,
      context: { excess, seed: request.seed, resamples: request.resamples, meanBlock },
      merge: ([r]) => spaDocument(plan, { ...request, meanBlock }, excess, r),
    },
  };
}

/** Combinations per block of an SPA sweep (each holds its daily excess returns: 100 × ~10,000 rows, 8 MB). */
export const SPA_SWEEP_BLOCK_COMBINATIONS = 100;

/**
 * Plans the Reality Check and the SPA test over every combination of a sweep (as `ratecut
 * backtest --sweep` plans it: the same configuration, data, grid and checks) against the
 * configuration's benchmark: the blocks run each combination through the portfolio kernel over
 * the full history and give its daily returns minus the benchmark's; the merge runs the tests.
 * Combinations the built-in refuses are left out.
 */
export function planSpaSweepStudy(request: SpaSweepRequest): LoadResult<SpaSweepStudy> {
  const planned = planSweepStudy(request.sweep);
  if (!planned.ok) return planned;
  const header = planned.value.plan;
  const { sweep, names, labels } = kernelSweepOf(planned.value);
  const bench = findBuiltinStrategy(header.benchmark);
  if (bench === undefined) return { ok: false, issues: [{ code: 'bad-option', severity: 'error', file: 'command line', message: `the benchmark ${header.benchmark} is not a built-in strategy: the SPA test of a sweep needs one` }] };
  const rows = sweep.config.endRow - sweep.config.startRow + 1;
  const record = allocatePortfolioRecord(rows, sweep.data.closes.length);
  new PortfolioKernel(sweep.data.closes.length).run(sweep.data, bench.targets(bench.defaults, sweep.data), bench.schedule, sweep.config, new PortfolioTally(), record);
  const total = labels.length;
  const plan: SpaPlan = {
    head: {
      ...(request.sweep.notice === null ? {} : { notice: request.sweep.notice }),
      schema: SPA_SCHEMA, ratecutVersion: request.ratecutVersion, commandLine: request.commandLine,
      source: `sweep of ${header.strategy} over ${names.join(' × ')} (${total} combinations, ${header.pair})`, benchmark: header.benchmark,
      observations: rows - 1, firstDate: header.first, lastDate: header.last, periodsPerYear: header.periodsPerYear,
    },
    labels,
  };
  const blocks = splitRange(total, SPA_SWEEP_BLOCK_COMBINATIONS);
  return {
    ok: true,
    warnings: planned.value.warnings ?? [],
    value: {
      kind: 'spa', plan, unit: 'combinations', blocks, blockWeight: (b) => b.count, execute: SPA_SWEEP_BLOCK,
      warnings: planned.value.warnings ?? [],
      context: { sweep, benchmarkReturns: Float64Array.from(record.returns) },
      merge: (outputs) => {
        const periods = rows - 1;
        const excess: Float64Array[] = [], kept: string[] = [];
        outputs.forEach((out, b) => {
          for (let j = 0; j < blocks[b].count; j += 1) {
            const series = out.subarray(j * periods, (j + 1) * periods);
            if (Number.isNaN(series[0])) continue; // a combination the built-in refuses
            excess.push(series);
            kept.push(labels[blocks[b].first + j]);
          }
        });
        return spaDocument({ head: plan.head, labels: kept }, request, excess, null);
      },
    },
  };
}
