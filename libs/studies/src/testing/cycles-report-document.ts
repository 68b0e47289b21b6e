import { COMPARE_SCHEMA, CYCLES_SCHEMA, type CompareResultJson, type CycleRowJson, type CyclesResultJson, type PairCyclesJson } from '@ratecut/contracts';

/**
 * Small, hand-made `ratecut.cycles/1` and `ratecut.compare/1` documents for the report's tests:
 * made-up returns (not market data), valid for the contracts' schemas, small enough that every
 * drawn number can be recomputed in a test.
 */

/** The cycles of {@link cyclesDocument}, in date order: id, recession, whether counted, and its episode. */
export const TEST_CYCLE_ROWS = [
  { id: '1995-07', recession: false, counted: true, episode: '1995-07' },
  { id: '2001-01', recession: true, counted: true, episode: '2001-01' },
  { id: '2001-09', recession: true, counted: false, episode: '2001-01' },
  { id: '2003-06', recession: false, counted: true, episode: '2003-06' },
  { id: '2007-09', recession: true, counted: true, episode: '2007-09' },
  { id: '2019-08', recession: false, counted: true, episode: '2019-08' },
  { id: '2024-09', recession: false, counted: true, episode: '2024-09' },
] as const;

/**
 * Small and large returns of the first pair after each cycle's first cut at 3, 6, 12 and 24
 * months, by cycle id: 1995-07 lies before the pair's data (not covered), 2024-09 has no 24-month return.
 */
export const TEST_PAIR_RETURNS: Readonly<Record<string, { small: readonly (number | null)[]; large: readonly (number | null)[] } | null>> = {
  '1995-07': null,
  '2001-01': { small: [-0.08, 0.07, 0.08, -0.16], large: [-0.14, -0.04, -0.1, -0.29] },
  '2001-09': { small: [0.1, 0.05, 0.12, 0.2], large: [0.08, 0.06, 0.02, 0.1] },
  '2003-06': { small: [0.18, 0.25, 0.31, 0.44], large: [0.05, 0.11, 0.16, 0.22] },
  '2007-09': { small: [-0.03, -0.12, -0.08, -0.2], large: [-0.01, -0.1, -0.18, -0.28] },
  '2019-08': { small: [0.001, 0.05, -0.05, 0.41], large: [0.02, 0.1, 0.09, 0.48] },
  '2024-09': { small: [0.06, -0.07, 0.12, null], large: [0.08, 0.01, 0.19, null] },
};

const HORIZONS = [{ label: '3m', steps: 63 }, { label: '6m', steps: 126 }, { label: '12m', steps: 252 }, { label: '24m', steps: 504 }];

