/**
 * Generator for the SYNTHETIC fallback data sample in data/sample/.
 *
 * Everything written here is simulated from a seeded generator (seedrandom's `alea`). Nothing is
 * read from, copied from or fitted to real market data. See README.md next to this file.
 *
 * Usage: node tools/generate-sample/run.js [--out <dir>] [--seed <n>]
 *
 * The run is deterministic: the same seed gives byte-identical files. At the end the script reads
 * its own output back, checks it, and exits non-zero if any check fails.
 */
import * as fs from 'fs';
import * as path from 'path';
import seedrandom from 'seedrandom';
import { dayFromYmd, ymdFromDay } from '../../libs/sim-core/src/lib/time/day-number';

export const DEFAULT_SEED = 20241218;
const DEFAULT_OUT = path.resolve(__dirname, '..', '..', 'data', 'sample');
const MAX_TOTAL_BYTES = 1.5 * 1024 * 1024;

// ------------------------------------------------------------------------------------------------
// Calendar: integer day numbers (days since 1970-01-01, proleptic Gregorian, no time zone)
// ------------------------------------------------------------------------------------------------

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function iso(dayNumber: number): string {
  const [y, m, d] = ymdFromDay(dayNumber);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function parseIso(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`not an ISO date: ${text}`);
  const day = dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
  if (iso(day) !== text) throw new Error(`not a calendar date: ${text}`);
  return day;
}

/** Sample convention: a trading day is a weekday that is not 1 January or 25 December. */
function isTradingDay(dayNumber: number): boolean {
  const wd = weekday(dayNumber);
  if (wd === 0 || wd === 6) return false;
  const [, m, d] = ymdFromDay(dayNumber);
  return !((m === 1 && d === 1) || (m === 12 && d === 25));
}

function tradingDays(first: number, last: number): number[] {
  const out: number[] = [];
  for (let d = first; d <= last; d++) if (isTradingDay(d)) out.push(d);
  return out;
}

/** n-th (1-based) given weekday of a month. */
function nthWeekday(year: number, month: number, wd: number, n: number): number {
  const first = dayFromYmd(year, month, 1);
  return first + ((wd - weekday(first) + 7) % 7) + 7 * (n - 1);
}

// ------------------------------------------------------------------------------------------------
// Random numbers: alea sub-streams, a Marsaglia polar normal sampler, Student-t scale mixture
// ------------------------------------------------------------------------------------------------

class Rng {
  private readonly uniform: seedrandom.PRNG;
  private spare: number | null = null;

  constructor(seed: number, stream: string) {
    // One independent stream per component, so changing one component leaves the others alone.
    this.uniform = seedrandom.alea(`${seed}:${stream}`);
  }

  /** Uniform on [0, 1) with 53 random bits. */
  next(): number {
    return this.uniform.double();
  }

  /** Standard normal (Marsaglia polar form of Box–Muller: needs only log and sqrt). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }

  /**
   * Scale factor of a Student-t with `nu` (integer) degrees of freedom, normalised to unit
   * variance: normal() * tScale(nu) is t-distributed with variance 1.
   */
  tScale(nu: number): number {
    let chi2 = 0;
    for (let i = 0; i < nu; i++) {
      const z = this.normal();
      chi2 += z * z;
    }
    return Math.sqrt((nu - 2) / chi2);
  }
}

// ------------------------------------------------------------------------------------------------
// Synthetic policy path (fixed script, independent of the seed)
// ------------------------------------------------------------------------------------------------

const RATES_FIRST = dayFromYmd(1990, 1, 1);
const RATES_LAST = dayFromYmd(2025, 12, 31);
/** Last day of the point target; from the next day on the target is a 25 bp range. */
const POINT_TARGET_LAST = dayFromYmd(2008, 12, 15);
const START_TARGET_BP = 575;

/** Eight meeting-like dates a year: 2nd Thursday of Feb, Mar, May, Jun, Aug, Sep, Nov, Dec. */
const MEETING_MONTHS = [2, 3, 5, 6, 8, 9, 11, 12];

function meetingDay(year: number, meetingNo: number): number {
  const month = MEETING_MONTHS[meetingNo - 1];
  if (month === undefined) throw new Error(`meeting number ${meetingNo} out of 1..8`);
  return nthWeekday(year, month, 4, 2);
}

interface PolicyMove {
  /** Announcement day. */
  announced: number;
  /** First calendar day on which the new target applies (the day after the announcement). */
  effective: number;
  /** Change of the target (point) or of both range limits, in basis points. */
  bp: number;
  emergency: boolean;
}

type MoveSpec = [year: number, meetingNo: number, bp: number] | [isoDate: string, bp: number];

/**
 * The script of the synthetic path. [year, meeting 1..8, bp] is a scheduled move; [date, bp] is
 * an emergency (inter-meeting) move. Levels in the comments are the target (upper limit).
 * Deliberately unlike the real FOMC history.
 */
