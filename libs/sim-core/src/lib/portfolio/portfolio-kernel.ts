/**
 * The portfolio kernel: a strategy's targets, computed beforehand for every row (a
 * {@link TargetPlan}), run through the engine's accounting without allocating per row or per
 * trade. The event engine (`runBacktest`) stays the driver of strategies written as `decide()`
 * steps and the reference: the kernel gives its numbers (portfolio-kernel.spec.ts).
 */
import type { BacktestConfig } from '../engine/backtest-types';
import { checkMarketData, type MarketData } from '../market/market-data';
import { ReturnMetricsAccumulator } from '../metrics/return-metrics-accumulator';
import type { RebalanceSchedule } from '../strategies/when-steps';
import { marketGrowth, type MarketGrowth } from './market-growth';
import { drawdownDepthStep } from '../metrics/drawdown-tracker';
import { checkCostModel } from './cost-model';
import { holdingRange, holdingTables, pushHoldingDrawdown, type HoldingTable } from './holding-tables';
import { costRate, REBALANCE_FILLED, REBALANCE_NOT_POSITIVE, solveRebalance, targetProblem } from './execution';
import { nextPeriodEnds, periodEndMask } from './period-end-mask';
import { checkedTarget, checkTargetPlan, KEEP, type TargetPlan } from './target-plan';

/**
 * What a kernel run counts and accumulates: the return metrics of its periods and the trading
 * counts, as the engine's run and `runMetrics` give them.
 */
export class PortfolioTally {
  /** Per period (close to close): the strategy's return and cash's (see {@link ReturnMetricsAccumulator}). */
  readonly metrics = new ReturnMetricsAccumulator();
  /** Closes with one or more trades (`rebalanceCount` of the traded value). */
  rebalances = 0;
  /** Assets bought or sold (the engine's `trades.length`). */
  trades = 0;
  /** Targets submitted (the engine's `decisions`). */
  decisions = 0;
  /** Orders refused: a target outside the weight limits, or a portfolio worth nothing. */
  rejected = 0;
  /** `Σ tradedValue / (2 × equity)` over the closes (compensated sum, as `turnover`), for the turnover. */
  turnoverSum = 0;
  private turnoverCompensation = 0;
  /** Equity at the last close of the run. */
  finalEquity = NaN;

  /** Forgets the last run. */
  reset(): void {
    this.metrics.reset();
    this.rebalances = 0;
    this.trades = 0;
    this.decisions = 0;
    this.rejected = 0;
    this.turnoverSum = 0;
    this.turnoverCompensation = 0;
    this.turnoverUndefined = false;
    this.finalEquity = NaN;
  }

  /** A close's equity was not positive: the turnover is NaN (as `turnover`). */
  turnoverUndefined = false;

  /** Adds one close's `|tradedValue| / (2 × equity)` (Neumaier's compensated sum, as `turnover`). */
  addTurnover(tradedValue: number, equity: number): void {
    if (!(equity > 0)) this.turnoverUndefined = true;
    const x = Math.abs(tradedValue) / (2 * equity);
    const sum = this.turnoverSum, t = sum + x;
    this.turnoverCompensation += sum >= x ? sum - t + x : x - t + sum;
    this.turnoverSum = t;
  }

  /** The compensated turnover sum (see `turnover`); NaN after a close with equity not positive. */
  turnoverTotal(): number {
    return this.turnoverUndefined ? NaN : this.turnoverSum + this.turnoverCompensation;
  }
}

/**
 * Optional per-row outputs of a kernel run, each with one entry per row of the run (`returns`
 * and `cashReturns` one per period, `rows − 1`), as in the engine's `BacktestRun`: equity at the
 * close, traded value, costs, trades per close, end-of-day weights per asset.
 */
export interface PortfolioRecord {
  readonly equity: Float64Array;
  readonly returns: Float64Array;
  readonly cashReturns: Float64Array;
  readonly tradedValue: Float64Array;
  readonly costs: Float64Array;
  readonly trades: Float64Array;
  readonly weights: readonly Float64Array[];
}

/** The state of a kernel run after a row, to continue from (see `PortfolioKernel.checkpoint`). */
export interface PortfolioCheckpoint {
  /** The last row processed. */
  readonly row: number;
  readonly lag: number;
  /** Value per asset and cash at that row's close, after its trades. */
  readonly positions: Float64Array;
  readonly cash: number;
  /** Palette index of the last submitted target, −1 before any. */
  readonly last: number;
  /** Equity recorded at that row. */
  readonly equity: number;
  /** Orders decided and not yet executed: the row each is due at, and its palette target. */
  readonly pending: readonly { readonly row: number; readonly target: number }[];
}

/** A {@link PortfolioRecord} for a run of `rows` rows over `assets` assets, zeroed. */
export function allocatePortfolioRecord(rows: number, assets: number): PortfolioRecord {
  return {
    equity: new Float64Array(rows), returns: new Float64Array(Math.max(0, rows - 1)), cashReturns: new Float64Array(Math.max(0, rows - 1)),
    tradedValue: new Float64Array(rows), costs: new Float64Array(rows), trades: new Float64Array(rows),
    weights: Array.from({ length: assets }, () => new Float64Array(rows)),
  };
}

/** Market data already checked by a run (a sweep runs thousands of plans on one data object). */
const checkedData = new WeakSet<MarketData>();

/** The calendar mask of schedules that have none (never read). */
const NO_MASK = new Uint8Array(0);
const NO_ENDS = new Int32Array(0);

/** Entries of the kernel's `mix` state (see `quietMixedRows`): cash, the last equity, the moments' sums, growth and drawdown. */
const MIX_CASH = 0, MIX_PREV = 1, MIX_COUNT = 2, MIX_SR = 3, MIX_SR2 = 4, MIX_SE = 5, MIX_SE2 = 6, MIX_GROWTH = 7, MIX_PEAK = 8, MIX_DEPTH = 9, MIX_TROUGH = 10;
const MIX_STATE = 11;

