import { join, relative } from 'node:path';
import {
  ANCHOR_CONVENTION, BUILTIN_STRATEGIES, describeEasingCycleRule, findBuiltinStrategy, formatDay, replayCycles,
  type ClassifiedCycle, type Metrics, type RebalanceSchedule, type Strategy, type StrategyReplay,
} from '@ratecut/sim-core';
import { loadEasingCycles, loadMarketData, POLICY_RATE_CONVENTION, type Catalog, type DataIssue } from '@ratecut/data-loader';
import { sha256File } from '../../cli/file-hashes';
import { VERSION } from '../../cli/version';
import { PAIRS } from '../cycles/pair-definitions';
import type { ResolvedBacktestConfig, StrategyConfig } from './backtest-config';
import { BACKTEST_SCHEMA, type BacktestResultJson, type MetricsJson, type StrategyResultJson } from './backtest-result';
import { ParameterError } from '@ratecut/sim-core';

/** A path relative to the catalog folder, or `ratecut:data/...` for the facts shipped with ratecut. */
function displayPath(file: string, catalogDir: string, factsDir: string): string {
  const inFacts = relative(factsDir, file);
  if (!inFacts.startsWith('..')) return `ratecut:data/${inFacts}`;
  return relative(catalogDir, file);
}

const n = (x: number): number | null => (Number.isFinite(x) ? x : null);
const day = (d: number): string => formatDay(d);

/** A metrics record as JSON: NaN → null, the drawdown as depth and dates. */
export function metricsJson(m: Metrics, days: Int32Array): MetricsJson {
  const dd = m.maxDrawdown;
  // Drawdown indices count periods; the wealth path has one more point, so index i is days[i].
  const at = (i: number): string | null => (i >= 0 && i < days.length ? day(days[i]) : null);
  return {
    periods: m.periods, periodsPerYear: m.periodsPerYear,
    totalReturn: n(m.totalReturn), cagr: n(m.cagr), annualizedVolatility: n(m.annualizedVolatility),
    sharpeRatio: n(m.sharpeRatio), sortinoRatio: n(m.sortinoRatio),
    maxDrawdown: { depth: n(dd.depth), peak: at(dd.peakIndex), trough: at(dd.troughIndex), recovery: at(dd.recoveryIndex) },
    calmarRatio: n(m.calmarRatio), turnover: n(m.turnover), tradeCount: n(m.tradeCount),
    excessReturn: n(m.excessReturn), hitRate: n(m.hitRate), trackingError: n(m.trackingError),
    informationRatio: n(m.informationRatio), beta: n(m.beta), alpha: n(m.alpha),
  };
}

/** Builds a strategy from its configuration; throws ParameterError with a readable message. */
export function buildStrategy(cfg: StrategyConfig, periodsPerYear: number): { strategy: Strategy; schedule: RebalanceSchedule } {
  const def = findBuiltinStrategy(cfg.name);
  if (!def) throw new ParameterError(`unknown strategy '${cfg.name}'; built-ins: ${BUILTIN_STRATEGIES.map((s) => s.name).join(', ')}`);
  const unknown = Object.keys(cfg.params).filter((k) => !(k in def.defaults));
  if (unknown.length > 0) {
    const known = Object.keys(def.defaults);
    throw new ParameterError(`strategy ${cfg.name}: unknown parameter ${unknown.join(', ')}; expected ${known.length ? known.join(', ') : 'no parameters'}`);
  }
  const schedule = (cfg.schedule as RebalanceSchedule | undefined) ?? def.schedule;
  return { strategy: def.build({ ...def.defaults, ...cfg.params }, schedule, periodsPerYear), schedule };
}

function strategyJson(label: string, schedule: RebalanceSchedule, replay: StrategyReplay): StrategyResultJson {
  const { run, metrics } = replay.full;
  return {
    label,
    name: replay.strategy.name,
    description: replay.strategy.description,
    params: { ...replay.strategy.params },
    schedule,
    warmupRows: replay.strategy.warmup,
    full: {
      first: day(run.days[0]),
      last: day(run.days[run.days.length - 1]),
      metrics: metricsJson(metrics, run.days),
      trades: run.trades.map((t) => [day(t.day), day(t.decidedDay), t.asset, t.value, t.weightBefore, t.weightAfter, t.cost] as const),
      rejected: run.rejected.map((r) => ({ date: day(r.day), reason: r.reason })),
    },
    cycles: replay.cycles.map((c) => ({
      cycleId: c.cycleId, recession: c.recession, start: day(c.startDay), end: day(c.endDay), anchor: day(c.anchorDay), complete: c.complete,
      totalReturn: n(c.metrics.totalReturn), benchmarkTotalReturn: n(c.benchmarkTotalReturn), excessTotalReturn: n(c.excessTotalReturn),
      metrics: metricsJson(c.metrics, c.run.days),
    })),
    aggregates: replay.aggregates.map((a) => ({
      group: a.group, cycles: a.cycles, meanExcess: n(a.meanExcess), medianExcess: n(a.medianExcess), hitRate: n(a.hitRate),
      worstCycle: a.worstCycle, worstExcess: n(a.worstExcess),
    })),
  };
}

