import { EMA, MACD, RSI } from 'technicalindicators';
import type { MarketData } from '../../market/market-data';
import { changesArray, NO_CODE, noteChange, planCodes, type TargetPlan } from '../../portfolio/target-plan';
import { LARGE, SMALL, type TrendIndicator } from '../select-steps';
import { LARGE_OR_SMALL, LEG_PALETTE } from './leg-palette';
import { recycledArray, type SignalCache } from './signal-cache';
import { simpleMovingAverageInto } from './simple-moving-average';

/** The ratio small / large at every row's close, the series the trend filter reads. */
function ratioSeries(data: MarketData, cache?: SignalCache): Float64Array {
  const make = (recycled?: Float64Array): Float64Array => {
    const s = data.closes[SMALL], l = data.closes[LARGE], n = data.days.length;
    const out = recycledArray(recycled, n);
    for (let t = 0; t < n; t += 1) out[t] = s[t] / l[t];
    return out;
  };
  return cache === undefined ? make() : cache.memo(data, 'trend:ratio', make);
}

/**
 * Places an indicator's batch output (technicalindicators' `calculate`, which gives the values
 * its streaming `nextValue` would give once defined, a suffix of the input's rows) at the rows it
 * belongs to; NaN where the indicator is not defined yet.
 */
function aligned(values: readonly number[], rows: number): Float64Array {
  const out = new Float64Array(rows).fill(NaN);
  out.set(values, rows - values.length);
  return out;
}

/**
 * An indicator of the small / large ratio at every row (NaN before it is defined), computed once
 * per kind and period(s) and kept in `cache`: a moving average (`sma` with
 * {@link simpleMovingAverageInto}, technicalindicators' arithmetic on typed arrays; `ema` with
 * technicalindicators' batch API), RSI, or the MACD histogram (fast, slow, signal; EMA oscillator
 * and signal, as the streaming step), the last three with the library's batch API.
 */
export function ratioIndicator(data: MarketData, kind: 'sma' | 'ema' | 'rsi' | 'macd', periods: readonly number[], cache?: SignalCache): Float64Array {
  const make = (recycled?: Float64Array): Float64Array => {
    const ratio = ratioSeries(data, cache), rows = data.days.length;
    const [p, slow, signal] = periods;
    if (kind === 'sma') return simpleMovingAverageInto(ratio, p, recycledArray(recycled, rows));
    // The library's batch API reads plain arrays.
    const values = Array.from(ratio);
    switch (kind) {
      case 'ema': return aligned(EMA.calculate({ period: p, values }), rows);
      case 'rsi': return aligned(RSI.calculate({ period: p, values }), rows);
      case 'macd': {
        const out = MACD.calculate({ values, fastPeriod: p, slowPeriod: slow, signalPeriod: signal, SimpleMAOscillator: false, SimpleMASignal: false });
        return aligned(out.map((m) => (m.histogram === undefined ? NaN : m.histogram)), rows);
      }
    }
  };
  return cache === undefined ? make() : cache.memo(data, `trend:${kind}:${periods.join(':')}`, make);
}

/**
 * The trend filter (`trendFilter`) as targets: small at row `t` while the indicator of the ratio
 * says so (fast average above the slow one; RSI above 50; MACD histogram above 0), large
 * otherwise and while it is undefined. `reuse`: a plan whose arrays may be overwritten (see `planCodes`).
 */
export function trendTargets(
  data: MarketData, indicator: TrendIndicator, fast: number, slow: number, signal: number, warmup: number, cache?: SignalCache, reuse?: TargetPlan,
): TargetPlan {
  const n = data.days.length;
  const codes = planCodes(n, reuse?.codes), changes = changesArray(n, reuse?.changes);
  // Small where `above[t] > below[t]` (both defined: NaN compares false): the fast average over
  // the slow one, RSI over 50, the MACD histogram over 0.
  let above: Float64Array, below: Float64Array | null = null, level = 0;
  if (indicator === 'sma' || indicator === 'ema') {
    above = ratioIndicator(data, indicator, [fast], cache);
    below = ratioIndicator(data, indicator, [slow], cache);
  } else if (indicator === 'rsi') {
    above = ratioIndicator(data, 'rsi', [fast], cache);
    level = 50;
  } else above = ratioIndicator(data, 'macd', [fast, slow, signal], cache);
  const pick = LARGE_OR_SMALL; // a table read, not a branch
  let c = 0, previous = NO_CODE;
  for (let t = warmup; t < n; t += 1) {
    const code = pick[+(above[t] > (below === null ? level : below[t]))];
    codes[t] = code;
    c = noteChange(changes, c, t, code, previous);
    previous = code;
  }
  changes[c] = n;
  return { assets: 2, palette: Float64Array.from(LEG_PALETTE), codes, initial: null, warmup, changes };
}