/** {@link PortfolioKernel}'s `holds` of a target that is not a whole asset, and the held asset of a portfolio that is not in one asset. */
const NOT_ONE_ASSET = -1;

/** When a proposed target is submitted (see `whenStep`). */
const ALWAYS = 0, PERIOD_END = 1, ON_SIGNAL = 2, BANDS = 3;

/**
 * Runs target plans through the engine's accounting. Holds the scratch memory of a run (per
 * asset and per order in flight), so a sweep reuses one kernel for all its combinations. Not
 * safe to share between runs in progress (there are none in one thread).
 */
export class PortfolioKernel {
  private positions: Float64Array;
  private newPositions: Float64Array;
  private traded: Float64Array;
  private readonly solved = new Float64Array(2);
  private dueRow = new Int32Array(1);
  private dueTarget = new Int32Array(1);
  private differs = new Uint8Array(1);
  private refused = new Uint8Array(1);
  /** Per palette target: the asset it puts all the portfolio in (weight exactly 1, the others 0), else {@link NOT_ONE_ASSET}. */
  private holds = new Int32Array(1);
  /** The last submitted target and the order slot where {@link quietRows} stopped. */
  private scanLast = -1;
  private scanDue = 0;
  /** The equity where {@link quietMixedRows} stopped, and the market of the run in progress. */
  private scanEquity = NaN;
  private growth: MarketGrowth | null = null;
  private growthData: MarketData | null = null;
  /** The first row of `growth` computed (see marketGrowth's `fromRow`). */
  private growthFrom = 1;
  /** The range numbers of a held asset (see `holdingRange`). */
  private readonly range = new Float64Array(8);
  /** Where the last run ended (see {@link checkpoint}). */
  /**
   * The end of the last run, for {@link checkpoint}: its last row (−1 before any run), lag and
   * last submitted target, and its cash and equity in a Float64Array (fields, not an object per
   * run: simulated paths run the kernel hundreds of thousands of times).
   */
  private lastRow = -1;
  private lastLag = 0;
  private lastTarget = -1;
  private readonly lastValues = new Float64Array(2);
  /** During a run: the plan's `changes` (null without), the index of the next one to pass, and the next period end per row (`nextPeriodEnds`; empty on signal). */
  private changes: Int32Array | null = null;
  private changeCursor = 0;
  private ends: Int32Array = NO_ENDS;
  /** The running state of {@link quietMixedRows} (indices `MIX_*`; see {@link markRows} for why a Float64Array). */
  private readonly mix = new Float64Array(MIX_STATE);

  /** Cash around an execution, and today's costs and trades, during a run. */
  private cash = 0;
  private costToday = 0;
  private tradesToday = 0;

  /**
   * A kernel for plans over `assets` assets. With `prefixTables`, runs without a record use each
   * market's prefix tables (`holdingTables`, built on the first run on a market, O(rows ×
   * log rows)): worth it when many plans run on one market (a sweep), not for one or a few runs
   * per market (simulated paths).
   */
  constructor(readonly assets: number, readonly options: { readonly prefixTables?: boolean } = {}) {
    if (!Number.isInteger(assets) || assets < 1) throw new RangeError(`PortfolioKernel: ${assets} assets`);
    this.positions = new Float64Array(assets);
    this.newPositions = new Float64Array(assets);
    this.traded = new Float64Array(assets);
  }

