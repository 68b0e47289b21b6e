import { MomentsAccumulator } from '../stats/moments-accumulator';
import { volatilityFromMoments } from './annualized-volatility';
import { cagrFromGrowth } from './cagr';
import { DrawdownTracker } from './drawdown-tracker';
import { sharpeFromMoments } from './sharpe-ratio';
import type { Moments } from './running-moments';

/**
 * The return-based metrics of a run, accumulated one period at a time without storing the
 * returns: total return, CAGR, volatility, Sharpe ratio and maximum drawdown, each the number the
 * batch function gives for the same returns (`totalReturn`, `cagr`, `annualizedVolatility`,
 * `sharpeRatio`, `maxDrawdownFromReturns`) and with the same NaN rules. The moments use the
 * batch functions' own accumulator (`MomentsAccumulator.push`, Welford, 1962) and the drawdown
 * their `DrawdownTracker`, on wealth compounded as `w *= 1 + r` from 1, as they do. Used by the
 * portfolio kernel, for which a run is a stream of periods.
 */
export class ReturnMetricsAccumulator {
  /** Moments of the returns `r` pushed one by one (see {@link volatility} for all of them). */
  private readonly returns = new MomentsAccumulator();
  /** Moments of the excess returns `r − rf` over cash, likewise. */
  private readonly excess = new MomentsAccumulator();
  /**
   * Periods added by their sums ({@link pushSums}) and not yet merged into the moments: plain
   * sums of their count, `Σ r`, `Σ r²`, `Σ (r − rf)`, `Σ (r − rf)²`, merged once when a moment is read.
   */
  private readonly pending = new Float64Array(5);
  /** Running peak and deepest drawdown of the compounded wealth. */
  readonly drawdown = new DrawdownTracker(1);
  /** `Π (1 + r)` so far. */
  growth = 1;
  /** Periods pushed. */
  periods = 0;
  /** A period with `1 + r <= 0` (or NaN) was pushed: CAGR is NaN. */
  notPositive = false;
  /** A NaN return or a non-finite wealth was pushed: the drawdown is NaN. */
  undefinedDrawdown = false;

  /** Forgets every period. */
  reset(): void {
    this.returns.reset();
    this.excess.reset();
    this.pending.fill(0);
    this.drawdown.reset(1);
    this.growth = 1;
    this.periods = 0;
    this.notPositive = false;
    this.undefinedDrawdown = false;
  }

  /** Adds one period: the strategy's simple return `r` and cash's `rf` over it (decimals). */
  push(r: number, rf: number): void {
    this.periods += 1;
    this.returns.push(r);
    this.excess.push(r - rf);
    const f = 1 + r;
    if (!(f > 0)) this.notPositive = true;
    const w = this.growth * f;
    this.growth = w;
    if (r !== r || !Number.isFinite(w)) this.undefinedDrawdown = true;
    else if (!this.undefinedDrawdown) this.drawdown.push(w);
  }

  /**
   * Adds `count` periods to the count and the moments only, from `Σ r`, `Σ r²`, `Σ (r − rf)` and
   * `Σ (r − rf)²`: for a caller that compounds {@link growth} and tracks {@link drawdown} through
   * those periods itself, as {@link push} does. The sums of all such calls are added up and merged
   * into the moments once, when one is read ({@link MomentsAccumulator.pushSums}: to rounding the
   * moments of pushing each period).
   */
  pushSums(count: number, sumR: number, sumR2: number, sumE: number, sumE2: number): void {
    this.periods += count;
    const p = this.pending;
    p[0] += count;
    p[1] += sumR;
    p[2] += sumR2;
    p[3] += sumE;
    p[4] += sumE2;
  }

  /** Merges the periods added by their sums into the moments. */
  private merged(): this {
    const p = this.pending;
    if (p[0] > 0) {
      this.returns.pushSums(p[0], p[1], p[2]);
      this.excess.pushSums(p[0], p[3], p[4]);
      p.fill(0);
    }
    return this;
  }

  /** `Π (1 + r) − 1`; NaN without periods. */
  totalReturn(): number {
    return this.periods === 0 ? NaN : this.growth - 1;
  }

  /** `(Π (1 + r))^(periodsPerYear / periods) − 1`; NaN without periods or after a period with `1 + r <= 0`. */
  cagr(periodsPerYear: number): number {
    if (this.periods === 0 || this.notPositive) return NaN;
    return cagrFromGrowth(this.growth, this.periods, periodsPerYear);
  }

  /** Sample standard deviation of `r` times `sqrt(periodsPerYear)`; NaN below 2 periods. */
  volatility(periodsPerYear: number): number {
    return volatilityFromMoments(this.merged().returns, periodsPerYear);
  }

  /** `mean(r − rf) / sd(r − rf) × sqrt(periodsPerYear)`; NaN below 2 periods or at zero variance. */
  sharpe(periodsPerYear: number): number {
    return sharpeFromMoments(this.merged().excess, periodsPerYear);
  }

  /** Count, mean and `Σ (e − mean)²` of the excess returns `e = r − rf` over cash (what {@link sharpe} reads). */
  excessMoments(): Moments {
    const e = this.merged().excess;
    return { count: e.count, mean: e.mean, m2: e.m2 };
  }

  /** Deepest `wealth / running peak − 1` (a decimal <= 0), starting capital as the first peak; NaN without periods or after a NaN. */
  maxDrawdown(): number {
    return this.periods === 0 || this.undefinedDrawdown ? NaN : this.drawdown.depth;
  }
}
