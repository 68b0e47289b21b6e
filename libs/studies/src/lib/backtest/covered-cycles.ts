import type { ResolvedBacktestConfig } from '@ratecut/contracts';
import {
  countedCycleIds, cycleEpisodes, cycleWindowRows, describeGap, errorIssue, formatDay, gapCrossed, makeIssue,
  type ClassifiedCycle, type CycleEpisode, type Issue, type LoadResult,
} from '@ratecut/sim-core';
import { configIssue, type ConfigSource } from './config-source';
import type { BacktestMarket } from './load-backtest-market';

/** The cycles a backtest replays: those selected and covered by the run, grouped into episodes. */
export interface CoveredCycles {
  /** Selected cycles whose window the run holds without crossing a gap of the pair's data, in order. */
  readonly covered: readonly ClassifiedCycle[];
  readonly episodes: readonly CycleEpisode[];
  /** Ids of the covered cycles that enter the aggregates (see `countedCycleIds` and `--count`). */
  readonly counted: readonly string[];
  /** Data warnings: a window crossing a gap (left out), selected ids not covered. */
  readonly warnings: readonly Issue[];
}

/**
 * The cycles selected by the configuration (`cycles`: all, or ids), each unknown id a
 * `bad-parameter` issue at its place in `$.cycles`.
 */
export function selectCycles(config: ResolvedBacktestConfig, detected: readonly ClassifiedCycle[], source: ConfigSource): LoadResult<readonly ClassifiedCycle[]> {
  if (config.cycles === 'all') return { ok: true, value: detected, warnings: [] };
  const wanted = config.cycles;
  const issues = wanted.flatMap((id, i) => (detected.some((c) => c.cycle.id === id) ? [] : [
    configIssue(source, ['cycles', i], 'bad-parameter', `unknown cycle id ${id}; detected cycles: ${detected.map((c) => c.cycle.id).join(', ')}`),
  ]));
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: detected.filter((c) => wanted.includes(c.cycle.id)), warnings: [] };
}

/**
 * Keeps the `selected` cycles whose window (`config.window`) the run's rows hold without
 * crossing a gap of the pair's data (a window that crosses one is left out with a warning),
 * and groups them into episodes. Selected ids (`--cycles`) not covered are a warning, or an
 * issue when none is covered. `where` locates the data warnings (the catalog's path).
 */
export function coverCycles(config: ResolvedBacktestConfig, loaded: BacktestMarket, selected: readonly ClassifiedCycle[], where: string): LoadResult<CoveredCycles> {
  const { market, easing } = loaded;
  const { data } = market;
  const warnings: Issue[] = [];
  const span = `${formatDay(data.days[0])} to ${formatDay(data.days[data.days.length - 1])}`;
  const covered: ClassifiedCycle[] = [];
  const uncovered: string[] = [];
  for (const c of selected) {
    const rows = cycleWindowRows(data.days, c.cycle, config.window);
    const gap = rows === null ? null : gapCrossed(market.gaps, data.days[rows.startRow], data.days[rows.endRow]);
    if (gap !== null) warnings.push(makeIssue('gap', 'warning', where, `cycle ${c.cycle.id}: its window crosses a gap in the pair's data, ${describeGap(gap)}; left out`));
    if (rows === null || gap !== null) uncovered.push(c.cycle.id);
    else covered.push(c);
  }
  if (config.cycles !== 'all' && uncovered.length > 0) {
    const what = `cycle${uncovered.length === 1 ? '' : 's'} ${uncovered.join(', ')}`;
    if (covered.length === 0) {
      return { ok: false, issues: [errorIssue('gap', where, `--cycles: ${what} not covered by the ${config.pair} run (${span}, window ${config.window.beforeMonths} months before to ${config.window.afterMonths} after): nothing to replay; covered cycles: ${
        easing.cycles.filter((c) => cycleWindowRows(data.days, c.cycle, config.window) !== null).map((c) => c.cycle.id).join(', ') || 'none'}`)] };
    }
    warnings.push(makeIssue('gap', 'warning', where, `--cycles: ${what} not covered by the ${config.pair} run (${span}); no result for ${uncovered.length === 1 ? 'it' : 'them'}`));
  }
  const windowAnchor = (c: ClassifiedCycle['cycle']) => (config.window.anchor === 'first-cut' ? c.firstCut : c.lastCut);
  const episodes = cycleEpisodes(covered.map((c) => c.cycle), config.window, windowAnchor);
  const counted = [...countedCycleIds(episodes, config.count)];
  return { ok: true, value: { covered, episodes, counted, warnings }, warnings };
}