  /**
   * Runs `plan` over rows `config.startRow..config.endRow` of `data` with `schedule`, as
   * `runBacktest` runs the strategy the plan was made from, and adds the run to `tally` (after
   * resetting it); with `record`, also writes the per-row outputs. Each row, in order:
   * 1. mark to market: positions grow with their asset's close-to-close return, idle cash earns
   *    the cash rate known at the previous close (ACT/360, `cashReturnForDay`);
   * 2. the order due at this row (decided `executionLag` rows before) executes at the close, with
   *    costs (`solveRebalance`, the engine's arithmetic), unless its target breaks the weight
   *    limits or the portfolio is worth nothing (rejected);
   * 3. from row `plan.warmup` on, the row's code gives the proposed target ({@link KEEP}: the last
   *    submitted one, or `initial` before any), and the schedule decides whether it is submitted:
   *    `daily` always; `weekly`/`month-end` on the last row of the calendar period (and the
   *    first target); `on-signal` when it differs from the last submitted target by more than
   *    1e-12 in a weight; `bands` then too, or when a current weight is more than the band away
   *    from it. A submitted target is due `executionLag` rows later (lag 0: at once, after which
   *    the first row's equity stays the capital before the trade, as in the engine).
   *
   * Without `record`, rows that change nothing but the portfolio's value are not run through
   * the whole row loop. With prefix tables (see the constructor), the rows on which a portfolio
   * wholly in one asset neither trades nor would trade (no order due that changes it, no order
   * submitted at lag 0 that changes it) take one step: the metrics add them from the asset's
   * tables (`holdingRange`) and the asset's value grows by their product, so such a run costs
   * about the reading of its codes plus its trades. Otherwise, on signal or at period ends, the
   * rows with no order due and no target submitted of a portfolio with no short position run in
   * a tight loop that sums their returns (`quietMixedRows`). Both give the row loop's numbers to
   * rounding (the tests hold them to 1e-12 relative).
   *
   * With `from` (a {@link checkpoint} of an earlier run of the same plan, data, schedule and
   * settings up to row `from.row`), the run continues after that row instead of starting at
   * `startRow`: the rows up to `from.row` are taken as that run left them (the record's equity at
   * `from.row` is the checkpoint's, earlier rows of the record are not written) and the tally
   * counts the rows after it only. The numbers of the rows after it are those of a whole run, bit
   * for bit, provided the plan's codes and the data up to `from.row` are the same as in the run
   * that made the checkpoint (the caller's promise: a path's warm-up rows, say).
   *
   * @throws RangeError on a malformed plan, market data, configuration, schedule or checkpoint (programmer errors).
   */
  run(
    data: MarketData, plan: TargetPlan, schedule: RebalanceSchedule, config: BacktestConfig, tally: PortfolioTally, record?: PortfolioRecord,
    from?: PortfolioCheckpoint,
  ): void {
    if (!checkedData.has(data)) {
      checkMarketData(data);
      checkedData.add(data);
    }
    const n = this.assets;
    if (data.closes.length !== n || plan.assets !== n) throw new RangeError(`PortfolioKernel: ${n} assets, data has ${data.closes.length}, plan ${plan.assets}`);
    const rowsInData = data.days.length;
    checkTargetPlan(plan, rowsInData);
    const { startRow, endRow, executionLag: lag } = config;
    if (!(Number.isInteger(startRow) && Number.isInteger(endRow) && startRow >= 0 && endRow < rowsInData && startRow <= endRow)) {
      throw new RangeError(`rows ${startRow}..${endRow} outside the data`);
    }
    if (!Number.isInteger(lag) || lag < 0) throw new RangeError('executionLag must be a whole number >= 0');
    const costProblem = checkCostModel(config.costs);
    if (costProblem !== null) throw new RangeError(costProblem);
    const rows = endRow - startRow + 1;
    if (record !== undefined && (record.equity.length !== rows || record.weights.length !== n)) throw new RangeError(`PortfolioKernel: a record for ${record.equity.length} rows, the run has ${rows}`);

    const palette = plan.palette, size = palette.length / n;
    this.prepareTargets(plan, config, size);
    const differs = this.differs;
    const mode = schedule.kind === 'daily' ? ALWAYS
      : schedule.kind === 'weekly' || schedule.kind === 'month-end' ? PERIOD_END
      : schedule.kind === 'on-signal' ? ON_SIGNAL : BANDS;
    const band = schedule.kind === 'bands' ? schedule.band : 0;
    if (mode === BANDS && !(band >= 0)) throw new RangeError(`bands schedule: band ${band}`);
    const mask: Uint8Array | null = schedule.kind === 'weekly' ? periodEndMask(data.days, 'week') : schedule.kind === 'month-end' ? periodEndMask(data.days, 'month') : null;

    const slots = lag + 1;
    if (this.dueRow.length < slots) {
      this.dueRow = new Int32Array(slots);
      this.dueTarget = new Int32Array(slots);
    }
    const dueRow = this.dueRow, dueTarget = this.dueTarget;
    dueRow.fill(-1, 0, slots);
    const positions = this.positions;
    positions.fill(0);
    const rate = costRate(config.costs);
    // The rows whose factors the run reads: after startRow, after a checkpoint's row.
    const growth = this.growthOf(data, from === undefined ? startRow + 1 : Math.max(startRow, from.row) + 1);
    const factors = growth.assetFactors, cashReturns = growth.cashReturns, cashFactors = growth.cashFactors;
    const warmup = plan.warmup;
    const calendar = mask ?? NO_MASK;
    this.ends = mask === null ? NO_ENDS : nextPeriodEnds(mask);
    this.changes = plan.changes ?? null;
    this.changeCursor = 0;
    tally.reset();
    this.costToday = 0;
    this.tradesToday = 0;
    const metrics = tally.metrics;

    let cash = +config.initialCapital; // unary plus: a raw double through the loop (see quietMixedRows)
    let last = -1; // palette index of the last submitted target
    let prevEquity = NaN;
    let firstRow = startRow;
    if (from !== undefined) {
      if (!(from.row >= startRow && from.row < endRow) || from.lag !== lag || from.positions.length !== n) {
        throw new RangeError(`PortfolioKernel: a checkpoint at row ${from.row} (lag ${from.lag}, ${from.positions.length} assets) cannot continue rows ${startRow}..${endRow} (lag ${lag}, ${n} assets)`);
      }
      positions.set(from.positions);
      cash = +from.cash;
      last = from.last;
      prevEquity = +from.equity;
      for (const order of from.pending) {
        dueRow[order.row % slots] = order.row;
        dueTarget[order.row % slots] = order.target;
      }
      if (record !== undefined) record.equity[from.row - startRow] = from.equity;
      firstRow = from.row + 1;
    }

    // Rows skipped while the portfolio is wholly in asset `held` (see above): `anchor` is the last
    // row whose state (positions, cash, prevEquity, metrics) is up to date.
    // Without prefix tables, such rows are summed in one pass over the asset's factors (settleByScan).
    const tables = record === undefined && this.options.prefixTables === true ? holdingTables(data) : null;
    let held = NOT_ONE_ASSET, anchor = firstRow - 1;
    // Otherwise (a mix, or cash), on signal or at period ends, the rows without an order due or a
    // target submitted are run in a tight loop that sums their returns (see quietMixedRows).
    let mixedQuiet = false;

    // The order slot of row `row` is `row % slots`, kept as a running index (no division per
    // row); the slot of the order due `lag` rows later is the one before it (`(row + lag) % (lag + 1)`).
    let due = firstRow % slots;
    for (let row = firstRow; row <= endRow; row += 1, due = due + 1 === slots ? 0 : due + 1) {
      if (held !== NOT_ONE_ASSET) {
        this.scanLast = last;
        const stop = this.quietRows(plan, row, endRow, due, held, mode, calendar, lag, tally);
        if (stop > row) {
          last = this.scanLast;
          due = this.scanDue;
          row = stop;
          if (row > endRow) break;
        }
        if (anchor < row - 1) {
          prevEquity = tables === null ? this.settleByScan(held, anchor, row - 1, metrics) : this.settle(tables[held] as HoldingTable, held, anchor, row - 1, metrics);
          anchor = row - 1;
        }
      } else if (mixedQuiet) {
        this.cash = cash;
        this.scanLast = last;
        const stop = this.quietMixedRows(plan, row, endRow, lag, mode === PERIOD_END, calendar, rate, prevEquity, metrics, tally);
        if (stop > row) {
          cash = this.cash;
          last = this.scanLast;
          prevEquity = this.scanEquity;
          due = (due + (stop - row)) % slots;
          row = stop;
          anchor = row - 1;
          if (row > endRow) break;
        }
      }
      const later = due === 0 ? lag : due - 1;
      const k = row - startRow;
      let rc = 0;
      if (row > startRow) {
        for (let a = 0; a < n; a += 1) positions[a] *= factors[a][row];
        rc = cashReturns[row];
        cash *= cashFactors[row];
      }
      let gross = 0;
      if (dueRow[due] === row) {
        dueRow[due] = -1;
        this.cash = cash;
        gross = this.execute(palette, dueTarget[due], rate, tally);
        cash = this.cash;
      }
      let value = cash;
      for (let a = 0; a < n; a += 1) value += positions[a];
      let equity = value;
      if (row >= warmup) {
        // The decision at today's close: the proposed target, then whether the schedule submits it.
        const target = checkedTarget(plan, row, last, size);
        let submit: boolean;
        if (mode === ALWAYS) submit = true;
        else if (mode === PERIOD_END) submit = last < 0 || calendar[row] !== 0;
        else {
          submit = last < 0 || differs[target * size + last] !== 0;
          if (!submit && mode === BANDS) {
            for (let a = 0; a < n && !submit; a += 1) submit = Math.abs(positions[a] / value - palette[target * n + a]) > band;
          }
        }
        if (submit) {
          tally.decisions += 1;
          last = target;
          if (lag === 0) {
            this.cash = cash;
            gross += this.execute(palette, target, rate, tally);
            cash = this.cash;
            value = cash;
            for (let a = 0; a < n; a += 1) value += positions[a];
            if (k > 0) equity = value; // equity[0] stays the capital before the first trade
          } else {
            dueRow[later] = row + lag;
            dueTarget[later] = target;
          }
        }
      }
      // Turnover: a close without trades adds 0 (unless its equity is not positive: NaN).
      if (gross > 0 || !(equity > 0)) {
        if (gross > 0) tally.rebalances += 1;
        tally.addTurnover(gross, equity);
      }
      if (k > 0) metrics.push(equity / prevEquity - 1, rc);
      if (record !== undefined) {
        record.equity[k] = equity;
        record.tradedValue[k] = gross;
        record.costs[k] = this.costToday;
        record.trades[k] = this.tradesToday;
        this.costToday = 0;
        this.tradesToday = 0;
        for (let a = 0; a < n; a += 1) record.weights[a][k] = positions[a] / value;
        if (k > 0) {
          record.returns[k - 1] = equity / prevEquity - 1;
          record.cashReturns[k - 1] = rc;
        }
      }
      prevEquity = equity;
      anchor = row;
      // Not after the first row: its equity is the capital before a lag-0 trade, not the value held.
      held = record !== undefined || k === 0 ? NOT_ONE_ASSET : this.heldAsset(cash, tables, growth);
      mixedQuiet = held === NOT_ONE_ASSET && record === undefined && k > 0 && (mode === ON_SIGNAL || mode === PERIOD_END) && this.longOnly(cash, value);
    }
    if (held !== NOT_ONE_ASSET && anchor < endRow) {
      prevEquity = tables === null ? this.settleByScan(held, anchor, endRow, metrics) : this.settle(tables[held] as HoldingTable, held, anchor, endRow, metrics);
    }
    tally.finalEquity = prevEquity;
    this.lastRow = endRow;
    this.lastLag = lag;
    this.lastTarget = last;
    this.lastValues[0] = cash;
    this.lastValues[1] = prevEquity;
  }

