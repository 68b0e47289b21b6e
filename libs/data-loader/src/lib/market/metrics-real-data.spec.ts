import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  alpha,
  annualizedVolatility,
  beta,
  cagr,
  calmarRatio,
  computeMetrics,
  drawdownSeriesInto,
  excessReturn,
  hitRate,
  informationRatio,
  maxDrawdown,
  maxDrawdownFromReturns,
  sharpeRatio,
  sortinoRatio,
  totalReturn,
  trackingError,
  rebalanceCount,
  turnover,
} from '@ratecut/sim-core';
import { realDataDir } from '../../testing/real-data-dir';

/**
 * Checks sim-core's metrics against an independent, deliberately plain re-implementation
 * (two-pass mean and variance, explicit arrays, numpy-style formulas) on real data: SPY and
 * IWM daily total-return closes (Yahoo via guydekowski/market-lab, normalized) and the
 * Fama-French daily risk-free rate as the cash return. Skipped when the data folder is absent.
 */
const dataDir = realDataDir();
const spyFile = join(dataDir, 'yahoo_marketlab_guydekowski', 'SPY.normalized.csv');
const iwmFile = join(dataDir, 'yahoo_marketlab_guydekowski', 'IWM.normalized.csv');
const rfFile = join(dataDir, 'fama_french', 'F-F_Research_Data_Factors_daily.CSV');
const haveData = existsSync(spyFile) && existsSync(iwmFile);
const describeReal = haveData ? describe : describe.skip;

const PPY = 252;
const REL = 1e-10;

/** date (YYYY-MM-DD) -> close, by plain string splitting. */
function readCloses(file: string): Map<string, number> {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const dateCol = header.indexOf('date'), closeCol = header.indexOf('close');
  const out = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    out.set(cells[dateCol], Number(cells[closeCol]));
  }
  return out;
}

/** Fama-French daily RF (percent per day) as YYYY-MM-DD -> decimal per day; empty when the file is absent. */
function readFamaFrenchRf(file: string): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!/^\d{8},/.test(line)) continue;
    const cells = line.split(',');
    const d = cells[0];
    out.set(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, Number(cells[cells.length - 1]) / 100);
  }
  return out;
}

interface Returns {
  dates: string[]; // dates[i] is the end date of period i
  cols: Float64Array[];
}

/** Simple returns between consecutive common dates of the given close series. */
function commonReturns(series: Map<string, number>[]): Returns {
  const dates = [...series[0].keys()].filter((d) => series.every((s) => s.has(d))).sort();
  const cols = series.map((s) => {
    const r = new Float64Array(dates.length - 1);
    for (let i = 1; i < dates.length; i += 1) r[i - 1] = s.get(dates[i])! / s.get(dates[i - 1])! - 1;
    return r;
  });
  return { dates: dates.slice(1), cols };
}

// ---- independent reference implementations (two-pass, explicit, no sharing with sim-core) ----

const arr = (a: Float64Array): number[] => Array.from(a);
const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
const avg = (xs: number[]): number => sum(xs) / xs.length;
function variance(xs: number[]): number {
  const m = avg(xs);
  return sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1);
}
const sub = (a: number[], b: number[]): number[] => a.map((x, i) => x - b[i]);
function refTotal(r: number[]): number {
  let p = 1;
  for (const x of r) p *= 1 + x;
  return p - 1;
}
const refCagr = (r: number[]): number => (1 + refTotal(r)) ** (PPY / r.length) - 1;
const refVol = (r: number[]): number => Math.sqrt(variance(r)) * Math.sqrt(PPY);
function refSharpe(r: number[], rf: number[]): number {
  const e = sub(r, rf);
  return (avg(e) / Math.sqrt(variance(e))) * Math.sqrt(PPY);
}
function refSortino(r: number[], rf: number[]): number {
  const e = sub(r, rf);
  const dd = Math.sqrt(avg(e.map((x) => Math.min(0, x) ** 2)));
  return (avg(e) / dd) * Math.sqrt(PPY);
}
/** Drawdown of the wealth path [1, W_0, W_1, ...]; indices returned in "end of period i" terms (-1 = start). */
function refMaxDrawdown(r: number[]): { depth: number; peakIndex: number; troughIndex: number; recoveryIndex: number } {
  const wealth = [1];
  for (const x of r) wealth.push(wealth[wealth.length - 1] * (1 + x));
  const runMax: number[] = [];
  for (const w of wealth) runMax.push(Math.max(w, runMax.length > 0 ? runMax[runMax.length - 1] : -Infinity));
  const dd = wealth.map((w, i) => w / runMax[i] - 1);
  let trough = 0;
  for (let i = 1; i < dd.length; i += 1) if (dd[i] < dd[trough]) trough = i;
  let peak = trough;
  while (peak > 0 && wealth[peak] < runMax[trough]) peak -= 1;
  while (peak + 1 <= trough && wealth[peak + 1] >= runMax[trough]) peak += 1;
  let recovery = -1;
  for (let i = trough + 1; i < wealth.length; i += 1) if (wealth[i] >= wealth[peak]) { recovery = i; break; }
  return { depth: dd[trough], peakIndex: peak - 1, troughIndex: trough - 1, recoveryIndex: recovery < 0 ? -1 : recovery - 1 };
}
const refTe = (r: number[], b: number[]): number => Math.sqrt(variance(sub(r, b))) * Math.sqrt(PPY);
const refIr = (r: number[], b: number[]): number => (avg(sub(r, b)) * PPY) / refTe(r, b);
function refBeta(r: number[], b: number[]): number {
  const mr = avg(r), mb = avg(b);
  return sum(r.map((x, i) => (x - mr) * (b[i] - mb))) / sum(b.map((x) => (x - mb) ** 2));
}
/** OLS intercept of (r - rf) on (b - rf), times periods per year. */
function refAlpha(r: number[], b: number[], rf: number[]): number {
  const y = sub(r, rf), x = sub(b, rf);
  const slope = refBeta(y, x);
  return (avg(y) - slope * avg(x)) * PPY;
}