const meanOf = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** A pair section from returns by cycle id, with its summaries computed from them (by plain loops). */
function pairSection(id: string, title: string, returns: typeof TEST_PAIR_RETURNS, totalReturn: boolean): PairCyclesJson {
  const counted = new Set<string>(TEST_CYCLE_ROWS.filter((c) => c.counted).map((c) => c.id));
  const recession = new Set<string>(TEST_CYCLE_ROWS.filter((c) => c.recession).map((c) => c.id));
  const summary: PairCyclesJson['summary'] = [];
  HORIZONS.forEach((h, k) => {
    for (const group of ['all', 'recession', 'non-recession']) {
      const rows = TEST_CYCLE_ROWS.filter((c) => counted.has(c.id) && (group === 'all' || (group === 'recession') === recession.has(c.id)))
        .map((c) => returns[c.id]).filter((r): r is NonNullable<typeof r> => r !== null && r.small[k] !== null && r.large[k] !== null);
      const diffs = rows.map((r) => (r.small[k] as number) - (r.large[k] as number));
      const sorted = [...diffs].sort((a, b) => a - b);
      const median = sorted.length === 0 ? null : sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
      summary.push({
        horizon: h.label, group, count: rows.length,
        meanSmall: meanOf(rows.map((r) => r.small[k] as number)), meanLarge: meanOf(rows.map((r) => r.large[k] as number)),
        meanDifference: meanOf(diffs), medianDifference: median, shareSmallBeat: diffs.length === 0 ? null : diffs.filter((d) => d > 0).length / diffs.length,
      });
    }
  });
  return {
    id, title,
    small: { id: `${id}-small`, title: `${title} small leg`, totalReturn },
    large: { id: `${id}-large`, title: `${title} large leg`, totalReturn },
    frequency: 'daily',
    returnBasis: totalReturn ? 'total return: dividend-adjusted closes; horizons in trading days (63/126/252/504)' : 'price return: index levels without dividends; horizons in trading days (63/126/252/504)',
    firstDate: '1998-01-02', lastDate: '2026-01-30',
    horizons: HORIZONS,
    cycles: TEST_CYCLE_ROWS.map((c) => {
      const r = returns[c.id];
      return {
        cycleId: c.id,
        anchorDate: r === null ? null : `${c.id}-01`,
        horizons: HORIZONS.map((h, k) => ({
          label: h.label,
          endDate: r === null || r.small[k] === null ? null : `${c.id}-15`,
          small: r === null ? null : r.small[k],
          large: r === null ? null : r.large[k],
          missing: r !== null && r.small[k] === null ? 'past the end of the data' : null,
        })),
      };
    }),
    summary,
  };
}

/**
 * A `ratecut.cycles/1` document counted by episode: the {@link TEST_CYCLE_ROWS}, the first pair
 * (`rut-gspc`, price return) with the {@link TEST_PAIR_RETURNS}, a second pair (`iwm-spy`, total
 * return) with the same returns shifted by +1 pp for small caps, and one skipped pair.
 */
export function cyclesDocument(): CyclesResultJson {
  const cycles: CycleRowJson[] = TEST_CYCLE_ROWS.map((c) => ({
    id: c.id, firstCut: `${c.id}-03`, lastCut: `${c.id}-28`, cuts: 2, totalEasingBp: 50, rateBeforePct: 5, rateAfterPct: 4.5,
    resumption: !c.counted, open: c.id === '2024-09', basis: 'target-point', recession: c.recession,
    recessionReason: c.recession ? 'in-recession' : null, nberPeak: c.recession ? `${c.id}` : null,
    overlapsPrevious: c.counted ? null : '2001-01', episode: c.episode, counted: c.counted,
  }));
  const shifted = Object.fromEntries(Object.entries(TEST_PAIR_RETURNS).map(([k, r]) => [k, r === null ? null : { small: r.small.map((x) => (x === null ? null : x + 0.01)), large: r.large }]));
  return {
    schema: CYCLES_SCHEMA,
    ratecutVersion: '0.0.0-test',
    data: { catalog: 'catalog.json', origin: 'flag', synthetic: false },
    conventions: {
      policyRate: 'test policy rate', cycleRule: 'test cycle rule', recessionRule: 'test recession rule', anchor: 'test anchor',
      counting: 'counted by episode', returns: 'simple returns as decimals', recessionSource: 'test source',
    },
    rule: { minMoveBp: 25, pauseMonths: 4, recessionWindowMonths: 12 },
    counting: 'episodes',
    filter: { since: null, detected: TEST_CYCLE_ROWS.length },
    cycles,
    pairs: [pairSection('rut-gspc', 'Russell 2000 vs S&P 500 (test)', TEST_PAIR_RETURNS, false), pairSection('iwm-spy', 'IWM vs SPY (test)', shifted, true)],
    skippedPairs: [{ id: 'ff-size', reason: 'not in the catalog' }],
  };
}

/** Window total returns of the two strategies of {@link compareDocument}, and whether the cycle is a recession cycle. */
export const TEST_COMPARE_ROWS = [
  { cycleId: '2001-01', recession: true, a: 0.05, b: -0.02 },
  { cycleId: '2003-06', recession: false, a: 0.3, b: 0.34 },
  { cycleId: '2007-09', recession: true, a: -0.1, b: -0.25 },
  { cycleId: '2019-08', recession: false, a: 0.2, b: 0.12 },
  { cycleId: '2024-09', recession: false, a: 0.04, b: 0.04 },
] as const;