  /**
   * Executes palette target `p` at today's close (`solveRebalance`, the engine's arithmetic):
   * rejected when the limits refuse the target or the portfolio is worth nothing; otherwise the
   * positions, cash, today's costs and trades, and the tally's trades change. Returns the traded
   * value (0 when nothing was traded).
   */
  private execute(palette: Float64Array, p: number, rate: number, tally: PortfolioTally): number {
    if (this.refused[p] !== 0) {
      tally.rejected += 1;
      return 0;
    }
    const n = this.assets, positions = this.positions, traded = this.traded, newPositions = this.newPositions, solved = this.solved;
    const status = solveRebalance(positions, this.cash, palette, p * n, n, rate, newPositions, traded, solved);
    if (status === REBALANCE_NOT_POSITIVE) {
      tally.rejected += 1;
      return 0;
    }
    if (status !== REBALANCE_FILLED) return 0;
    let held = 0;
    for (let a = 0; a < n; a += 1) held += positions[a];
    const before = this.cash + held;
    let gross = 0, trades = 0;
    for (let a = 0; a < n; a += 1) gross += Math.abs(traded[a]);
    for (let a = 0; a < n; a += 1) {
      if (Math.abs(traded[a]) > 1e-12 * before) trades += 1;
      positions[a] = newPositions[a];
    }
    this.cash = solved[0];
    this.costToday += solved[1];
    this.tradesToday += trades;
    tally.trades += trades;
    return gross;
  }

  /**
   * The state at the end of the last run (after its `endRow`): positions, cash, the last submitted
   * target, the equity and the orders still in flight, for a later run to continue from (see
   * {@link run}'s `from`).
   *
   * @throws RangeError before any run (a programmer error).
   */
  checkpoint(): PortfolioCheckpoint {
    if (this.lastRow < 0) throw new RangeError('PortfolioKernel.checkpoint: no run yet');
    const row = this.lastRow, slots = this.lastLag + 1, pending: { row: number; target: number }[] = [];
    for (let s = 0; s < slots; s += 1) if (this.dueRow[s] > row) pending.push({ row: this.dueRow[s], target: this.dueTarget[s] });
    return { row, lag: this.lastLag, positions: this.positions.slice(), cash: this.lastValues[0], last: this.lastTarget, equity: this.lastValues[1], pending };
  }

