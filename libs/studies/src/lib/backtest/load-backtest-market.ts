import { join } from 'node:path';
import type { ResolvedBacktestConfig } from '@ratecut/contracts';
import { loadEasingCycles, loadMarketData, PAIRS, type Catalog, type LoadedEasingCycles, type LoadedMarket, type PairDefinition } from '@ratecut/data-loader';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import { configIssue, type ConfigSource } from './config-source';

/** What a backtest or a sweep runs on: the pair, the easing cycles and the market data. */
export interface BacktestMarket {
  readonly pair: PairDefinition;
  readonly easing: LoadedEasingCycles;
  readonly market: LoadedMarket;
  /** The NBER dates file read (for fingerprints). */
  readonly nberFile: string;
}

/**
 * Loads the policy-rate history and its easing cycles (NBER dates from `factsDir`), then the
 * configured pair's market data with its cash series.
 * Data problems come back as the loaders' issues; an unknown pair as a `bad-parameter` issue at
 * `$.pair`.
 */
export function loadBacktestMarket(config: ResolvedBacktestConfig, catalog: Catalog, factsDir: string, source: ConfigSource): LoadResult<BacktestMarket> {
  const pair = PAIRS.find((p) => p.id === config.pair);
  if (!pair) return { ok: false, issues: [configIssue(source, ['pair'], 'bad-parameter', `unknown pair ${config.pair}; pairs: ${PAIRS.map((p) => p.id).join(', ')}`)] };
  const nberFile = join(factsDir, 'nber-business-cycles.json');
  const easing = loadEasingCycles(catalog, nberFile, config.cycleRule, config.recessionWindowMonths);
  if (!easing.ok) return easing;
  const market = loadMarketData(catalog, { small: pair.small, large: pair.large }, config.cash, easing.value.history);
  if (!market.ok) return market;
  const warnings: Issue[] = [...easing.warnings, ...market.warnings];
  return { ok: true, value: { pair, easing: easing.value, market: market.value, nberFile }, warnings };
}

/** A `bad-parameter` issue at `$.executionLag` when the lag leaves no row of the data to trade on; else none. */
export function executionLagIssues(config: ResolvedBacktestConfig, loaded: BacktestMarket, source: ConfigSource): Issue[] {
  const rows = loaded.market.data.days.length;
  if (config.executionLag < rows - 1) return [];
  return [configIssue(source, ['executionLag'], 'bad-parameter', `executionLag ${config.executionLag} rows: the ${loaded.pair.id} data have ${rows} rows, so no decision could ever be traded; use a lag below ${rows - 1}`)];
}
