import { cashReturnForDay } from '../portfolio/cash-return-for-day';
import type { Strategy } from '../strategies/strategy';
import type { BacktestConfig, BacktestEvent, BacktestRun, Trade } from './backtest-types';
import { checkCostModel } from '../portfolio/cost-model';
import { executeRebalance } from '../portfolio/execution';
import { checkMarketData, type MarketData } from '../market/market-data';
import { MarketView } from '../market/market-view';

/**
 * Runs one strategy over rows `startRow..endRow` of the data. Each row, in order:
 * 1. mark to market: each position grows with its asset's close-to-close return, idle cash
 *    earns the cash rate known at the previous close (ACT/360 over the calendar days);
 * 2. execute the order due today (if any), at today's close, with costs;
 * 3. record equity;
 * 4. if the strategy is past its warm-up (row >= warmup), let it decide at today's close
 *    through a view that ends today; a target becomes an order for row + executionLag.
 * Orders wait in a queue: every decision trades, in the order decided, `executionLag` rows
 * after it (a later decision never cancels an earlier one, so a daily schedule with a lag of
 * 2 trades every day, each trade two closes after its decision).
 * With executionLag 0 the order executes at the same close, after the decision; on the run's
 * first row `equity[0]` stays the starting capital (the value before that trade), so the first
 * trade's costs fall in the first period's return like every other trade's.
 * `onEvent` receives bar/decision/trade/rejected/progress events (see `backtest$`).
 */
export function runBacktest(
  data: MarketData,
  strategy: Strategy,
  config: BacktestConfig,
  onEvent?: (event: BacktestEvent) => boolean | void,
): BacktestRun {
  checkMarketData(data);
  const { startRow, endRow, executionLag } = config;
  if (!(startRow >= 0 && endRow < data.days.length && startRow <= endRow)) throw new RangeError(`rows ${startRow}..${endRow} outside the data`);
  if (!Number.isInteger(executionLag) || executionLag < 0) throw new RangeError('executionLag must be a whole number >= 0');
  const costProblem = checkCostModel(config.costs);
  if (costProblem !== null) throw new RangeError(costProblem);
  const nAssets = data.assets.length;
  const rows = endRow - startRow + 1;
  const equity = new Float64Array(rows), tradedValue = new Float64Array(rows), costs = new Float64Array(rows);
  const weights = data.assets.map(() => new Float64Array(rows));
  const returns = new Float64Array(rows - 1), cashReturns = new Float64Array(rows - 1);
  const trades: Trade[] = [];
  const rejected: { day: number; reason: string }[] = [];

  let positions: Float64Array = new Float64Array(nAssets);
  let cash = config.initialCapital;
  // Orders in flight, oldest first; at most one per row, due at rows in increasing order.
  const queue: { target: Float64Array; row: number; decidedDay: number }[] = [];
  let lastTarget: Float64Array | null = null;
  let decisions = 0;
  const state = strategy.init();
  const progressEvery = Math.max(1, Math.floor(rows / 100));
  let stopped = false;
  const emit = (e: BacktestEvent): void => {
    if (onEvent && onEvent(e) === false) stopped = true;
  };

  const execute = (row: number): void => {
    if (queue.length === 0 || queue[0].row !== row) return;
    const order = queue.shift() as (typeof queue)[number];
    const outcome = executeRebalance(positions, cash, order.target, config.costs, config.limits);
    if (outcome.status === 'rejected') {
      rejected.push({ day: data.days[row], reason: outcome.reason });
      emit({ type: 'rejected', day: data.days[row], reason: outcome.reason });
      return;
    }
    if (outcome.status === 'ignored') return;
    const before = cash + positions.reduce((s, p) => s + p, 0);
    const after = outcome.cash + outcome.positions.reduce((s, p) => s + p, 0);
    let gross = 0;
    for (let a = 0; a < nAssets; a += 1) gross += Math.abs(outcome.traded[a]);
    for (let a = 0; a < nAssets; a += 1) {
      const value = outcome.traded[a];
      if (Math.abs(value) <= 1e-12 * before) continue;
      const trade: Trade = {
        row, day: data.days[row], decidedDay: order.decidedDay, asset: data.assets[a], value,
        weightBefore: positions[a] / before, weightAfter: outcome.positions[a] / after,
        cost: gross > 0 ? (outcome.cost * Math.abs(value)) / gross : 0,
      };
      trades.push(trade);
      emit({ type: 'trade', trade });
    }
    tradedValue[row - startRow] += gross;
    costs[row - startRow] += outcome.cost;
    positions = outcome.positions;
    cash = outcome.cash;
  };

  for (let row = startRow; row <= endRow && !stopped; row += 1) {
    const k = row - startRow;
    if (row > startRow) {
      for (let a = 0; a < nAssets; a += 1) positions[a] *= data.closes[a][row] / data.closes[a][row - 1];
      const rc = cashReturnForDay(data.cashRate[row - 1], data.days[row - 1], data.days[row]);
      cashReturns[k - 1] = rc;
      cash *= 1 + rc;
    }
    execute(row);
    let value = cash;
    for (let a = 0; a < nAssets; a += 1) value += positions[a];
    equity[k] = value;

    if (row >= strategy.warmup) {
      const current = new Float64Array(nAssets);
      for (let a = 0; a < nAssets; a += 1) current[a] = positions[a] / value;
      const target = strategy.decide({ view: new MarketView(data, row), weights: current, lastTarget }, state);
      if (target !== null) {
        decisions += 1;
        lastTarget = Float64Array.from(target);
        queue.push({ target: lastTarget, row: row + executionLag, decidedDay: data.days[row] });
        emit({ type: 'decision', row, day: data.days[row], target: Array.from(lastTarget), executeRow: row + executionLag });
        if (executionLag === 0) {
          execute(row);
          value = cash;
          for (let a = 0; a < nAssets; a += 1) value += positions[a];
          if (k > 0) equity[k] = value; // equity[0] stays the capital before the first trade
        }
      }
    }
    for (let a = 0; a < nAssets; a += 1) weights[a][k] = positions[a] / value;
    if (k > 0) returns[k - 1] = equity[k] / equity[k - 1] - 1;
    emit({ type: 'bar', row, day: data.days[row], equity: value });
    if (k % progressEvery === 0 || row === endRow) emit({ type: 'progress', done: k + 1, total: rows });
  }

  return {
    strategy: { name: strategy.name, description: strategy.description, params: strategy.params, warmup: strategy.warmup },
    config,
    assets: data.assets,
    days: data.days.slice(startRow, endRow + 1),
    equity, tradedValue, costs, weights, returns, cashReturns, trades, rejected, decisions,
  };
}