const POLICY_SCRIPT: MoveSpec[] = [
  // H1 hikes 1990: 5.75 -> 7.25
  [1990, 3, 25], [1990, 4, 25], [1990, 5, 50], [1990, 6, 25], [1990, 7, 25],
  // E1 easing 1991-1993 with an 8-month pause: 7.25 -> 6.00 || 6.00 -> 4.75
  [1991, 5, -25], [1991, 7, -50], [1991, 8, -50],
  [1992, 5, -25], [1992, 6, -50], [1992, 7, -25], [1993, 1, -25],
  // H2 hikes 1995-1996: 4.75 -> 6.50
  [1995, 3, 25], [1995, 4, 50], [1995, 6, 25], [1995, 8, 25], [1996, 2, 25], [1996, 3, 25],
  // E2 short easing 1997: 6.50 -> 5.75
  [1997, 6, -25], [1997, 7, -25], [1997, 8, -25],
  // H3 hikes 1999-2000: 5.75 -> 7.25
  [1999, 1, 25], [1999, 3, 25], [1999, 5, 50], [1999, 7, 25], [2000, 2, 25],
  // E3 deep easing 2002-2003 with an emergency cut: 7.25 -> 3.75
  [2002, 4, -50], ['2002-07-16', -50], [2002, 5, -50], [2002, 6, -50], [2002, 7, -25], [2002, 8, -25],
  [2003, 1, -25], [2003, 2, -25], [2003, 3, -25], [2003, 4, -25],
  // H4 hikes 2004-2006: 3.75 -> 6.00
  [2004, 6, 25], [2004, 7, 25], [2004, 8, 25], [2005, 2, 25], [2005, 3, 25], [2005, 5, 25], [2005, 7, 25],
  [2005, 8, 25], [2006, 1, 25],
  // E4 easing 2006-2008 with a 9-month pause: 6.00 -> 5.25 || 5.25 -> 3.75
  [2006, 8, -25], [2007, 1, -25], [2007, 2, -25],
  [2007, 8, -50], [2008, 1, -50], [2008, 2, -25], [2008, 3, -25],
  // (2008-12-16: point target 3.75 becomes the range 3.50-3.75; upper limit unchanged)
  // H5 hikes 2010-2011: 3.75 -> 5.00
  [2010, 4, 25], [2010, 6, 25], [2010, 8, 25], [2011, 2, 25], [2011, 5, 25],
  // E5 easing to the floor 2012-2013 with an emergency cut: 5.00 -> 0.25 (range 0.00-0.25)
  [2012, 2, -50], ['2012-04-03', -50], [2012, 3, -50], [2012, 4, -50], [2012, 5, -50], [2012, 6, -50],
  [2012, 7, -50], [2012, 8, -25], [2013, 1, -25], [2013, 2, -25], [2013, 3, -50],
  // H6 hikes 2015-2016: 0.25 -> 3.50
  [2015, 2, 25], [2015, 3, 25], [2015, 5, 25], [2015, 6, 50], [2015, 8, 25], [2016, 1, 25], [2016, 2, 50],
  [2016, 4, 25], [2016, 5, 25], [2016, 7, 25], [2016, 8, 25],
  // E6 easing 2018-2019 with a 7-month pause: 3.50 -> 2.75 || 2.75 -> 1.75
  [2018, 3, -25], [2018, 4, -25], [2018, 5, -25],
  [2019, 2, -25], [2019, 3, -25], [2019, 4, -50],
  // H7 hikes 2020-2021: 1.75 -> 4.75
  [2020, 6, 25], [2020, 7, 50], [2020, 8, 50], [2021, 1, 50], [2021, 2, 50], [2021, 3, 25], [2021, 5, 25],
  [2021, 8, 25],
  // E7 easing 2023-2025 with a 9-month pause: 4.75 -> 3.25 || 3.25 -> 2.50
  [2023, 5, -25], [2023, 6, -25], [2023, 8, -50], [2024, 1, -25], [2024, 3, -25],
  [2025, 1, -25], [2025, 3, -25], [2025, 5, -25],
];

function buildMoves(): PolicyMove[] {
  const moves = POLICY_SCRIPT.map((spec): PolicyMove => {
    if (typeof spec[0] === 'string') {
      const announced = parseIso(spec[0]);
      return { announced, effective: announced + 1, bp: spec[1], emergency: true };
    }
    const [year, meetingNo, bp] = spec as [number, number, number];
    const announced = meetingDay(year, meetingNo);
    return { announced, effective: announced + 1, bp, emergency: false };
  });
  moves.sort((a, b) => a.effective - b.effective);
  return moves;
}

interface TargetDay {
  day: number;
  lowerBp: number;
  upperBp: number;
}

function buildTarget(moves: PolicyMove[]): TargetDay[] {
  const out: TargetDay[] = [];
  let upper = START_TARGET_BP;
  let next = 0;
  for (let d = RATES_FIRST; d <= RATES_LAST; d++) {
    while (next < moves.length && moves[next].effective === d) upper += moves[next++].bp;
    const lower = d <= POINT_TARGET_LAST ? upper : upper - 25;
    out.push({ day: d, lowerBp: lower, upperBp: upper });
  }
  return out;
}

interface Cycle {
  direction: 'easing' | 'tightening';
  moves: PolicyMove[];
  fromBp: number;
  toBp: number;
  longestPauseDays: number;
  longestPauseFrom: number;
  longestPauseTo: number;
}

/** Cycles = maximal runs of moves in the same direction (pauses allowed inside a cycle). */
function cyclesOf(moves: PolicyMove[]): Cycle[] {
  const cycles: Cycle[] = [];
  let level = START_TARGET_BP;
  for (const move of moves) {
    const direction = move.bp < 0 ? 'easing' : 'tightening';
    let cycle = cycles[cycles.length - 1];
    if (!cycle || cycle.direction !== direction) {
      cycle = { direction, moves: [], fromBp: level, toBp: level, longestPauseDays: 0, longestPauseFrom: 0, longestPauseTo: 0 };
      cycles.push(cycle);
    }
    const prev = cycle.moves[cycle.moves.length - 1];
    if (prev && move.effective - prev.effective > cycle.longestPauseDays) {
      cycle.longestPauseDays = move.effective - prev.effective;
      cycle.longestPauseFrom = prev.effective;
      cycle.longestPauseTo = move.effective;
    }
    cycle.moves.push(move);
    level += move.bp;
    cycle.toBp = level;
  }
  return cycles;
}