  /**
   * From row `row` on, while the portfolio is wholly in asset `held`, runs the rows on which
   * nothing changes it: no order due that moves it out of `held` (one that keeps it there is
   * dropped, as its execution would be ignored) and no target submitted at lag 0, or under bands
   * proposed, outside `held`. Their decisions are made as in {@link run} (the tally's decisions,
   * the last submitted target in `scanLast`, orders scheduled). Returns the first row that is not
   * quiet (`endRow + 1` when all are), with its order slot in `scanDue`. `due` is row `row`'s slot.
   */
  private quietRows(plan: TargetPlan, row: number, endRow: number, due: number, held: number, mode: number, calendar: Uint8Array, lag: number, tally: PortfolioTally): number {
    const codes = plan.codes, initial = plan.initial, warmup = plan.warmup, size = (plan.palette.length / this.assets) | 0;
    const holds = this.holds, differs = this.differs, dueRow = this.dueRow, dueTarget = this.dueTarget, slots = lag + 1;
    const onSignal = mode === ON_SIGNAL || mode === BANDS, periodEnd = mode === PERIOD_END;
    const keep = KEEP;
    let last = this.scanLast, decisions = 0;
    // Whether the last submitted target is the held asset: then, with no order due, a row that
    // proposes it again (on signal, bands) or is not a period's end submits nothing and changes nothing.
    let lastHeld = last >= 0 && holds[last] === held;
    for (; row <= endRow; row += 1, due = due + 1 === slots ? 0 : due + 1) {
      if (lastHeld && row >= warmup && (onSignal || periodEnd)) {
        // A run of such rows up to the next order due, in a tight loop; then the slot index catches up.
        const nextDue = this.nextDue(row, endRow, slots);
        // A run of equal codes (the plan's changes) is read once.
        let r = row;
        if (onSignal) {
          while (r < nextDue) {
            const code = codes[r];
            if (code !== keep && code !== last) break;
            const next = this.nextChange(r);
            r = next < nextDue ? next : nextDue;
          }
        } else {
          const ends = this.ends;
          while (r < nextDue && calendar[r] === 0) {
            const code = codes[r];
            if (code !== keep && !(code >= 0 && code < size)) break;
            let next = this.nextChange(r);
            if (ends[r] < next) next = ends[r];
            r = next < nextDue ? next : nextDue;
          }
        }
        if (r > row) {
          due = (due + (r - row)) % slots;
          row = r;
          if (row > endRow) break;
        }
      }
      const dueHere = dueRow[due] === row;
      if (dueHere && holds[dueTarget[due]] !== held) break;
      let submit = false, target = -1;
      if (row >= warmup) {
        const code = codes[row];
        target = code !== keep ? code : last >= 0 ? last : initial === null ? -1 : initial[row];
        if (!(target >= 0 && target < size)) break; // the row loop reports it
        if (mode === ALWAYS) submit = true;
        else if (mode === PERIOD_END) submit = last < 0 || calendar[row] !== 0;
        else submit = last < 0 || differs[target * size + last] !== 0;
        // At lag 0 a target in another asset trades now; under bands one outside the held asset may.
        if (holds[target] !== held && ((submit && lag === 0) || (!submit && mode === BANDS))) break;
      }
      if (dueHere) dueRow[due] = -1;
      if (submit) {
        decisions += 1;
        last = target;
        lastHeld = holds[last] === held;
        if (lag > 0) {
          const later = due === 0 ? lag : due - 1;
          dueRow[later] = row + lag;
          dueTarget[later] = target;
        }
      }
    }
    tally.decisions += decisions;
    this.scanLast = last;
    this.scanDue = due;
    return row;
  }

  /**
   * The first row after `row` whose code may differ from row `row`'s: the plan's next change
   * (`TargetPlan.changes`), else `row + 1`. Asked for rows that never decrease during a run.
   */
  private nextChange(row: number): number {
    const changes = this.changes;
    if (changes === null) return row + 1;
    let i = this.changeCursor;
    while (changes[i] <= row) i += 1;
    this.changeCursor = i;
    return changes[i];
  }

  /** The row of the earliest order due from `row` on among the `slots` order slots, else `endRow + 1`. */
  private nextDue(row: number, endRow: number, slots: number): number {
    let next = endRow + 1;
    for (let s = 0; s < slots; s += 1) if (this.dueRow[s] >= row && this.dueRow[s] < next) next = this.dueRow[s];
    return next;
  }

  /**
   * Brings a portfolio wholly in asset `a` from row `from`'s close to row `to`'s (`from < to`)
   * without running the rows: the metrics take the range from the asset's prefix tables, and the
   * position grows by the range's factor. Returns the equity at row `to` (the position).
   */
  private settle(table: HoldingTable, a: number, from: number, to: number, metrics: ReturnMetricsAccumulator): number {
    const range = this.range;
    holdingRange(table, from, to, range);
    // As quietMixedRows: the moments from the sums, the growth and drawdown carried here (the
    // drawdown from the range's bounds when it sets no new peak, else block by block).
    metrics.pushSums(range[0], range[1], range[2], range[3], range[4]);
    const w0 = metrics.growth, w = w0 * range[5];
    metrics.growth = w;
    if (!Number.isFinite(w)) metrics.undefinedDrawdown = true;
    else if (!metrics.undefinedDrawdown && !metrics.drawdown.pushBounded(w0 * range[6], w0 * range[7])) pushHoldingDrawdown(table, from, to, w0, metrics.drawdown);
    this.positions[a] *= range[5];
    return this.positions[a];
  }