/** A `ratecut.compare/1` document of two backtests (A = a.json:cut-trigger, B = b.json:buy-hold-small) over {@link TEST_COMPARE_ROWS}. */
export function compareDocument(): CompareResultJson {
  const rows = TEST_COMPARE_ROWS.map((r) => ({ cycleId: r.cycleId, recession: r.recession, complete: r.cycleId !== '2024-09', values: [r.a, r.b], difference: r.a - r.b }));
  const wins = TEST_COMPARE_ROWS.filter((r) => r.a - r.b > 1e-12).length;
  const file = (letter: string, name: string) => ({ letter, file: name, kind: 'backtest' as const, schema: 'ratecut.backtest/2', synthetic: false, description: `test backtest ${name}` });
  const metrics = (label: string, sharpe: number) => ({ label, totalReturn: 2, cagr: 0.08, volatility: 0.2, sharpe, maxDrawdown: -0.5, calmar: 0.16, cycleHitRate: 0.6 });
  return {
    schema: COMPARE_SCHEMA, ratecutVersion: '0.0.0-test', seed: 1, resamples: 500,
    files: [file('A', 'a.json'), file('B', 'b.json')],
    comparable: true, differences: [], notes: [],
    metrics: [metrics('a.json:cut-trigger', 0.4), metrics('b.json:buy-hold-small', 0.3)],
    cycles: { labels: ['a.json:cut-trigger', 'b.json:buy-hold-small'], rows, aBeatB: { a: 'a.json:cut-trigger', b: 'b.json:buy-hold-small', wins, count: rows.length, share: wins / rows.length } },
    paired: {
      a: 'a.json:cut-trigger', b: 'b.json:buy-hold-small', first: '1998-01-02', last: '2026-01-30', observations: 7000, meanBlock: 4.5, resamples: 500, seed: 1,
      confidence: 0.95, periodsPerYear: 252, sharpe: { estimate: 0.11, lower: -0.02, upper: 0.24 }, annualReturn: { estimate: 0.014, lower: -0.016, upper: 0.042 }, method: 'test method',
    },
    deflatedSharpe: [],
    simulations: null,
  };
}

/** A `ratecut.compare/1` document of three strategies of one backtest (no paired test; a deflated Sharpe ratio) and two simulations. */
export function compareManyDocument(): CompareResultJson {
  const labels = ['bt.json:buy-hold-small', 'bt.json:cut-trigger', 'bt.json:rate-regime'];
  return {
    ...compareDocument(),
    files: [{ letter: 'A', file: 'bt.json', kind: 'backtest', schema: 'ratecut.backtest/2', synthetic: false, description: 'test backtest' }],
    cycles: { labels, rows: TEST_COMPARE_ROWS.map((r) => ({ cycleId: r.cycleId, recession: r.recession, complete: true, values: [r.b, r.a, (r.a + r.b) / 2], difference: null })), aBeatB: null },
    paired: null,
    deflatedSharpe: [{
      source: '3 strategies of bt.json', statistic: 'excess over benchmark', nullHypothesis: 'no skill', trials: 3, best: 'bt.json:rate-regime', bestSharpe: 0.26,
      trialSharpeSd: 0.12, expectedMaxSharpe: 0.15, observations: 7000, skewness: 0.1, kurtosis: 4, moments: 'test moments', probability: 0.76,
    }],
    simulations: {
      labels: ['s1.json:insurance-cuts', 's2.json:recession-easing'],
      rows: [
        { statistic: 'small - large p5', values: [-0.2, -0.3], differences: [0.1] },
        { statistic: 'P(small beats large)', values: [0.55, 0.48], differences: [0.07] },
        { statistic: 'P(small:+20%)', values: [0.3, 0.2], differences: [0.1] },
      ],
    },
  };
}
