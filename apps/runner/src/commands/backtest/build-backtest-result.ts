import { join, relative } from 'node:path';
import { BACKTEST_SCHEMA, type BacktestResultJson, type MetricsJson, type StrategyResultJson } from '@ratecut/contracts';
import { aggregateCycles, ANCHOR_CONVENTION, BUILTIN_STRATEGIES, countedCycleIds, cycleEpisodes, cycleWindowRows, describeCycleCounting, describeEasingCycleRule, describeGap, findBuiltinStrategy, formatDay, gapCrossed, replayCycles, type ClassifiedCycle, type Metrics, type RebalanceSchedule, type Strategy, type StrategyReplay, formatIssue, type Issue, errorIssue, makeIssue } from '@ratecut/sim-core';
import { loadEasingCycles, loadMarketData, POLICY_RATE_CONVENTION, type Catalog, PAIRS } from '@ratecut/data-loader';
import { sha256File } from '../../cli/file-hashes';
import { VERSION } from '../../cli/version';
import type { ResolvedBacktestConfig, StrategyConfig } from './backtest-config';
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
    calmarRatio: n(m.calmarRatio), turnover: n(m.turnover), rebalanceCount: n(m.rebalanceCount), tradeCount: n(m.tradeCount),
    excessReturn: n(m.excessReturn), hitRate: n(m.hitRate), trackingError: n(m.trackingError),
    informationRatio: n(m.informationRatio), beta: n(m.beta), alpha: n(m.alpha),
  };
}

/** Builds a strategy from its configuration; throws ParameterError with a readable message. */
export function buildStrategy(cfg: StrategyConfig, periodsPerYear: number): { strategy: Strategy; schedule: RebalanceSchedule } {
  const def = findBuiltinStrategy(cfg.name);
  if (!def) throw new ParameterError(`unknown strategy '${cfg.name}'; built-ins: ${BUILTIN_STRATEGIES.map((s) => s.name).join(', ')}`);
  // Own properties only: `__proto__`, `constructor`, `toString` are not parameters.
  const unknown = Object.keys(cfg.params).filter((k) => !Object.hasOwn(def.defaults, k));
  if (unknown.length > 0) {
    const known = Object.keys(def.defaults);
    throw new ParameterError(`strategy ${cfg.name}: unknown parameter ${unknown.join(', ')}; expected ${known.length ? known.join(', ') : 'no parameters'}`);
  }
  const schedule = (cfg.schedule as RebalanceSchedule | undefined) ?? def.schedule;
  return { strategy: def.build({ ...def.defaults, ...cfg.params }, schedule, periodsPerYear), schedule };
}

/** The benchmark-relative metrics, null for the benchmark and for a strategy defined exactly as the benchmark. */
const RELATIVE_NULLS = { excessReturn: null, hitRate: null, trackingError: null, informationRatio: null, beta: null, alpha: null } as const;

function relativeNull(m: MetricsJson): MetricsJson {
  return { ...m, ...RELATIVE_NULLS };
}