  /**
   * {@link settle} without prefix tables (a kernel for a few runs per market: simulated paths):
   * one pass over the asset's factors `f` from row `from + 1` to `to`, adding `r = f − 1` (the
   * return the tables take) and its excess over cash to the moments' sums, compounding the
   * growth and position, and tracking the drawdown by its trough (see addMixRow). No division
   * a row: about half the time of marking the rows as a mix (`markRows`). The running numbers
   * start from the Float64Array `mix` (see markRows on boxing).
   */
  private settleByScan(a: number, from: number, to: number, metrics: ReturnMetricsAccumulator): number {
    const growth = this.growth as MarketGrowth, f = growth.assetFactors[a], cashReturns = growth.cashReturns, st = this.mix;
    st[MIX_GROWTH] = metrics.growth;
    st[MIX_PEAK] = metrics.drawdown.peak;
    st[MIX_DEPTH] = metrics.drawdown.depth;
    st[MIX_PREV] = this.positions[a];
    let sr = 0, sr2 = 0, se = 0, se2 = 0, w = st[MIX_GROWTH], peak = st[MIX_PEAK], depth = st[MIX_DEPTH], trough = peak, position = st[MIX_PREV];
    for (let t = from + 1; t <= to; t += 1) {
      const x = f[t], r = x - 1, e = r - cashReturns[t];
      sr += r;
      sr2 += r * r;
      se += e;
      se2 += e * e;
      position *= x;
      w *= x;
      if (w > peak) {
        depth = drawdownDepthStep(depth, peak, trough);
        peak = w;
        trough = w;
      } else if (w < trough) trough = w;
    }
    metrics.pushSums(to - from, sr, sr2, se, se2);
    metrics.growth = w;
    if (!Number.isFinite(w)) metrics.undefinedDrawdown = true;
    else if (!metrics.undefinedDrawdown) {
      metrics.drawdown.peak = peak;
      metrics.drawdown.depth = drawdownDepthStep(depth, peak, trough);
    }
    this.positions[a] = position;
    return position;
  }

  /**
   * From row `row` on, for a portfolio not wholly in one asset (see {@link run}), runs the rows
   * with no order due and nothing to trade at once, marking positions and cash to market as the
   * row loop does, and adds their returns to `metrics` in one step: moments from the sums
   * (`pushSums`), growth and drawdown carried row by row as `push` carries them. A target
   * submitted on such a row (on signal: one that differs from the last submitted; at period
   * ends: the period's last row) with a lag of 1 or more is scheduled as the row loop schedules
   * it (the tally's decisions, the last submitted target in `scanLast`). Stops at the first row
   * with an order due, a target submitted at lag 0, no target submitted yet, or a value that
   * would not be positive (the row loop takes it). Returns that row; the cash and the last
   * equity are left in `cash` and `scanEquity`.
   */
  private quietMixedRows(
    plan: TargetPlan, row: number, endRow: number, lag: number, periodEnd: boolean, calendar: Uint8Array, rate: number, prevEquity: number,
    metrics: ReturnMetricsAccumulator, tally: PortfolioTally,
  ): number {
    const n = this.assets, codes = plan.codes, size = (plan.palette.length / n) | 0;
    const dueRow = this.dueRow, dueTarget = this.dueTarget, warmup = plan.warmup, keep = KEEP, differs = this.differs, ends = this.ends;
    let last = this.scanLast;
    let nextDue = this.nextDue(row, endRow, lag + 1);
    const st = this.mix;
    st.fill(0);
    st[MIX_CASH] = this.cash;
    st[MIX_PREV] = prevEquity;
    st[MIX_GROWTH] = metrics.growth;
    st[MIX_PEAK] = st[MIX_TROUGH] = metrics.drawdown.peak;
    st[MIX_DEPTH] = metrics.drawdown.depth;
    for (;;) {
      // At period ends, with no order in flight and one target proposed on every row left: the
      // periods in a loop of their own (periodicTarget).
      if (periodEnd && lag > 0 && nextDue > endRow && row >= warmup && last >= 0 && this.nextChange(row) > endRow) {
        const code = codes[row];
        if (code === keep || (code >= 0 && code < size)) {
          const target = code === keep ? last : code;
          const decided = tally.decisions;
          const stop = this.periodicTarget(plan.palette, target, row, endRow, lag, rate, tally);
          if (stop > row) {
            if (tally.decisions > decided) last = target;
            row = stop;
            nextDue = this.nextDue(row, endRow, lag + 1);
            if (!this.mixedLongOnly(st[MIX_CASH], st[MIX_PREV])) break;
          }
        }
      }
      // The rows up to the next one that submits a target or stops the loop, by their codes
      // only: one code per run of equal codes (the plan's changes), and at period ends one row
      // per period.
      let r = row, submitted = -1;
      while (r < nextDue) {
        if (r < warmup) {
          r = warmup < nextDue ? warmup : nextDue;
          continue;
        }
        if (last < 0) break;
        const code = codes[r];
        if (code !== keep && !(code >= 0 && code < size)) break;
        const target = code === keep ? last : code;
        if (periodEnd ? calendar[r] !== 0 : differs[target * size + last] !== 0) {
          // A target submitted here (lag ≥ 1) is only scheduled: the row itself stays quiet.
          if (lag > 0) submitted = target;
          break;
        }
        let next = this.nextChange(r);
        if (periodEnd && ends[r] < next) next = ends[r];
        r = next < nextDue ? next : nextDue;
      }
      // An order due at row r (lag ≥ 1: none is due at lag 0) executes here too when the row's
      // own decision is one this loop takes (checked first, so a row it leaves is left untouched).
      let executes = false;
      if (submitted < 0 && r === nextDue && r <= endRow) {
        executes = r < warmup;
        if (!executes && last >= 0) {
          const code = codes[r];
          if (code === keep || (code >= 0 && code < size)) {
            const target = code === keep ? last : code;
            executes = true;
            if (periodEnd ? calendar[r] !== 0 : differs[target * size + last] !== 0) submitted = target;
          }
        }
      }
      // Then those rows (and a submitting one without an order due), marked to market.
      const upto = submitted >= 0 && !executes ? r + 1 : r;
      if (row < upto) row = this.markRows(row, upto);
      if (row < upto || (submitted < 0 && !executes)) break;
      if (executes) {
        // Row r with its order due: marked to market, then the order executed (executeMixRow).
        // The order's slot (`r % (lag + 1)`), found among the few slots without a division.
        let slot = 0;
        while (slot < lag && dueRow[slot] !== r) slot += 1;
        if (!this.executeMixRow(r, plan.palette, dueTarget[slot], rate, tally)) break;
        dueRow[slot] = -1;
        row = r + 1;
      }
      if (submitted >= 0) {
        tally.decisions += 1;
        last = submitted;
        const slot = (r + lag) % (lag + 1);
        dueRow[slot] = r + lag;
        dueTarget[slot] = submitted;
      }
      if (executes) {
        nextDue = this.nextDue(r + 1, endRow, lag + 1);
        // A trade that leaves the portfolio wholly in one asset or short goes back to the row loop, which picks the way on.
        if (!this.mixedLongOnly(st[MIX_CASH], st[MIX_PREV])) break;
      } else if (r + lag < nextDue) nextDue = r + lag;
    }
    this.scanLast = last;
    if (st[MIX_COUNT] > 0) {
      metrics.pushSums(st[MIX_COUNT], st[MIX_SR], st[MIX_SR2], st[MIX_SE], st[MIX_SE2]);
      metrics.growth = st[MIX_GROWTH];
      if (!metrics.undefinedDrawdown) {
        metrics.drawdown.peak = st[MIX_PEAK];
        metrics.drawdown.depth = drawdownDepthStep(st[MIX_DEPTH], st[MIX_PEAK], st[MIX_TROUGH]);
      }
    }
    this.cash = st[MIX_CASH];
    this.scanEquity = st[MIX_PREV];
    return row;
  }

