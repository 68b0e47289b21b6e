import type { BacktestConventions, ResolvedBacktestConfig } from '@ratecut/contracts';
import { POLICY_RATE_CONVENTION } from '@ratecut/data-loader';
import { ANCHOR_CONVENTION, describeCycleCounting, describeEasingCycleRule, formatDay } from '@ratecut/sim-core';
import type { BacktestMarket } from './load-backtest-market';

/**
 * The conventions of a backtest run in words, as written in its result file: execution timing,
 * costs, cash, coverage, returns, the cycle window, anchor, policy rate, cycle and recession
 * rules, excess returns, trades and the counting of cycles.
 */
export function backtestConventions(config: ResolvedBacktestConfig, loaded: BacktestMarket): BacktestConventions {
  const { market, easing } = loaded;
  const { data } = market;
  const span = `${formatDay(data.days[0])} to ${formatDay(data.days[data.days.length - 1])}`;
  return {
    execution: `decide at the close of row t, trade at the close of row t + ${config.executionLag}; a strategy sees data up to its decision close only`,
    costs: `${config.costBps} bp commission + ${config.slippageBps} bp slippage per unit of traded value, paid from the portfolio`,
    cash: `idle cash earns ${market.cashConvention}, as known at the previous close (each observation carried forward at most ${
      market.cashSegments.map((g) => `${g.maxAgeDays} days for ${g.seriesId}`).join(', ')}), ACT/360 simple interest over calendar days; the Sharpe and Sortino ratios use the same cash return`,
    coverage: `the run covers ${span}, the days every input covers (pair ${formatDay(market.pairFirstDay)} to ${formatDay(market.pairLastDay)}); no rate is carried forward past its series' end`,
    returns: `simple returns as decimals; ${market.pair.returnBasis}; annualised with ${data.periodsPerYear} periods per year`,
    window: `${config.window.beforeMonths} calendar months before to ${config.window.afterMonths} after the ${config.window.anchor === 'first-cut' ? 'first' : 'last'} cut's effective date; each window run starts in cash and may read history before the window for its warm-up`,
    anchor: ANCHOR_CONVENTION,
    policyRate: POLICY_RATE_CONVENTION,
    cycleRule: describeEasingCycleRule(config.cycleRule),
    recessionRule: `NBER recession at the first cut, or an NBER peak within ${config.recessionWindowMonths} months after it (${easing.recessionSource})`,
    excess: 'per cycle: strategy total return minus the benchmark total return over the same window; hit rate = share of cycles with positive excess (a difference within 1e-10 of the gross return is floating-point noise and a tie, not a win); the benchmark, and a strategy defined exactly as the benchmark, have no relative metrics (null)',
    trades: 'a trade is one asset bought or sold at one close (one row of the trades file); a rebalance is one close with one or more trades (a switch from small to large caps is one rebalance of two trades); tradeCount and rebalanceCount count them over every close of a run, the first included',
    counting: describeCycleCounting(config.count, config.window),
  };
}