export interface BacktestInputs {
  readonly catalog: Catalog;
  readonly origin: string;
  readonly notice: string | null;
  readonly dataDir: string;
  readonly commandLine: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Loads the data, runs the replay and returns the result document, or the data issues that stopped it. */
export function buildBacktestResult(
  config: ResolvedBacktestConfig,
  inputs: BacktestInputs,
): { ok: true; result: BacktestResultJson; warnings: DataIssue[] } | { ok: false; issues: readonly DataIssue[] } {
  const pairDef = PAIRS.find((p) => p.id === config.pair);
  if (!pairDef) throw new ParameterError(`unknown pair ${config.pair}`);
  const nberFile = join(inputs.dataDir, 'nber-business-cycles.json');
  const easing = loadEasingCycles(inputs.catalog, nberFile, config.cycleRule, config.recessionWindowMonths);
  if (!easing.ok) return easing;
  const market = loadMarketData(inputs.catalog, { small: pairDef.small, large: pairDef.large }, config.cash, easing.value.history);
  if (!market.ok) return market;
  const { data } = market.value;

  let cycles: readonly ClassifiedCycle[] = easing.value.cycles;
  if (config.cycles !== 'all') {
    const wanted = config.cycles;
    const missing = wanted.filter((id) => !cycles.some((c) => c.cycle.id === id));
    if (missing.length > 0) throw new ParameterError(`unknown cycle id ${missing.join(', ')}; detected cycles: ${cycles.map((c) => c.cycle.id).join(', ')}`);
    cycles = cycles.filter((c) => wanted.includes(c.cycle.id));
  }

  const built = config.strategies.map((s) => ({ cfg: s, ...buildStrategy(s, data.periodsPerYear) }));
  const bench = buildStrategy(config.benchmark, data.periodsPerYear);
  const labels = built.map((b) => b.cfg.label ?? b.cfg.name);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup !== undefined) throw new ParameterError(`two strategies are labelled '${dup}'; give each a distinct "label"`);

  const settings = {
    executionLag: config.executionLag,
    costs: { costBps: config.costBps, slippageBps: config.slippageBps },
    limits: { allowLeverage: config.allowLeverage, allowShort: false },
    initialCapital: config.initialCapital,
  };
  const replay = replayCycles(data, built.map((b) => b.strategy), bench.strategy, cycles, config.window, settings, inputs.onProgress);

  // Fingerprint every file the result depends on: the catalog, each series file read, the facts.
  const entryIds = [...market.value.seriesIds, 'fed-target', 'dff'].map((id) => id.split(':')[0]);
  const seriesFiles = inputs.catalog.series.filter((s) => entryIds.includes(s.id)).map((s) => join(inputs.catalog.dir, s.file));
  const files = [inputs.catalog.path, ...seriesFiles, nberFile];
  const benchLabel = `benchmark:${config.benchmark.label ?? config.benchmark.name}`;
  const full = (r: StrategyReplay) => Array.from(r.full.run.equity);

  const result: BacktestResultJson = {
    ...(inputs.notice === null ? {} : { notice: inputs.notice }),
    schema: BACKTEST_SCHEMA,
    ratecutVersion: VERSION,
    commandLine: inputs.commandLine,
    config,
    data: {
      catalog: inputs.catalog.path,
      origin: inputs.origin,
      synthetic: inputs.notice !== null,
      inputs: files.map((file) => ({ file: displayPath(file, inputs.catalog.dir, inputs.dataDir), sha256: sha256File(file) })),
      pair: { id: pairDef.id, small: pairDef.small, large: pairDef.large, returnBasis: pairDef.returnBasis },
      first: day(data.days[0]),
      last: day(data.days[data.days.length - 1]),
      rows: data.days.length,
      periodsPerYear: data.periodsPerYear,
    },
    conventions: {
      execution: `decide at the close of row t, trade at the close of row t + ${config.executionLag}; a strategy sees data up to its decision close only`,
      costs: `${config.costBps} bp commission + ${config.slippageBps} bp slippage per unit of traded value, paid from the portfolio`,
      cash: `idle cash earns ${config.cash === 'fedfunds' ? 'the effective fed funds rate (DFF)' : 'the 3-month T-bill rate (DTB3)'} known at the previous close, ACT/360 simple interest over calendar days; the Sharpe and Sortino ratios use the same cash return`,
      returns: `simple returns as decimals; ${pairDef.returnBasis}; annualised with ${data.periodsPerYear} periods per year`,
      window: `${config.window.beforeMonths} calendar months before to ${config.window.afterMonths} after the ${config.window.anchor === 'first-cut' ? 'first' : 'last'} cut's effective date; each window run starts in cash and may read history before the window for its warm-up`,
      anchor: ANCHOR_CONVENTION,
      policyRate: POLICY_RATE_CONVENTION,
      cycleRule: describeEasingCycleRule(config.cycleRule),
      recessionRule: `NBER recession at the first cut, or an NBER peak within ${config.recessionWindowMonths} months after it (${easing.value.recessionSource})`,
      excess: 'per cycle: strategy total return minus the benchmark total return over the same window; hit rate = share of cycles with positive excess',
    },
    cycles: cycles.map(({ cycle, recession }) => ({
      id: cycle.id, firstCut: day(cycle.firstCut), lastCut: day(cycle.lastCut), cuts: cycle.cuts, totalEasingBp: cycle.totalEasingBp,
      resumption: cycle.resumption, recession: recession.recession, covered: replay.benchmark.cycles.some((c) => c.cycleId === cycle.id),
    })),
    benchmark: strategyJson(benchLabel, bench.schedule, replay.benchmark),
    strategies: replay.strategies.map((r, i) => strategyJson(labels[i], built[i].schedule, r)),
    equity: {
      dates: Array.from(replay.benchmark.full.run.days, day),
      series: Object.fromEntries([[benchLabel, full(replay.benchmark)], ...replay.strategies.map((r, i) => [labels[i], full(r)] as const)]),
    },
  };
  return { ok: true, result, warnings: [...easing.warnings, ...market.warnings] };
}
