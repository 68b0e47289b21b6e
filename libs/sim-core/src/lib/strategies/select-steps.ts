import { SMA, EMA, RSI, MACD } from 'technicalindicators';
import { atLeastBp, rateMoveBp } from '../fed/rate-move-bp';
import { addMonths } from '../time/day-number';
import { statelessStep, type DecisionContext, type Selection, type Step } from './strategy';

/** Column indices of the two legs every built-in strategy uses. */
export const SMALL = 0;
export const LARGE = 1;

/** Always the same assets. */
export const holdAssets = (assets: readonly number[]): Step<void, Selection> =>
  statelessStep(`hold(${assets.join(',')})`, 0, () => assets);

/** The leg held by the last target (the one with the larger weight), or -1 before any. */
function currentLeg(ctx: DecisionContext): number {
  const t = ctx.lastTarget;
  if (t === null) return -1;
  if (t[SMALL] === 0 && t[LARGE] === 0) return -1;
  return t[SMALL] >= t[LARGE] ? SMALL : LARGE;
}

/**
 * Relative momentum (Jegadeesh and Titman, 1993, applied to two legs): hold the leg with the
 * higher trailing return over `lookback` rows; switch away from the current leg only when the
 * other leg's trailing return exceeds it by more than `threshold` (decimal return points).
 */
export const relativeMomentum = (lookback: number, threshold: number): Step<void, Selection> =>
  statelessStep(`relative-momentum(${lookback},${threshold})`, lookback, (ctx) => {
    const rs = ctx.view.trailingReturn(SMALL, lookback);
    const rl = ctx.view.trailingReturn(LARGE, lookback);
    const leg = currentLeg(ctx);
    if (leg === -1) return [rs > rl ? SMALL : LARGE];
    const other = leg === SMALL ? LARGE : SMALL;
    const mine = leg === SMALL ? rs : rl, theirs = leg === SMALL ? rl : rs;
    return [theirs > mine + threshold ? other : leg];
  });

/** State of a cut detector: the policy-rate rows seen so far, folded into the cycle state. */
interface CutState {
  fedRows: number; // rows of history consumed
  lastMoveSign: number; // -1 cut, +1 hike, 0 none
  lastCutDay: number;
  cycleStartDay: number;
}

/**
 * Cut-trigger rotation: small caps for `holdMonths` calendar months from the first cut of an
 * easing cycle, large caps otherwise. A row-to-row fall of the policy rate of at least
 * `minMoveBp` (measured and compared by `rateMoveBp` / `atLeastBp`, as the detector does) is a cut; it starts a cycle when the previous counted move was a hike (or there
 * was none) or the previous cut is at least `pauseMonths` earlier, the same rule as
 * `detectEasingCycles`, applied to the past only.
 */
export const cutWindow = (holdMonths: number, minMoveBp: number, pauseMonths: number): Step<void, Selection, CutState> => ({
  name: `cut-window(${holdMonths}m)`,
  warmup: 1,
  init: () => ({ fedRows: 0, lastMoveSign: 0, lastCutDay: NaN, cycleStartDay: NaN }),
  run(ctx, _input, state) {
    const { view } = ctx;
    const available = view.history;
    for (let row = Math.max(state.fedRows, 1); row < available; row += 1) {
      const lag = available - 1 - row;
      const prev = view.policyRate(lag + 1), now = view.policyRate(lag);
      const changeBp = rateMoveBp(prev, now);
      if (!atLeastBp(changeBp, minMoveBp)) continue; // false for NaN (unknown rate)
      const day = view.dayAt(lag);
      if (changeBp < 0) {
        const afterPause = Number.isNaN(state.lastCutDay) || day >= addMonths(state.lastCutDay, pauseMonths);
        if (state.lastMoveSign >= 0 || afterPause) state.cycleStartDay = day;
        state.lastCutDay = day;
        state.lastMoveSign = -1;
      } else {
        state.lastMoveSign = 1;
      }
    }
    state.fedRows = available;
    const inWindow = !Number.isNaN(state.cycleStartDay) && view.day < addMonths(state.cycleStartDay, holdMonths);
    return [inWindow ? SMALL : LARGE];
  },
});