// ------------------------------------------------------------------------------------------------
// Synthetic equity indices (daily) and total-return "ETFs"
// ------------------------------------------------------------------------------------------------

const MARKET_FIRST = dayFromYmd(1995, 1, 3);
const MARKET_LAST = dayFromYmd(2025, 12, 31);
const ETF_FIRST = dayFromYmd(2000, 5, 26);

const TRADING_DAYS_PER_YEAR = 252;
const SMALL = { vol: 0.205, drift: 0.095, start: 200, dividend: 0.013, fee: 0.0019 };
const LARGE = { vol: 0.148, drift: 0.085, start: 500, dividend: 0.018, fee: 0.0009 };
const CORRELATION = 0.8;
const T_DOF = 5;
/** Log-volatility AR(1): persistence and shock size (volatility clustering). */
const LOGVOL_PHI = 0.985;
const LOGVOL_SIGMA = 0.05;

/** Scripted drawdown regimes: annualised arithmetic drift and a volatility multiplier. */
const DRAWDOWNS = [
  { from: '2001-10-01', to: '2002-09-30', driftSmall: -0.3, driftLarge: -0.22, volMult: 1.5 },
  { from: '2011-09-01', to: '2012-05-31', driftSmall: -0.55, driftLarge: -0.4, volMult: 2.0 },
  { from: '2021-11-01', to: '2022-07-29', driftSmall: -0.3, driftLarge: -0.18, volMult: 1.3 },
].map((r) => ({ ...r, first: parseIso(r.from), last: parseIso(r.to) }));

interface MarketDay {
  day: number;
  /** Daily price returns (simple), small and large. */
  small: number;
  large: number;
}