function strategyJson(label: string, schedule: RebalanceSchedule, replay: StrategyReplay, sameAsBenchmark: boolean): StrategyResultJson {
  const { run, metrics } = replay.full;
  // A strategy compared with itself has no excess: null (n/a), not 0 and not a hit rate of 0.
  const rel = (m: MetricsJson): MetricsJson => (sameAsBenchmark ? relativeNull(m) : m);
  return {
    label,
    sameAsBenchmark,
    name: replay.strategy.name,
    description: replay.strategy.description,
    params: { ...replay.strategy.params },
    schedule,
    warmupRows: replay.strategy.warmup,
    full: {
      first: day(run.days[0]),
      last: day(run.days[run.days.length - 1]),
      metrics: rel(metricsJson(metrics, run.days)),
      trades: run.trades.map((t) => [day(t.day), day(t.decidedDay), t.asset, t.value, t.weightBefore, t.weightAfter, t.cost] as const),
      rejected: run.rejected.map((r) => ({ date: day(r.day), reason: r.reason })),
    },
    cycles: replay.cycles.map((c) => ({
      cycleId: c.cycleId, recession: c.recession, start: day(c.startDay), end: day(c.endDay), anchor: day(c.anchorDay), complete: c.complete,
      totalReturn: n(c.metrics.totalReturn), benchmarkTotalReturn: n(c.benchmarkTotalReturn), excessTotalReturn: sameAsBenchmark ? null : n(c.excessTotalReturn),
      warmupShortRows: c.warmupShortRows,
      metrics: rel(metricsJson(c.metrics, c.run.days)),
    })),
    aggregates: replay.aggregates.map((a) => (sameAsBenchmark
      ? { group: a.group, cycles: a.cycles, meanExcess: null, medianExcess: null, hitRate: null, worstCycle: null, worstExcess: null }
      : {
        group: a.group, cycles: a.cycles, meanExcess: n(a.meanExcess), medianExcess: n(a.medianExcess), hitRate: n(a.hitRate),
        worstCycle: a.worstCycle, worstExcess: n(a.worstExcess),
      })),
  };
}

/**
 * Warnings about cycle windows a strategy cannot fully play: its warm-up needs more history than
 * the data hold before the window (it holds cash until it can decide), or the execution lag is
 * as long as the window (no decision can be traded inside it).
 */
export function replayWarnings(replays: readonly StrategyReplay[], labels: readonly string[], executionLag: number, periodsPerYear: number): string[] {
  const out: string[] = [];
  replays.forEach((r, i) => {
    const short = r.cycles.filter((c) => c.warmupShortRows > 0);
    if (short.length === 0) return;
    const never = short.filter((c) => c.warmupShortRows >= c.run.days.length);
    const partly = short.filter((c) => c.warmupShortRows < c.run.days.length);
    const parts = [
      ...(never.length > 0 ? [`cannot decide at all in ${never.map((c) => c.cycleId).join(', ')} (in cash throughout)`] : []),
      ...(partly.length > 0 ? [`holds cash for the first ${partly.map((c) => `${c.warmupShortRows} rows of ${c.cycleId}`).join(', ')}`] : []),
    ];
    out.push(`${labels[i]}: its warm-up of ${r.strategy.warmup} rows (${periodsPerYear} rows a year) needs more history than the data hold before ${short.length} cycle window${short.length === 1 ? '' : 's'}: it ${parts.join(' and ')}; those cycles are marked (warmupShortRows) and compare a strategy that had not started`);
  });
  const windows = replays[0]?.cycles ?? [];
  const tooShort = windows.filter((c) => executionLag >= c.run.days.length - 1);
  if (tooShort.length > 0) {
    out.push(`executionLag ${executionLag} rows is as long as the cycle window${tooShort.length === 1 ? '' : 's'} ${tooShort.map((c) => `${c.cycleId} (${c.run.days.length} rows)`).join(', ')}: no decision can be traded inside ${tooShort.length === 1 ? 'it' : 'them'}; every strategy stays in cash there`);
  }
  return out;
}