  /**
   * For {@link quietMixedRows}: marks row `r` to market, executes palette target `p` at its close
   * as the row loop does (`execute`), and adds the row's return, that of the equity after the
   * trade, to the `mix` state. Returns false, changing nothing, when the row's value before the
   * trade would not be positive and finite (the row loop takes the row).
   */
  private executeMixRow(r: number, palette: Float64Array, p: number, rate: number, tally: PortfolioTally): boolean {
    const st = this.mix, positions = this.positions, n = this.assets;
    const growth = this.growth as MarketGrowth, factors = growth.assetFactors, cashFactor = growth.cashFactors[r];
    let value = st[MIX_CASH] * cashFactor;
    for (let a = 0; a < n; a += 1) value += positions[a] * factors[a][r];
    if (!(value > 0 && value < Infinity)) return false;
    this.cash = st[MIX_CASH] * cashFactor;
    for (let a = 0; a < n; a += 1) positions[a] *= factors[a][r];
    const gross = this.execute(palette, p, rate, tally);
    value = this.cash;
    for (let a = 0; a < n; a += 1) value += positions[a];
    if (gross > 0) {
      tally.rebalances += 1;
      tally.addTurnover(gross, value);
    }
    st[MIX_CASH] = this.cash;
    this.addMixRow(value, growth.cashReturns[r]);
    return true;
  }

  /**
   * For {@link quietMixedRows} at period ends with lag ≥ 1, no order in flight, and target `p`
   * proposed on every row from `row` to `endRow`: period by period, marks the rows up to the
   * order's row (`markRows`), counts the decision at the period's end, and executes the order
   * `lag` rows later (`executeMixRow`), as that loop would, without its search for the next row
   * that decides (no order slots, no code reads). Stops before a period whose order would fall
   * after `endRow` or on or after the next period's end, at a row whose value would not be
   * positive (an order already decided then waits in its slot), or after a trade that leaves the
   * portfolio not mixed or short. Returns the first row not run.
   */
  private periodicTarget(palette: Float64Array, p: number, row: number, endRow: number, lag: number, rate: number, tally: PortfolioTally): number {
    const ends = this.ends, st = this.mix;
    for (;;) {
      const end = ends[row], order = end + lag;
      if (order > endRow || ends[end + 1] <= order) return row;
      const marked = this.markRows(row, order);
      if (marked <= end) return marked; // the period's end not reached: the row loop decides there
      tally.decisions += 1;
      if (marked < order || !this.executeMixRow(order, palette, p, rate, tally)) {
        // Decided, not executed: the order waits in its slot for the row loop.
        const slot = order % (lag + 1);
        this.dueRow[slot] = order;
        this.dueTarget[slot] = p;
        return marked;
      }
      row = order + 1;
      if (!this.mixedLongOnly(st[MIX_CASH], st[MIX_PREV])) return row;
    }
  }

  /**
   * For {@link quietMixedRows}: marks rows `from .. to − 1` to market as the row loop does
   * (positions, and cash in the `mix` state) and adds their returns to the `mix` state; stops
   * early at a row whose value would not be positive and finite. Returns the first row not
   * marked. A function of its own without calls, so V8 keeps the running numbers in registers:
   * inline in quietMixedRows, whose loop calls `execute`, the rows took 10 to 15% longer
   * (alternating runs of both versions on this machine). The running numbers start from the Float64Array `mix`, not from object fields: read from a
   * typed array they are raw doubles, whereas from fields (some of which start as small
   * integers) some processes compiled the loop with boxed numbers (about 800 extra scavenges
   * and 5 times the time per row).
   */
  private markRows(from: number, to: number): number {
    const st = this.mix, positions = this.positions, n = this.assets;
    const growth = this.growth as MarketGrowth, factors = growth.assetFactors, cashFactors = growth.cashFactors, cashReturns = growth.cashReturns;
    let cash = st[MIX_CASH], prev = st[MIX_PREV], sr = st[MIX_SR], sr2 = st[MIX_SR2], se = st[MIX_SE], se2 = st[MIX_SE2];
    let w = st[MIX_GROWTH], peak = st[MIX_PEAK], depth = st[MIX_DEPTH], trough = st[MIX_TROUGH];
    const two = n === 2, f0 = factors[0], f1 = two ? factors[1] : f0;
    let p0 = positions[0], p1 = two ? positions[1] : 0;
    let row = from;
    for (; row < to; row += 1) {
      let value: number;
      if (two) {
        // Two assets (the legs): positions in locals, no loop over the factor arrays (about twice as fast).
        const x0 = p0 * f0[row], x1 = p1 * f1[row], c = cash * cashFactors[row];
        value = c + x0 + x1;
        if (!(value > 0 && value < Infinity)) break;
        p0 = x0;
        p1 = x1;
        cash = c;
      } else {
        value = cash * cashFactors[row];
        for (let a = 0; a < n; a += 1) value += positions[a] * factors[a][row];
        if (!(value > 0 && value < Infinity)) break;
        cash *= cashFactors[row];
        for (let a = 0; a < n; a += 1) positions[a] *= factors[a][row];
      }
      // As addMixRow, inline: the moments' sums, the growth, and the drawdown by its trough.
      const ret = value / prev - 1, e = ret - cashReturns[row];
      sr += ret;
      sr2 += ret * ret;
      se += e;
      se2 += e * e;
      w *= 1 + ret;
      if (w > peak) {
        depth = drawdownDepthStep(depth, peak, trough);
        peak = w;
        trough = w;
      } else if (w < trough) trough = w;
      prev = value;
    }
    if (two) {
      positions[0] = p0;
      positions[1] = p1;
    }
    st[MIX_CASH] = cash;
    st[MIX_PREV] = prev;
    st[MIX_COUNT] += row - from;
    st[MIX_SR] = sr;
    st[MIX_SR2] = sr2;
    st[MIX_SE] = se;
    st[MIX_SE2] = se2;
    st[MIX_GROWTH] = w;
    st[MIX_PEAK] = peak;
    st[MIX_DEPTH] = depth;
    st[MIX_TROUGH] = trough;
    return row;
  }

