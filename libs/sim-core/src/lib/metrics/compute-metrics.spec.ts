import { alpha } from './alpha';
import { annualizedVolatility } from './annualized-volatility';
import { beta } from './beta';
import { cagr } from './cagr';
import { calmarRatio } from './calmar-ratio';
import { computeMetrics } from './compute-metrics';
import { excessReturn } from './excess-return';
import { hitRate } from './hit-rate';
import { informationRatio } from './information-ratio';
import { maxDrawdownFromReturns } from './max-drawdown';
import { sharpeRatio } from './sharpe-ratio';
import { sortinoRatio } from './sortino-ratio';
import { totalReturn } from './total-return';
import { trackingError } from './tracking-error';
import { rebalanceCount } from './rebalance-count';
import { turnover } from './turnover';

const f = (...xs: number[]): Float64Array => Float64Array.from(xs);

const returns = f(0.02, -0.03, 0.01, 0.04, -0.02, 0.015);
const cashReturns = new Float64Array(6).fill(0.0003);
const benchmarkReturns = f(0.01, -0.02, 0.012, 0.03, -0.01, 0.01);
const tradedValue = f(200, 0, 0, 50, 0, 0);
const tradesPerPeriod = f(1, 0, 0, 4, 0, 0); // one buy out of cash, then a rebalance of four assets
const equity = f(100, 102, 98.94, 99.93, 103.93, 101.85);

describe('computeMetrics', () => {
  it('collects every metric into one record', () => {
    const m = computeMetrics({ returns, cashReturns, benchmarkReturns, tradedValue, tradesPerPeriod, equity, periodsPerYear: 12 });
    expect(m).toEqual({
      periods: 6,
      periodsPerYear: 12,
      totalReturn: totalReturn(returns),
      cagr: cagr(returns, 12),
      annualizedVolatility: annualizedVolatility(returns, 12),
      sharpeRatio: sharpeRatio(returns, cashReturns, 12),
      sortinoRatio: sortinoRatio(returns, cashReturns, 12),
      maxDrawdown: maxDrawdownFromReturns(returns),
      calmarRatio: calmarRatio(returns, 12),
      turnover: turnover(tradedValue, equity, 12),
      rebalanceCount: rebalanceCount(tradedValue),
      tradeCount: 5,
      excessReturn: excessReturn(returns, benchmarkReturns, 12),
      hitRate: hitRate(returns, benchmarkReturns),
      trackingError: trackingError(returns, benchmarkReturns, 12),
      informationRatio: informationRatio(returns, benchmarkReturns, 12),
      beta: beta(returns, benchmarkReturns),
      alpha: alpha(returns, benchmarkReturns, cashReturns, 12),
    });
    expect(m.rebalanceCount).toBe(2);
    expect(m.hitRate).toBe(0.5);
    for (const [k, v] of Object.entries(m)) if (k !== 'maxDrawdown') expect([k, Number.isFinite(v)]).toEqual([k, true]);
  });

  it('gives NaN for benchmark-relative and trading metrics without their inputs', () => {
    const m = computeMetrics({ returns, cashReturns, periodsPerYear: 12 });
    for (const k of ['excessReturn', 'hitRate', 'trackingError', 'informationRatio', 'beta', 'alpha', 'turnover', 'rebalanceCount', 'tradeCount'] as const) {
      expect([k, m[k]]).toEqual([k, NaN]);
    }
    expect(m.sharpeRatio).toBe(sharpeRatio(returns, cashReturns, 12));
    expect(computeMetrics({ returns, cashReturns, tradedValue, periodsPerYear: 12 }).turnover).toBeNaN();
    expect(computeMetrics({ returns, cashReturns, tradedValue, periodsPerYear: 12 }).rebalanceCount).toBe(2);
  });

  it('applies the window to every array', () => {
    const m = computeMetrics({ returns, cashReturns, benchmarkReturns, tradedValue, tradesPerPeriod, equity, periodsPerYear: 12, start: 1, end: 5 });
    expect(m.periods).toBe(4);
    expect(m.cagr).toBe(cagr(returns, 12, 1, 5));
    expect(m.maxDrawdown).toEqual(maxDrawdownFromReturns(returns, 1, 5));
    expect(m.rebalanceCount).toBe(1);
    expect(m.tradeCount).toBe(tradesPerPeriod.subarray(1, 5).reduce((a, x) => a + x, 0));
    expect(m.alpha).toBe(alpha(returns, benchmarkReturns, cashReturns, 12, 1, 5));
  });

  it('follows the NaN rule on an empty window', () => {
    const m = computeMetrics({ returns, cashReturns, benchmarkReturns, periodsPerYear: 12, start: 3, end: 3 });
    expect(m.periods).toBe(0);
    expect(m.totalReturn).toBeNaN();
    expect(m.sharpeRatio).toBeNaN();
    expect(m.maxDrawdown.depth).toBeNaN();
    expect(m.hitRate).toBeNaN();
  });

  it('throws RangeError when an array is misaligned with the returns', () => {
    expect(() => computeMetrics({ returns, cashReturns: f(0), periodsPerYear: 12 })).toThrow(RangeError);
    expect(() => computeMetrics({ returns, cashReturns, benchmarkReturns: f(0), periodsPerYear: 12 })).toThrow(RangeError);
    expect(() => computeMetrics({ returns, cashReturns, equity: f(1), periodsPerYear: 12 })).toThrow(RangeError);
    expect(() => computeMetrics({ returns, cashReturns, periodsPerYear: 12, end: 7 })).toThrow(RangeError);
  });
});