/** True when two built strategies are the same definition: same built-in, parameters and schedule. */
function sameDefinition(a: { strategy: Strategy; schedule: RebalanceSchedule }, b: { strategy: Strategy; schedule: RebalanceSchedule }): boolean {
  const key = (s: { strategy: Strategy; schedule: RebalanceSchedule }): string =>
    JSON.stringify([s.strategy.name, Object.entries(s.strategy.params).sort(([x], [y]) => (x < y ? -1 : 1)), s.schedule]);
  return key(a) === key(b);
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
): { ok: true; result: BacktestResultJson; warnings: Issue[]; notes: string[] } | { ok: false; issues: readonly Issue[] } {
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

  // Coverage: the run's rows must hold a cycle's window, and no gap of the pair's data may lie inside it.
  const warnings: Issue[] = [...easing.warnings, ...market.warnings];
  const where = inputs.catalog.path;
  const span = `${day(data.days[0])} to ${day(data.days[data.days.length - 1])}`;
  const covered: ClassifiedCycle[] = [];
  const uncovered: string[] = [];
  for (const c of cycles) {
    const rows = cycleWindowRows(data.days, c.cycle, config.window);
    const gap = rows === null ? null : gapCrossed(market.value.gaps, data.days[rows.startRow], data.days[rows.endRow]);
    if (gap !== null) warnings.push(makeIssue('gap', 'warning', where, `cycle ${c.cycle.id}: its window crosses a gap in the pair's data, ${describeGap(gap)}; left out`));
    if (rows === null || gap !== null) uncovered.push(c.cycle.id);
    else covered.push(c);
  }
  if (config.cycles !== 'all' && uncovered.length > 0) {
    const what = `cycle${uncovered.length === 1 ? '' : 's'} ${uncovered.join(', ')}`;
    if (covered.length === 0) {
      return { ok: false, issues: [errorIssue('gap', where, `--cycles: ${what} not covered by the ${config.pair} run (${span}, window ${config.window.beforeMonths} months before to ${config.window.afterMonths} after): nothing to replay; covered cycles: ${
        easing.value.cycles.filter((c) => cycleWindowRows(data.days, c.cycle, config.window) !== null).map((c) => c.cycle.id).join(', ') || 'none'}`)] };
    }
    warnings.push(makeIssue('gap', 'warning', where, `--cycles: ${what} not covered by the ${config.pair} run (${span}); no result for ${uncovered.length === 1 ? 'it' : 'them'}`));
  }
  const windowAnchor = (c: ClassifiedCycle['cycle']) => (config.window.anchor === 'first-cut' ? c.firstCut : c.lastCut);
  const episodes = cycleEpisodes(covered.map((c) => c.cycle), config.window, windowAnchor);
  const counted = countedCycleIds(episodes, config.count);
  const episodeOf = new Map(episodes.map((e) => [e.cycleId, e]));
  const counting = (r: StrategyReplay): StrategyReplay => ({ ...r, aggregates: aggregateCycles(r.cycles, counted) });

  const built = config.strategies.map((s) => ({ cfg: s, ...buildStrategy(s, data.periodsPerYear) }));
  const bench = buildStrategy(config.benchmark, data.periodsPerYear);
  const labels = built.map((b) => b.cfg.label ?? b.cfg.name);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup !== undefined) throw new ParameterError(`two strategies are labelled '${dup}'; give each a distinct "label"`);
  const benchLabel = `benchmark:${config.benchmark.label ?? config.benchmark.name}`;
  if (labels.includes(benchLabel)) {
    throw new ParameterError(`strategy label '${benchLabel}' is the benchmark's label (its equity column would replace the benchmark's); choose another "label"`);
  }
  const lastRow = data.days.length - 1;
  if (config.executionLag >= lastRow) {
    throw new ParameterError(`executionLag ${config.executionLag} rows: the ${config.pair} data have ${data.days.length} rows, so no decision could ever be traded; use a lag below ${lastRow}`);
  }

  const settings = {
    executionLag: config.executionLag,
    costs: { costBps: config.costBps, slippageBps: config.slippageBps },
    limits: { allowLeverage: config.allowLeverage, allowShort: false },
    initialCapital: config.initialCapital,
  };
  const replay = replayCycles(data, built.map((b) => b.strategy), bench.strategy, covered, config.window, settings, inputs.onProgress);
  const replayNotes = replayWarnings([replay.benchmark, ...replay.strategies], [benchLabel, ...labels], config.executionLag, data.periodsPerYear);

  // Fingerprint every file the result depends on: the catalog, each series file read, the facts.
  const entryIds = [...market.value.seriesIds, 'fed-target', 'dff'].map((id) => id.split(':')[0]);
  const seriesFiles = inputs.catalog.series.filter((s) => entryIds.includes(s.id)).map((s) => join(inputs.catalog.dir, s.file));
  const files = [inputs.catalog.path, ...seriesFiles, nberFile];
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
      pair: { id: pairDef.id, small: pairDef.small, large: pairDef.large, returnBasis: market.value.pair.returnBasis },
      first: day(data.days[0]),
      last: day(data.days[data.days.length - 1]),
      rows: data.days.length,
      periodsPerYear: data.periodsPerYear,
    },
    conventions: {
      execution: `decide at the close of row t, trade at the close of row t + ${config.executionLag}; a strategy sees data up to its decision close only`,
      costs: `${config.costBps} bp commission + ${config.slippageBps} bp slippage per unit of traded value, paid from the portfolio`,
      cash: `idle cash earns ${market.value.cashConvention}, as known at the previous close (each observation carried forward at most ${
        market.value.cashSegments.map((g) => `${g.maxAgeDays} days for ${g.seriesId}`).join(', ')}), ACT/360 simple interest over calendar days; the Sharpe and Sortino ratios use the same cash return`,
      coverage: `the run covers ${span}, the days every input covers (pair ${day(market.value.pairFirstDay)} to ${day(market.value.pairLastDay)}); no rate is carried forward past its series' end`,
      returns: `simple returns as decimals; ${market.value.pair.returnBasis}; annualised with ${data.periodsPerYear} periods per year`,
      window: `${config.window.beforeMonths} calendar months before to ${config.window.afterMonths} after the ${config.window.anchor === 'first-cut' ? 'first' : 'last'} cut's effective date; each window run starts in cash and may read history before the window for its warm-up`,
      anchor: ANCHOR_CONVENTION,
      policyRate: POLICY_RATE_CONVENTION,
      cycleRule: describeEasingCycleRule(config.cycleRule),
      recessionRule: `NBER recession at the first cut, or an NBER peak within ${config.recessionWindowMonths} months after it (${easing.value.recessionSource})`,
      excess: 'per cycle: strategy total return minus the benchmark total return over the same window; hit rate = share of cycles with positive excess (a difference within 1e-10 of the gross return is floating-point noise and a tie, not a win); the benchmark, and a strategy defined exactly as the benchmark, have no relative metrics (null)',
      trades: 'a trade is one asset bought or sold at one close (one row of the trades file); a rebalance is one close with one or more trades (a switch from small to large caps is one rebalance of two trades); tradeCount and rebalanceCount count them over every close of a run, the first included',
      counting: describeCycleCounting(config.count, config.window),
    },
    warnings: [...warnings.map(formatIssue), ...replayNotes],
    cycles: cycles.map(({ cycle, recession }) => ({
      id: cycle.id, firstCut: day(cycle.firstCut), lastCut: day(cycle.lastCut), cuts: cycle.cuts, totalEasingBp: cycle.totalEasingBp,
      resumption: cycle.resumption, recession: recession.recession, covered: replay.benchmark.cycles.some((c) => c.cycleId === cycle.id),
      overlapsPrevious: episodeOf.get(cycle.id)?.overlapsPrevious ?? null, episode: episodeOf.get(cycle.id)?.episode ?? null, counted: counted.has(cycle.id),
    })),
    benchmark: strategyJson(benchLabel, bench.schedule, counting(replay.benchmark), true),
    strategies: replay.strategies.map((r, i) => strategyJson(labels[i], built[i].schedule, counting(r), sameDefinition(built[i], bench))),
    equity: {
      dates: Array.from(replay.benchmark.full.run.days, day),
      series: Object.fromEntries([[benchLabel, full(replay.benchmark)], ...replay.strategies.map((r, i) => [labels[i], full(r)] as const)]),
    },
  };
  return { ok: true, result, warnings, notes: replayNotes };
}