function simulateMarket(seed: number): MarketDay[] {
  const rng = new Rng(seed, 'market');
  const logVolVar = (LOGVOL_SIGMA * LOGVOL_SIGMA) / (1 - LOGVOL_PHI * LOGVOL_PHI);
  let h = Math.sqrt(logVolVar) * rng.normal();
  const sqrtDt = Math.sqrt(1 / TRADING_DAYS_PER_YEAR);
  const orth = Math.sqrt(1 - CORRELATION * CORRELATION);
  const out: MarketDay[] = [];
  for (const day of tradingDays(MARKET_FIRST, MARKET_LAST)) {
    h = LOGVOL_PHI * h + LOGVOL_SIGMA * rng.normal();
    // E[exp(2h - 2 var)] = 1: the clustering leaves the average variance unchanged.
    let volMult = Math.exp(h - logVolVar);
    let driftSmall = SMALL.drift;
    let driftLarge = LARGE.drift;
    const regime = DRAWDOWNS.find((r) => day >= r.first && day <= r.last);
    if (regime) {
      volMult *= regime.volMult;
      driftSmall = regime.driftSmall;
      driftLarge = regime.driftLarge;
    }
    const scale = rng.tScale(T_DOF) * volMult * sqrtDt;
    const e1 = rng.normal();
    const e2 = rng.normal();
    const large = driftLarge / TRADING_DAYS_PER_YEAR + LARGE.vol * scale * e1;
    const small = driftSmall / TRADING_DAYS_PER_YEAR + SMALL.vol * scale * (CORRELATION * e1 + orth * e2);
    out.push({ day, small: Math.max(small, -0.5), large: Math.max(large, -0.5) });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Effective fed funds and 3-month bill
// ------------------------------------------------------------------------------------------------

function simulateDff(seed: number, target: TargetDay[]): number[] {
  const rng = new Rng(seed, 'dff');
  const out: number[] = [];
  let dev = 0;
  let value = NaN;
  for (const t of target) {
    // Business days set a new value; weekends and holidays repeat the previous business day.
    if (isTradingDay(t.day) || Number.isNaN(value)) {
      const midPct = (t.lowerBp + t.upperBp) / 200;
      if (t.day <= POINT_TARGET_LAST) {
        dev = 0.7 * dev + 0.05 * rng.normal(); // point era: trades around the target
        value = midPct + dev;
      } else {
        dev = 0.8 * dev + 0.01 * rng.normal(); // range era: a few bp under the middle
        value = midPct - 0.05 + dev;
      }
      value = Math.max(value, 0.02);
    }
    out.push(value);
  }
  return out;
}

/** 3-month bill ≈ expected target mid over the next 91 days, minus ~8 bp, plus noise. */
function simulateTbill(seed: number, target: TargetDay[]): { day: number; pct: number }[] {
  const rng = new Rng(seed, 'tbill');
  const horizon = 91;
  const prefix = [0];
  for (const t of target) prefix.push(prefix[prefix.length - 1] + (t.lowerBp + t.upperBp) / 200);
  const out: { day: number; pct: number }[] = [];
  let dev = 0;
  target.forEach((t, i) => {
    if (!isTradingDay(t.day)) return;
    const end = Math.min(i + horizon, target.length);
    const expected = (prefix[end] - prefix[i]) / (end - i);
    dev = 0.85 * dev + 0.025 * rng.normal();
    out.push({ day: t.day, pct: Math.max(expected - 0.08 + dev, 0) });
  });
  return out;
}

// ------------------------------------------------------------------------------------------------
// Monthly size portfolios (value-weighted deciles and aggregates)
// ------------------------------------------------------------------------------------------------

const FF_FIRST = { year: 1980, month: 1 };
const DECILES = ['Lo10', 'Dec2', 'Dec3', 'Dec4', 'Dec5', 'Dec6', 'Dec7', 'Dec8', 'Dec9', 'Hi10'];
/** Assumed share of total market cap in each decile (percent), for the value-weighted aggregates. */
const DECILE_CAP = [0.3, 0.5, 0.8, 1.1, 1.6, 2.4, 3.7, 6.0, 12.0, 71.6];
const AGGREGATES: [string, number[]][] = [
  ['Lo30', [0, 1, 2]], ['Med40', [3, 4, 5, 6]], ['Hi30', [7, 8, 9]],
  ['Lo20', [0, 1]], ['Qnt2', [2, 3]], ['Qnt3', [4, 5]], ['Qnt4', [6, 7]], ['Hi20', [8, 9]],
];
const FF_COLUMNS = [...AGGREGATES.map(([name]) => name), ...DECILES];

interface MonthRow {
  yyyymm: string;
  /** Return of each column in FF_COLUMNS, in percent per month. */
  values: number[];
}

function simulateSizePortfolios(seed: number, market: MarketDay[]): MonthRow[] {
  const monthlyRng = new Rng(seed, 'ff-monthly-1980');
  const decileRng = new Rng(seed, 'ff-deciles');
  const ends: { yyyymm: string; small: number; large: number }[] = [];

  // 1980-01 .. (month before the daily indices start): own monthly process.
  const [mYear, mMonth] = ymdFromDay(MARKET_FIRST);
  const orth = Math.sqrt(1 - CORRELATION * CORRELATION);
  for (let y = FF_FIRST.year, m = FF_FIRST.month; y < mYear || (y === mYear && m < mMonth); m === 12 ? (y++, (m = 1)) : m++) {
    const scale = monthlyRng.tScale(T_DOF);
    const e1 = monthlyRng.normal();
    const e2 = monthlyRng.normal();
    const large = 0.0085 + (0.16 / Math.sqrt(12)) * scale * e1;
    const small = 0.009 + (0.22 / Math.sqrt(12)) * scale * (CORRELATION * e1 + orth * e2);
    ends.push({ yyyymm: `${y}${pad2(m)}`, small, large });
  }

  // From the start of the daily indices: compound daily price returns plus dividend accrual.
  let key = '';
  let growthSmall = 1;
  let growthLarge = 1;
  const flush = (): void => {
    if (key) ends.push({ yyyymm: key, small: growthSmall - 1, large: growthLarge - 1 });
  };
  for (const d of market) {
    const [y, m] = ymdFromDay(d.day);
    const k = `${y}${pad2(m)}`;
    if (k !== key) {
      flush();
      key = k;
      growthSmall = 1;
      growthLarge = 1;
    }
    growthSmall *= 1 + d.small + SMALL.dividend / TRADING_DAYS_PER_YEAR;
    growthLarge *= 1 + d.large + LARGE.dividend / TRADING_DAYS_PER_YEAR;
  }
  flush();

  return ends.map(({ yyyymm, small, large }) => {
    // Decile k sits between the small (Lo10) and large (Hi10) processes, with its own noise.
    const deciles = DECILES.map((_, k) => {
      const w = (DECILES.length - 1 - k) / (DECILES.length - 1);
      const idio = 0.03 * Math.sqrt(w * (1 - w)) * decileRng.normal();
      return w * small + (1 - w) * large + idio;
    });
    const aggregates = AGGREGATES.map(([, members]) => {
      const cap = members.reduce((s, i) => s + DECILE_CAP[i], 0);
      return members.reduce((s, i) => s + DECILE_CAP[i] * deciles[i], 0) / cap;
    });
    return { yyyymm, values: [...aggregates, ...deciles].map((r) => 100 * r) };
  });
}

// ------------------------------------------------------------------------------------------------
// Output
// ------------------------------------------------------------------------------------------------

function fixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) throw new Error(`non-finite value ${x}`);
  const s = x.toFixed(decimals);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Basis points as percent with 2 or 3 decimals: 575 -> "5.75", 562.5 -> "5.625". */
function pctFromBp(bp: number): string {
  const s = fixed(bp / 100, 3);
  return s.endsWith('0') ? s.slice(0, -1) : s;
}

interface CatalogEntry {
  id: string;
  title: string;
  file: string;
  format: 'csv';
  date: string;
  dateFormat: 'YYYY-MM-DD' | 'YYYYMM';
  value: string;
  columns?: string[];
  kind: 'price' | 'rate' | 'return';
  totalReturn?: boolean;
  frequency: 'daily' | 'daily-calendar' | 'monthly';
  unit: string;
  first: string;
  last: string;
  source: string;
}

interface OutputFile {
  name: string;
  text: string;
}

function csv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

function buildOutput(seed: number): { files: OutputFile[]; catalog: CatalogEntry[]; cycles: Cycle[]; moves: PolicyMove[] } {
  const moves = buildMoves();
  const target = buildTarget(moves);
  const market = simulateMarket(seed);
  const dff = simulateDff(seed, target);
  const tbill = simulateTbill(seed, target);
  const months = simulateSizePortfolios(seed, market);
  const source = `synthetic: tools/generate-sample, seed ${seed}`;

  const files: OutputFile[] = [];
  const catalog: CatalogEntry[] = [];
  const daily = (id: string, name: string, rows: [number, string][], entry: Omit<CatalogEntry, 'id' | 'file' | 'format' | 'date' | 'dateFormat' | 'first' | 'last' | 'source'>): void => {
    const file = `${id}.synthetic.csv`;
    files.push({ name: file, text: csv(['date', name], rows.map(([d, v]) => [iso(d), v])) });
    catalog.push({
      id, title: entry.title, file, format: 'csv', date: 'date', dateFormat: 'YYYY-MM-DD', value: entry.value,
      ...(entry.columns ? { columns: entry.columns } : {}),
      kind: entry.kind,
      ...(entry.totalReturn !== undefined ? { totalReturn: entry.totalReturn } : {}),
      frequency: entry.frequency, unit: entry.unit,
      first: iso(rows[0][0]), last: iso(rows[rows.length - 1][0]), source,
    });
  };

  // Price indices.
  const levels = (pick: (d: MarketDay) => number, start: number): number[] => {
    let level = start;
    return market.map((d) => (level *= 1 + pick(d)));
  };
  const small = levels((d) => d.small, SMALL.start);
  const large = levels((d) => d.large, LARGE.start);
  daily('rut', 'close', market.map((d, i) => [d.day, fixed(small[i], 2)]), {
    title: 'SYNTHETIC small-cap price index (stand-in for ^RUT; simulated, not market data)',
    value: 'close', kind: 'price', totalReturn: false, frequency: 'daily', unit: 'index points',
  });
  daily('gspc', 'close', market.map((d, i) => [d.day, fixed(large[i], 2)]), {
    title: 'SYNTHETIC large-cap price index (stand-in for ^GSPC; simulated, not market data)',
    value: 'close', kind: 'price', totalReturn: false, frequency: 'daily', unit: 'index points',
  });

  // Total-return ETFs: index return + dividend accrual - fee, started at index/10.
  const etf = (levelsOfIndex: number[], pick: (d: MarketDay) => number, spec: typeof SMALL): [number, string][] => {
    const firstIdx = market.findIndex((d) => d.day === ETF_FIRST);
    if (firstIdx < 0) throw new Error('ETF start is not a trading day');
    let level = levelsOfIndex[firstIdx] / 10;
    const carry = (spec.dividend - spec.fee) / TRADING_DAYS_PER_YEAR;
    return market.slice(firstIdx).map((d, i): [number, string] => {
      if (i > 0) level *= 1 + pick(d) + carry;
      return [d.day, fixed(level, 2)];
    });
  };
  daily('iwm', 'close', etf(small, (d) => d.small, SMALL), {
    title: 'SYNTHETIC small-cap total-return ETF (stand-in for IWM adjusted close; simulated)',
    value: 'close', kind: 'price', totalReturn: true, frequency: 'daily', unit: 'USD (adjusted)',
  });
  daily('spy', 'close', etf(large, (d) => d.large, LARGE), {
    title: 'SYNTHETIC large-cap total-return ETF (stand-in for SPY adjusted close; simulated)',
    value: 'close', kind: 'price', totalReturn: true, frequency: 'daily', unit: 'USD (adjusted)',
  });

  // Rates.
  daily('dff', 'dff_pct', target.map((t, i) => [t.day, fixed(dff[i], 2)]), {
    title: 'SYNTHETIC effective policy rate (stand-in for DFF; simulated, not the real Fed)',
    value: 'dff_pct', kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year',
  });
  const targetColumns = ['target_lower_pct', 'target_upper_pct', 'target_mid_pct'];
  files.push({
    name: 'fed-target.synthetic.csv',
    text: csv(['date', ...targetColumns], target.map((t) => [iso(t.day), pctFromBp(t.lowerBp), pctFromBp(t.upperBp), pctFromBp((t.lowerBp + t.upperBp) / 2)])),
  });
  catalog.push({
    id: 'fed-target',
    title: 'SYNTHETIC policy target: point target to 2008-12-15, then a 25 bp range (simulated, not the real FOMC)',
    file: 'fed-target.synthetic.csv', format: 'csv', date: 'date', dateFormat: 'YYYY-MM-DD', value: 'target_upper_pct',
    columns: targetColumns, kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year',
    first: iso(target[0].day), last: iso(target[target.length - 1].day), source,
  });
  daily('tbill-3m-daily', 'dtb3', tbill.map((t) => [t.day, fixed(t.pct, 2)]), {
    title: 'SYNTHETIC 3-month bill rate (stand-in for DTB3; simulated)',
    value: 'dtb3', kind: 'rate', frequency: 'daily', unit: 'percent per year',
  });

  // Monthly size portfolios.
  files.push({
    name: 'ff-size-vw.synthetic.csv',
    text: csv(['yyyymm', ...FF_COLUMNS], months.map((m) => [m.yyyymm, ...m.values.map((v) => fixed(v, 2))])),
  });
  const ym = (yyyymm: string): string => `${yyyymm.slice(0, 4)}-${yyyymm.slice(4)}`;
  catalog.push({
    id: 'ff-size-vw',
    title: 'SYNTHETIC value-weighted size portfolios, monthly returns (stand-in for Fama-French ME portfolios; simulated)',
    file: 'ff-size-vw.synthetic.csv', format: 'csv', date: 'yyyymm', dateFormat: 'YYYYMM', value: 'Lo10',
    columns: FF_COLUMNS, kind: 'return', totalReturn: true, frequency: 'monthly', unit: 'percent per month',
    first: ym(months[0].yyyymm), last: ym(months[months.length - 1].yyyymm), source,
  });

  return { files, catalog, cycles: cyclesOf(moves), moves };
}

function describeCycles(cycles: Cycle[]): string[] {
  return cycles.map((c) => {
    const first = c.moves[0];
    const last = c.moves[c.moves.length - 1];
    const word = c.direction === 'easing' ? 'cut' : 'hike';
    const emergencies = c.moves.filter((m) => m.emergency).map((m) => `${m.bp} bp announced ${iso(m.announced)} (effective ${iso(m.effective)})`);
    const pause = c.longestPauseDays >= 183 ? `; pause ${iso(c.longestPauseFrom)} -> ${iso(c.longestPauseTo)} (${c.longestPauseDays} days)` : '';
    const emergency = emergencies.length ? `; emergency move ${emergencies.join(', ')}` : '';
    return `${c.direction.padEnd(10)} first ${word} ${iso(first.effective)}, last ${word} ${iso(last.effective)}: ` +
      `${pctFromBp(c.fromBp)}% -> ${pctFromBp(c.toBp)}% (upper), ${c.moves.length} moves${pause}${emergency}`;
  });
}

function sampleReadme(seed: number, cycles: Cycle[]): string {
  return [
    '# SYNTHETIC SAMPLE DATA — not market data',
    '',
    `Every number in this folder was simulated by \`tools/generate-sample\` (seed ${seed}).`,
    'It is a fallback so that ratecut runs on machines without the real data. It contains no',
    'real prices, rates or returns, and results computed on it say nothing about real markets or',
    'the real Federal Reserve. Do not edit by hand: regenerate with',
    '`node tools/generate-sample/run.js` (see tools/generate-sample/README.md).',
    '',
    'Policy cycles of the synthetic path (effective dates):',
    '',
    ...describeCycles(cycles).map((line) => `- ${line.replace(/\s+/g, ' ')}`),
    '',
  ].join('\n');
}

// ------------------------------------------------------------------------------------------------
// Self-check: read the output back and verify it
// ------------------------------------------------------------------------------------------------

class Checker {
  readonly failures: string[] = [];
  check(ok: boolean, message: string): void {
    if (!ok) this.failures.push(message);
  }
}

function stats(xs: number[]): { mean: number; sd: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const v = xs.reduce((s, x) => s + (x - mean) * (x - mean), 0) / (xs.length - 1);
  return { mean, sd: Math.sqrt(v) };
}

function correlation(a: number[], b: number[]): number {
  const sa = stats(a);
  const sb = stats(b);
  let c = 0;
  for (let i = 0; i < a.length; i++) c += (a[i] - sa.mean) * (b[i] - sb.mean);
  return c / (a.length - 1) / (sa.sd * sb.sd);
}

function maxDrawdown(levels: number[]): number {
  let peak = -Infinity;
  let worst = 0;
  for (const x of levels) {
    peak = Math.max(peak, x);
    worst = Math.min(worst, x / peak - 1);
  }
  return worst;
}

function verify(outDir: string, seed: number, moves: PolicyMove[], cycles: Cycle[]): Checker {
  const ck = new Checker();
  const catalogText = fs.readFileSync(path.join(outDir, 'catalog.json'), 'utf8');
  const catalog = JSON.parse(catalogText) as { catalog: number; about: string; synthetic: boolean; series: CatalogEntry[] };
  ck.check(catalog.catalog === 1, 'catalog version must be 1');
  ck.check(catalog.synthetic === true, 'catalog.synthetic must be true');
  ck.check(catalog.about.includes('SYNTHETIC SAMPLE'), 'catalog.about must say SYNTHETIC SAMPLE');
  const expectedIds = ['rut', 'gspc', 'iwm', 'spy', 'dff', 'fed-target', 'tbill-3m-daily', 'ff-size-vw'];
  ck.check(JSON.stringify(catalog.series.map((s) => s.id).sort()) === JSON.stringify([...expectedIds].sort()), 'unexpected series ids');

  const tables = new Map<string, { dates: string[]; cols: Map<string, number[]> }>();
  for (const s of catalog.series) {
    const where = `${s.id}:`;
    ck.check(s.title.startsWith('SYNTHETIC'), `${where} title must start with SYNTHETIC`);
    ck.check(s.source === `synthetic: tools/generate-sample, seed ${seed}`, `${where} source`);
    const lines = fs.readFileSync(path.join(outDir, s.file), 'utf8').split('\n');
    ck.check(lines.pop() === '', `${where} file must end with a newline`);
    const header = lines.shift()?.split(',') ?? [];
    ck.check(header[0] === s.date, `${where} first column must be ${s.date}`);
    ck.check(header.every((h) => h === h.toLowerCase() || s.id === 'ff-size-vw'), `${where} headers must be lowercase`);
    const valueCols = s.columns ?? [s.value];
    ck.check(valueCols.includes(s.value) && valueCols.every((c) => header.includes(c)), `${where} value/columns missing from header`);
    const dates: string[] = [];
    const cols = new Map<string, number[]>(header.slice(1).map((h) => [h, []]));
    for (const line of lines) {
      const cells = line.split(',');
      ck.check(cells.length === header.length, `${where} ragged row ${line}`);
      dates.push(cells[0]);
      header.slice(1).forEach((h, i) => {
        const text = cells[i + 1];
        const x = Number(text);
        ck.check(/^-?\d+(\.\d{1,4})?$/.test(text) && Number.isFinite(x), `${where} bad number ${text} on ${cells[0]}`);
        cols.get(h)?.push(x);
      });
    }
    tables.set(s.id, { dates, cols });
    ck.check(dates.length > 0, `${where} no rows`);

    // Dates: format, strictly increasing (sorted, no duplicates), complete for the frequency.
    const re = s.dateFormat === 'YYYYMM' ? /^\d{6}$/ : /^\d{4}-\d{2}-\d{2}$/;
    ck.check(dates.every((d) => re.test(d)), `${where} date format`);
    for (let i = 1; i < dates.length; i++) ck.check(dates[i - 1] < dates[i], `${where} dates not strictly increasing at ${dates[i]}`);
    const shown = s.dateFormat === 'YYYYMM' ? dates.map((d) => `${d.slice(0, 4)}-${d.slice(4)}`) : dates;
    ck.check(shown[0] === s.first && shown[shown.length - 1] === s.last, `${where} first/last differ from catalog`);
    if (s.frequency === 'daily-calendar') {
      const days = dates.map(parseIso);
      ck.check(days.every((d, i) => i === 0 || d === days[i - 1] + 1), `${where} calendar days missing`);
    } else if (s.frequency === 'daily') {
      const expected = tradingDays(parseIso(s.first), parseIso(s.last)).map(iso);
      ck.check(expected.length === dates.length && expected.every((d, i) => d === dates[i]), `${where} trading days differ from the convention`);
    } else {
      const ms = dates.map((d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(4)) - 1);
      ck.check(ms.every((m, i) => i === 0 || m === ms[i - 1] + 1), `${where} months missing`);
    }

    for (const [name, xs] of cols) {
      if (s.kind === 'price') ck.check(xs.every((x) => x > 0), `${where} ${name} has non-positive prices`);
      if (s.kind === 'rate') ck.check(xs.every((x) => x >= 0 && x <= 20), `${where} ${name} rate out of [0, 20]`);
      if (s.kind === 'return') ck.check(xs.every((x) => x > -100 && x < 100), `${where} ${name} return out of (-100, 100)`);
    }
  }
  ck.check(catalog.series.find((s) => s.id === 'rut')?.first === '1995-01-03', 'rut must start 1995-01-03');
  ck.check(catalog.series.find((s) => s.id === 'iwm')?.first === '2000-05-26', 'iwm must start 2000-05-26');
  ck.check(catalog.series.find((s) => s.id === 'dff')?.first === '1990-01-01', 'dff must start 1990-01-01');
  ck.check(catalog.series.find((s) => s.id === 'ff-size-vw')?.first === '1980-01', 'ff-size-vw must start 1980-01');
  ck.check(catalog.series.every((s) => (s.last === '2025-12-31' || s.last === '2025-12')), 'all series must end 2025-12(-31)');

  // Policy target: point until 2008-12-15, then 25 bp range; mid is the middle; moves are 25/50 bp.
  const tgt = tables.get('fed-target');
  if (tgt) {
    const lo = tgt.cols.get('target_lower_pct') ?? [];
    const up = tgt.cols.get('target_upper_pct') ?? [];
    const mid = tgt.cols.get('target_mid_pct') ?? [];
    tgt.dates.forEach((d, i) => {
      const width = Math.round((up[i] - lo[i]) * 1000);
      ck.check(width === (d <= iso(POINT_TARGET_LAST) ? 0 : 250), `fed-target: wrong range width on ${d}`);
      ck.check(Math.abs(mid[i] - (lo[i] + up[i]) / 2) < 1e-9, `fed-target: mid is not the middle on ${d}`);
      if (i > 0 && up[i] !== up[i - 1]) {
        const bp = Math.round((up[i] - up[i - 1]) * 100);
        ck.check([25, 50].includes(Math.abs(bp)), `fed-target: move of ${bp} bp on ${d}`);
      }
    });
    const dff = tables.get('dff')?.cols.get('dff_pct') ?? [];
    const gap = dff.map((x, i) => Math.abs(x - mid[i]));
    ck.check(Math.max(...gap) < 0.4, `dff strays ${Math.max(...gap).toFixed(2)} pp from the target mid`);
    ck.check(stats(gap).mean < 0.12, 'dff is not close to the target mid on average');
  }
  const schedule = new Set<number>();
  for (let y = 1990; y <= 2025; y++) for (let m = 1; m <= 8; m++) schedule.add(meetingDay(y, m));
  ck.check(moves.every((m) => m.emergency || schedule.has(m.announced)), 'scheduled move off the meeting calendar');
  const emergencies = moves.filter((m) => m.emergency).length;
  ck.check(emergencies >= 1 && emergencies <= 2, `expected 1-2 emergency moves, got ${emergencies}`);
  ck.check(moves.filter((m) => m.emergency).every((m) => !schedule.has(m.announced)), 'emergency move on a meeting day');
  const easings = cycles.filter((c) => c.direction === 'easing');
  ck.check(easings.length >= 3, 'need several easing cycles');
  ck.check(cycles.filter((c) => c.direction === 'tightening').length >= 3, 'need several tightening cycles');
  ck.check(easings.some((c) => c.longestPauseDays >= 183), 'need an easing that pauses >= 6 months and resumes');

  // Market process: vol, correlation, tails, drawdowns; ETFs = index + dividends - fee.
  const closes = (id: string): number[] => tables.get(id)?.cols.get('close') ?? [];
  const logret = (xs: number[]): number[] => xs.slice(1).map((x, i) => Math.log(x / xs[i]));
  const rs = logret(closes('rut'));
  const rl = logret(closes('gspc'));
  const volS = stats(rs).sd * Math.sqrt(TRADING_DAYS_PER_YEAR);
  const volL = stats(rl).sd * Math.sqrt(TRADING_DAYS_PER_YEAR);
  const rho = correlation(rs, rl);
  const kurt = (xs: number[]): number => {
    const { mean, sd } = stats(xs);
    return xs.reduce((s, x) => s + ((x - mean) / sd) ** 4, 0) / xs.length - 3;
  };
  const years = (parseIso('2025-12-31') - parseIso('1995-01-03')) / 365.25;
  const cagr = (xs: number[]): number => (xs[xs.length - 1] / xs[0]) ** (1 / years) - 1;
  const info = {
    volSmall: volS, volLarge: volL, correlation: rho, excessKurtosisSmall: kurt(rs), excessKurtosisLarge: kurt(rl),
    cagrSmallPrice: cagr(closes('rut')), cagrLargePrice: cagr(closes('gspc')),
    maxDrawdownSmall: maxDrawdown(closes('rut')), maxDrawdownLarge: maxDrawdown(closes('gspc')),
  };
  ck.check(volS > 0.19 && volS < 0.25, `small-cap vol ${volS.toFixed(3)} not ≈ 22%`);
  ck.check(volL > 0.14 && volL < 0.18, `large-cap vol ${volL.toFixed(3)} not ≈ 16%`);
  ck.check(rho > 0.75 && rho < 0.85, `correlation ${rho.toFixed(3)} not ≈ 0.8`);
  ck.check(info.excessKurtosisSmall > 1 && info.excessKurtosisLarge > 1, 'returns are not fat-tailed');
  ck.check(info.cagrSmallPrice > -0.02 && info.cagrSmallPrice < 0.1 && info.cagrLargePrice > -0.02 && info.cagrLargePrice < 0.1, 'price drift is not a few % a year');
  ck.check(info.maxDrawdownSmall < -0.3 && info.maxDrawdownLarge < -0.2, 'no real drawdown regime');
  for (const [etfId, indexId, spec] of [['iwm', 'rut', SMALL], ['spy', 'gspc', LARGE]] as const) {
    const e = closes(etfId);
    const idx = closes(indexId);
    const offset = idx.length - e.length;
    const etfYears = (e.length - 1) / TRADING_DAYS_PER_YEAR;
    const excess = Math.log(e[e.length - 1] / e[0]) - Math.log(idx[idx.length - 1] / idx[offset]);
    const perYear = excess / etfYears;
    ck.check(Math.abs(perYear - (spec.dividend - spec.fee)) < 0.002, `${etfId}: carry over ${indexId} is ${(perYear * 100).toFixed(2)}%/yr`);
    ck.check(Math.abs(e[0] - idx[offset] / 10) < 0.011, `${etfId}: does not start at ${indexId}/10`);
  }

  // Size portfolios from 1995 match the daily indices plus dividends.
  const ff = tables.get('ff-size-vw');
  if (ff) {
    const lo10 = ff.cols.get('Lo10') ?? [];
    const hi10 = ff.cols.get('Hi10') ?? [];
    const i1995 = ff.dates.indexOf('199502');
    const rutCloses = closes('rut');
    const rutDates = tables.get('rut')?.dates ?? [];
    const jan = rutDates.findIndex((d) => d.startsWith('1995-02'));
    const feb = rutDates.findIndex((d) => d.startsWith('1995-03'));
    const priceRet = rutCloses[feb - 1] / rutCloses[jan - 1] - 1;
    ck.check(i1995 >= 0 && Math.abs(lo10[i1995] - 100 * priceRet) < 0.2, 'ff Lo10 (1995-02) does not follow the small-cap index');
    ck.check(Math.abs(correlation(lo10, hi10) - CORRELATION) < 0.1, 'ff Lo10/Hi10 correlation not ≈ 0.8');
  }

  let total = 0;
  for (const name of fs.readdirSync(outDir)) total += fs.statSync(path.join(outDir, name)).size;
  ck.check(total < MAX_TOTAL_BYTES, `output is ${total} bytes, above ${MAX_TOTAL_BYTES}`);

  console.log('self-check statistics:');
  for (const [k, v] of Object.entries(info)) console.log(`  ${k.padEnd(22)} ${v.toFixed(3)}`);
  console.log(`  ${'totalBytes'.padEnd(22)} ${total}`);
  return ck;
}

// ------------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------------

function parseArgs(argv: string[]): { out: string; seed: number } {
  let out = DEFAULT_OUT;
  let seed = DEFAULT_SEED;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' && argv[i + 1] !== undefined) out = path.resolve(argv[++i]);
    else if (arg === '--seed' && argv[i + 1] !== undefined) {
      seed = Number(argv[++i]);
      if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got ${argv[i]}`);
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: node tools/generate-sample/run.js [--out <dir>] [--seed <n>]');
      process.exit(0);
    } else throw new Error(`unknown or incomplete argument: ${arg}`);
  }
  return { out, seed };
}

function main(): void {
  const { out, seed } = parseArgs(process.argv.slice(2));
  const { files, catalog, cycles, moves } = buildOutput(seed);
  const catalogJson = {
    catalog: 1,
    about:
      `SYNTHETIC SAMPLE — simulated data, NOT market data. Written by tools/generate-sample (seed ${seed}) ` +
      'so that ratecut runs on machines without the real data. Paths are relative to this file. No real prices, ' +
      'rates or returns are included; results on this sample say nothing about real markets or the real Fed.',
    synthetic: true,
    series: catalog,
  };
  fs.mkdirSync(out, { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(out, f.name), f.text);
  fs.writeFileSync(path.join(out, 'catalog.json'), JSON.stringify(catalogJson, null, 2) + '\n');
  fs.writeFileSync(path.join(out, 'README.md'), sampleReadme(seed, cycles));

  console.log(`wrote ${files.length + 2} files to ${out} (seed ${seed})`);
  console.log('policy cycles:');
  for (const line of describeCycles(cycles)) console.log(`  ${line}`);

  const ck = verify(out, seed, moves, cycles);
  if (ck.failures.length) {
    console.error(`SELF-CHECK FAILED (${ck.failures.length}):`);
    for (const f of ck.failures.slice(0, 50)) console.error(`  - ${f}`);
    process.exitCode = 1;
  } else {
    console.log('self-check passed');
  }
}

try {
  main();
} catch (err) {
  console.error(`generate-sample: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