  /**
   * Adds one row of equity `value` (cash returning `rc`) to the `mix` state of
   * {@link quietMixedRows}, as {@link markRows} adds each of its rows. The drawdown is kept as
   * the lowest wealth since the running peak (the trough), folded into the depth when a new peak
   * is set and when the state is read: the same numbers as a depth step every row, since
   * `trough / peak − 1` is the least of `w / peak − 1` over those rows (rounding is monotone),
   * without a division a row (about a quarter of the loop's time).
   */
  private addMixRow(value: number, rc: number): void {
    const st = this.mix;
    const ret = value / st[MIX_PREV] - 1, e = ret - rc;
    st[MIX_COUNT] += 1;
    st[MIX_SR] += ret;
    st[MIX_SR2] += ret * ret;
    st[MIX_SE] += e;
    st[MIX_SE2] += e * e;
    const w = st[MIX_GROWTH] * (1 + ret);
    st[MIX_GROWTH] = w;
    if (w > st[MIX_PEAK]) {
      st[MIX_DEPTH] = drawdownDepthStep(st[MIX_DEPTH], st[MIX_PEAK], st[MIX_TROUGH]);
      st[MIX_PEAK] = w;
      st[MIX_TROUGH] = w;
    } else if (w < st[MIX_TROUGH]) st[MIX_TROUGH] = w;
    st[MIX_PREV] = value;
  }

  /**
   * After a trade in {@link quietMixedRows}: whether the portfolio stays one that loop runs, long
   * only (see {@link longOnly}) and not wholly in one asset (cash not 0, or two positions not 0).
   */
  private mixedLongOnly(cash: number, value: number): boolean {
    if (!this.longOnly(cash, value)) return false;
    if (cash !== 0) return true;
    let held = 0;
    for (let a = 0; a < this.assets; a += 1) if (this.positions[a] !== 0) held += 1;
    return held > 1;
  }

  /** Whether no position and no cash is below 0 (cash to rounding: 1e-9 of the value). */
  private longOnly(cash: number, value: number): boolean {
    if (!(cash >= -1e-9 * value)) return false;
    for (let a = 0; a < this.assets; a += 1) if (!(this.positions[a] >= 0)) return false;
    return true;
  }

  /**
   * The growth factors of `data` (`marketGrowth`) from row `fromRow` on, kept for the kernel's
   * next run on the same market; a run on another market overwrites their arrays (one market's worth of memory
   * per kernel, not one per market run: the simulated paths run market after market).
   */
  private growthOf(data: MarketData, fromRow: number): MarketGrowth {
    // From `fromRow` on only (see marketGrowth): a path's warm-up rows, the same on every path, are not computed again.
    if (this.growthData !== data || this.growth === null || this.growthFrom > fromRow) {
      this.growth = marketGrowth(data, this.growth ?? undefined, fromRow);
      this.growthData = data;
      this.growthFrom = fromRow;
    }
    return this.growth;
  }

  /**
   * The asset the portfolio is wholly in (cash exactly 0, one position not 0, the others 0) if
   * it has prefix tables (with `tables`) or only positive finite factors (without), else
   * {@link NOT_ONE_ASSET}.
   */
  private heldAsset(cash: number, tables: readonly (HoldingTable | null)[] | null, growth: MarketGrowth): number {
    if (cash !== 0) return NOT_ONE_ASSET;
    let found = NOT_ONE_ASSET;
    for (let a = 0; a < this.assets; a += 1) {
      if (this.positions[a] === 0) continue;
      if (found !== NOT_ONE_ASSET || !(this.positions[a] > 0)) return NOT_ONE_ASSET;
      found = a;
    }
    if (found === NOT_ONE_ASSET) return NOT_ONE_ASSET;
    return (tables === null ? growth.positive[found] === 1 : tables[found] !== null) ? found : NOT_ONE_ASSET;
  }

  /** Per palette pair whether the targets differ (by more than 1e-12 in a weight), and per target whether the limits refuse it. */
  private prepareTargets(plan: TargetPlan, config: BacktestConfig, size: number): void {
    const n = this.assets, palette = plan.palette;
    if (this.refused.length < size) {
      this.refused = new Uint8Array(size);
      this.differs = new Uint8Array(size * size);
      this.holds = new Int32Array(size);
    }
    for (let p = 0; p < size; p += 1) {
      this.refused[p] = targetProblem(palette, config.limits, p * n, n) === null ? 0 : 1;
      let asset = NOT_ONE_ASSET, others = 0;
      for (let a = 0; a < n; a += 1) {
        const w = palette[p * n + a];
        if (w === 1 && asset === NOT_ONE_ASSET) asset = a;
        else if (w !== 0) others += 1;
      }
      this.holds[p] = this.refused[p] === 0 && others === 0 ? asset : NOT_ONE_ASSET;
      for (let q = 0; q < size; q += 1) {
        let d = 0;
        for (let a = 0; a < n; a += 1) if (Math.abs(palette[p * n + a] - palette[q * n + a]) > 1e-12) d = 1;
        this.differs[p * size + q] = d;
      }
    }
  }
}