/** Which technical rule reads the small/large price ratio. */
export type TrendIndicator = 'sma' | 'ema' | 'rsi' | 'macd';

interface TrendState {
  fedRows: number;
  fast: SMA | EMA | RSI | MACD;
  slow: SMA | EMA | null;
  signal: number; // +1 small, -1 large, 0 undefined
}

/**
 * Trend filter on the ratio small/large (technicalindicators' streaming indicators):
 * `sma`/`ema`: small while the fast moving average of the ratio is above the slow one;
 * `rsi`: small while RSI(fast) of the ratio is above 50 (Wilder, 1978);
 * `macd`: small while the MACD histogram (fast, slow, signal) is positive (Appel, 1979).
 * Large until the indicator is defined. Indicators are fed every row from the first, once.
 */
export const trendFilter = (indicator: TrendIndicator, fast: number, slow: number, signalPeriod: number): Step<void, Selection, TrendState> => ({
  name: `trend(${indicator},${fast},${slow})`,
  warmup: indicator === 'rsi' ? fast + 1 : indicator === 'macd' ? slow + signalPeriod : slow,
  init: () => {
    const none: number[] = [];
    switch (indicator) {
      case 'sma': return { fedRows: 0, fast: new SMA({ period: fast, values: none }), slow: new SMA({ period: slow, values: none }), signal: 0 };
      case 'ema': return { fedRows: 0, fast: new EMA({ period: fast, values: none }), slow: new EMA({ period: slow, values: none }), signal: 0 };
      case 'rsi': return { fedRows: 0, fast: new RSI({ period: fast, values: none }), slow: null, signal: 0 };
      case 'macd':
        return {
          fedRows: 0,
          fast: new MACD({ values: none, fastPeriod: fast, slowPeriod: slow, signalPeriod, SimpleMAOscillator: false, SimpleMASignal: false }),
          slow: null,
          signal: 0,
        };
    }
  },
  run(ctx, _input, state) {
    const { view } = ctx;
    const available = view.history;
    for (let row = state.fedRows; row < available; row += 1) {
      const lag = available - 1 - row;
      const ratio = view.close(SMALL, lag) / view.close(LARGE, lag);
      if (indicator === 'sma' || indicator === 'ema') {
        const f = (state.fast as SMA | EMA).nextValue(ratio);
        const s = state.slow === null ? undefined : state.slow.nextValue(ratio);
        state.signal = f === undefined || s === undefined ? 0 : f > s ? 1 : -1;
      } else if (indicator === 'rsi') {
        const r = (state.fast as RSI).nextValue(ratio);
        state.signal = r === undefined ? 0 : r > 50 ? 1 : -1;
      } else {
        const m = (state.fast as MACD).nextValue(ratio);
        state.signal = m === undefined || m.histogram === undefined ? 0 : m.histogram > 0 ? 1 : -1;
      }
    }
    state.fedRows = available;
    return [state.signal > 0 ? SMALL : LARGE];
  },
});

/**
 * Rate regime: small caps while the policy rate has fallen by at least `dropBp` over the last
 * `months` calendar months (rate today vs the rate on the last row on or before that date),
 * otherwise large caps or cash (`otherwise`). The fall is measured and compared with
 * `rateMoveBp` / `atLeastBp` (rounded to 10⁻⁶ bp), so an exact 50 bp fall counts.
 */
export const rateRegime = (dropBp: number, months: number, otherwise: 'large' | 'cash', periodsPerYear: number): Step<void, Selection> =>
  statelessStep(`rate-regime(${dropBp}bp,${months}m)`, Math.ceil((months * periodsPerYear) / 12), (ctx) => {
    const { view } = ctx;
    const lag = view.lagAtOrBefore(addMonths(view.day, -months));
    const before = lag < 0 ? NaN : view.policyRate(lag);
    const moveBp = rateMoveBp(before, view.policyRate(0));
    const fell = moveBp < 0 && atLeastBp(moveBp, dropBp); // false for NaN (unknown rate)
    return fell ? [SMALL] : otherwise === 'large' ? [LARGE] : [];
  });