function expectRel(actual: number, expected: number, what: string, tol = REL): void {
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect([what, Math.abs(actual - expected) / scale <= tol]).toEqual([what, true]);
}

describeReal('metrics on real SPY / IWM data against an independent calculation', () => {
  const spy = readCloses(spyFile), iwm = readCloses(iwmFile), rfByDay = readFamaFrenchRf(rfFile);
  // common trading days of IWM, SPY and (when present) the Fama-French file, which ends in 2024
  const { dates, cols } = commonReturns(rfByDay.size > 0 ? [iwm, spy, rfByDay] : [iwm, spy]);
  const [iwmR, spyR] = cols;
  // cash return of each period: Fama-French daily RF of the period's end date (0 without the file)
  const rf = Float64Array.from(dates, (d) => rfByDay.get(d) ?? 0);
  const r = arr(iwmR), b = arr(spyR), c = arr(rf);

  it('has a long common history', () => {
    expect(dates[0] <= '2000-06-30').toBe(true);
    expect(dates[dates.length - 1] >= '2024-12-31').toBe(true);
    expect(iwmR.length).toBeGreaterThan(6000);
    expect(iwmR.every((x) => Number.isFinite(x))).toBe(true);
  });

  it('matches on the return and risk metrics of IWM over SPY', () => {
    expectRel(totalReturn(iwmR), refTotal(r), 'totalReturn');
    expectRel(cagr(iwmR, PPY), refCagr(r), 'cagr');
    expectRel(cagr(spyR, PPY), refCagr(b), 'cagr spy');
    expectRel(annualizedVolatility(iwmR, PPY), refVol(r), 'vol');
    expectRel(sharpeRatio(iwmR, rf, PPY), refSharpe(r, c), 'sharpe');
    expectRel(sortinoRatio(iwmR, rf, PPY), refSortino(r, c), 'sortino');
    expectRel(excessReturn(iwmR, spyR, PPY), refCagr(r) - refCagr(b), 'excessReturn');
    expectRel(trackingError(iwmR, spyR, PPY), refTe(r, b), 'trackingError');
    expectRel(informationRatio(iwmR, spyR, PPY), refIr(r, b), 'informationRatio');
    expectRel(beta(iwmR, spyR), refBeta(r, b), 'beta');
    expectRel(alpha(iwmR, spyR, rf, PPY), refAlpha(r, b, c), 'alpha');
    expect(hitRate(iwmR, spyR)).toBe(r.filter((x, i) => x > b[i]).length / r.length);
  });

  it('matches on drawdowns and the Calmar ratio', () => {
    for (const [name, ret, ref] of [['iwm', iwmR, r], ['spy', spyR, b]] as const) {
      const got = maxDrawdownFromReturns(ret), want = refMaxDrawdown(ref);
      expectRel(got.depth, want.depth, `${name} depth`);
      expect({ ...got, depth: 0 }).toEqual({ ...want, depth: 0 });
      expectRel(calmarRatio(ret, PPY), refCagr(ref) / Math.abs(want.depth), `${name} calmar`);
    }
    // the equity-curve form on SPY's closes agrees with the return form (index shift of one)
    const closes = Float64Array.from(dates, (d) => spy.get(d)!);
    const ddEq = maxDrawdown(closes), ddR = maxDrawdownFromReturns(spyR);
    expectRel(ddEq.depth, ddR.depth, 'equity vs returns depth', 1e-12);
    expect([ddEq.peakIndex, ddEq.troughIndex]).toEqual([ddR.peakIndex, ddR.troughIndex]);
    const path = drawdownSeriesInto(new Float64Array(closes.length), closes);
    expect(Math.min(...path)).toBe(ddEq.depth);
  });

  it('matches on windows: each calendar year 2001-2024', () => {
    for (let year = 2001; year <= 2024; year += 1) {
      const start = dates.findIndex((d) => d >= `${year}-01-01`);
      const end = dates.findIndex((d) => d >= `${year + 1}-01-01`);
      const e = end < 0 ? dates.length : end;
      const rw = r.slice(start, e), bw = b.slice(start, e), cw = c.slice(start, e);
      expectRel(totalReturn(iwmR, start, e), refTotal(rw), `${year} total`);
      expectRel(annualizedVolatility(iwmR, PPY, start, e), refVol(rw), `${year} vol`);
      expectRel(sharpeRatio(iwmR, rf, PPY, start, e), refSharpe(rw, cw), `${year} sharpe`);
      expectRel(beta(iwmR, spyR, start, e), refBeta(rw, bw), `${year} beta`);
      expectRel(alpha(iwmR, spyR, rf, PPY, start, e), refAlpha(rw, bw, cw), `${year} alpha`);
      const dd = maxDrawdownFromReturns(iwmR, start, e), want = refMaxDrawdown(rw);
      expectRel(dd.depth, want.depth, `${year} depth`);
      const shift = (k: number, sentinel: boolean): number => (sentinel && k === -1 ? -1 : k + start);
      expect([dd.peakIndex, dd.troughIndex, dd.recoveryIndex]).toEqual([
        shift(want.peakIndex, false),
        shift(want.troughIndex, false),
        shift(want.recoveryIndex, true),
      ]);
    }
  });

  it('matches on turnover and trade count of a monthly-rebalanced 50/50 SPY/IWM portfolio', () => {
    // Simulated here, independently of sim-core's engine: rebalance to 50/50 at the close of the
    // first trading day of each month; tradedValue = sum |target - drifted holding|.
    const n = iwmR.length;
    const ret = new Float64Array(n), traded = new Float64Array(n), equity = new Float64Array(n);
    let hS = 50, hI = 50;
    for (let i = 0; i < n; i += 1) {
      const before = hS + hI;
      hS *= 1 + spyR[i];
      hI *= 1 + iwmR[i];
      const v = hS + hI;
      ret[i] = v / before - 1;
      equity[i] = v;
      if (i === 0 || dates[i].slice(0, 7) !== dates[i - 1].slice(0, 7)) {
        traded[i] = Math.abs(v / 2 - hS) + Math.abs(v / 2 - hI);
        hS = v / 2;
        hI = v / 2;
      }
    }
    const perPeriod = arr(traded).map((t, i) => t / (2 * equity[i]));
    expectRel(turnover(traded, equity, PPY), avg(perPeriod) * PPY, 'turnover');
    expect(rebalanceCount(traded)).toBe(arr(traded).filter((t) => t > 0).length);
    const m = computeMetrics({ returns: ret, cashReturns: rf, benchmarkReturns: spyR, tradedValue: traded, equity, periodsPerYear: PPY });
    expectRel(m.cagr, refCagr(arr(ret)), 'portfolio cagr');
    expectRel(m.sharpeRatio, refSharpe(arr(ret), c), 'portfolio sharpe');
    expectRel(m.beta, refBeta(arr(ret), b), 'portfolio beta');
    expect(m.rebalanceCount).toBeGreaterThan(250); // about one per month over 24+ years
    expect(m.turnover).toBeGreaterThan(0);
    expect(m.turnover).toBeLessThan(0.5); // drift between two equity indices is small
  });

  it('reproduces known figures loosely', () => {
    const spyOnly = commonReturns([spy]);
    const s = spyOnly.dates.findIndex((d) => d >= '2000-01-01');
    const e = spyOnly.dates.findIndex((d) => d >= '2026-01-01');
    const spyAll = spyOnly.cols[0];
    const vol = annualizedVolatility(spyAll, PPY, s, e);
    expect(vol).toBeGreaterThan(0.15);
    expect(vol).toBeLessThan(0.25);
    const yearWindow = (year: number): [number, number] => [
      spyOnly.dates.findIndex((d) => d >= `${year}-01-01`),
      spyOnly.dates.findIndex((d) => d >= `${year + 1}-01-01`),
    ];
    // annual total returns listed in the data's PROVENANCE.md
    expect(totalReturn(spyAll, ...yearWindow(2024))).toBeCloseTo(0.2489, 3);
    expect(totalReturn(spyAll, ...yearWindow(2022))).toBeCloseTo(-0.1818, 3);
    // the 2007-2009 bear market took SPY (with dividends) down about 55%
    const gfc = maxDrawdownFromReturns(spyAll, yearWindow(2007)[0], yearWindow(2009)[1]);
    expect(gfc.depth).toBeGreaterThan(-0.6);
    expect(gfc.depth).toBeLessThan(-0.5);
    expect(spyOnly.dates[gfc.troughIndex].startsWith('2009-03')).toBe(true);
    // small caps move more than the market
    expect(beta(iwmR, spyR)).toBeGreaterThan(1);
    expect(beta(iwmR, spyR)).toBeLessThan(1.4);
  });
});
