import { compareResultSchema, type CompareResultJson } from '@ratecut/contracts';
import { runStudy, studyResult } from '../study/run-study';
import { backtestInput, fixtureReturns, simulateInput, type FixtureStrategy } from '../../testing/compare-fixtures';
import type { CompareInput, SweepInput } from './compare-input';
import { planCompareStudy, type CompareRequest } from './plan-compare-study';
import { COMPARE_BLOCK } from './compare-block';

const N = 400;
const bench: FixtureStrategy = { label: 'benchmark:hold', returns: fixtureReturns(N, 1, 0.0002) };
const x: FixtureStrategy = { label: 'x', returns: fixtureReturns(N, 2, 0.0006), cycles: { '2019-08': 0.12, '2020-03': -0.05 } };
const y: FixtureStrategy = { label: 'y', returns: fixtureReturns(N, 3, 0.0001), cycles: { '2019-08': 0.02, '2020-03': 0.01 } };
const z: FixtureStrategy = { label: 'z', returns: fixtureReturns(N, 4, 0.0003), cycles: { '2019-08': 0.05 } };

function request(inputs: readonly CompareInput[], more: Partial<CompareRequest> = {}): CompareRequest {
  return { inputs, seed: 5, resamples: 300, force: false, ratecutVersion: '0.0.0-test', ...more };
}

async function compare(inputs: readonly CompareInput[], more: Partial<CompareRequest> = {}): Promise<CompareResultJson> {
  const planned = planCompareStudy(request(inputs, more));
  if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
  return studyResult(runStudy(planned.value));
}

function sweep(name: string, sharpes: readonly number[], rows: number | null): SweepInput {
  return {
    kind: 'sweep', file: name, name, schema: 'ratecut.sweep/2', synthetic: false, description: 'relative-momentum sweep on rut-gspc', pair: 'rut-gspc', first: '2018-01-01', last: '2021-12-31',
    rows, periodsPerYear: 252, trials: sharpes.map((sharpe, i) => ({ params: `k=${i + 1}`, sharpe })),
  };
}

describe('planning a comparison', () => {
  const a = backtestInput('a.json', [x], bench);
  const b = backtestInput('b.json', [y], bench);

  it('refuses one file with one strategy, simulations mixed with backtests, and bad options, as issues', () => {
    expect(planCompareStudy(request([a]))).toEqual({ ok: false, issues: [{ code: 'nothing-to-compare', severity: 'error', file: '/results/a.json', message: 'one file with one strategy; name a second file' }] });
    const s = simulateInput('s');
    expect(planCompareStudy(request([s, a]))).toEqual({
      ok: false, issues: [{ code: 'mixed-kinds', severity: 'error', file: 'command line', message: 'cannot compare simulation results (/results/s.json) with backtest results (/results/a.json)' }],
    });
    const bad = planCompareStudy(request([], { seed: -1, resamples: 0 }));
    expect(bad.ok ? [] : bad.issues.map((i) => `${i.code}: ${i.message}`)).toEqual([
      'bad-option: --seed -1: expected a whole number 0 to 2^32-1',
      'bad-option: --resamples 0: expected a whole number 1 to 1,000,000',
      'bad-option: name the result files to compare',
    ]);
  });

  it('refuses incomparable files with one issue per difference naming the differing file, and compares them with force', async () => {
    const other = backtestInput('o.json', [y], bench, (doc) => { doc.data.last = '2021-06-30'; doc.cycles.pop(); });
    const refused = planCompareStudy(request([a, other]));
    expect(refused.ok ? [] : refused.issues.map((i) => [i.code, i.file, i.message])).toEqual([
      ['not-comparable', '/results/o.json', 'data.last: 2020-02-05 in a.json, 2021-06-30 in o.json'],
      ['not-comparable', '/results/o.json', 'cycles: 2020-03 only in a.json'],
    ]);
    const forced = await compare([a, other], { force: true });
    expect(forced.comparable).toBe(false);
    expect(forced.differences.map((d) => d.what)).toEqual(['data.last', 'cycles']);
  });

  it('plans one block per section, fixed by the inputs', () => {
    const sections = (inputs: readonly CompareInput[]) => { const p = planCompareStudy(request(inputs, { force: true })); return p.ok ? p.value.blocks : []; };
    expect(sections([a, b])).toEqual([{ section: 'headline' }, { section: 'paired' }]);
    expect(sections([backtestInput('t.json', [x, y, z], bench), sweep('s.csv', [0.3, 0.5], 100)])).toEqual([
      { section: 'headline' }, { section: 'strategies-deflated-sharpe' }, { section: 'sweep-deflated-sharpe', input: 1 },
    ]);
    expect(sections([simulateInput('s'), simulateInput('t')])).toEqual([{ section: 'headline' }, { section: 'simulations' }]);
  });
});

describe('comparing two backtests', () => {
  const a = backtestInput('a.json', [x], bench);
  const b = backtestInput('b.json', [y], bench);

  it('gives headline metrics, per-cycle returns and the paired bootstrap in a valid ratecut.compare/1 document', async () => {
    const c = await compare([a, b]);
    expect(compareResultSchema.parse(c)).toEqual(c);
    expect(c.files.map((f) => [f.letter, f.file])).toEqual([['A', '/results/a.json'], ['B', '/results/b.json']]);
    expect(c.metrics.map((m) => m.label)).toEqual(['a.json:x', 'b.json:y', 'a.json:benchmark:hold']);
    expect(c.cycles?.rows.map((r) => [r.cycleId, r.recession, r.difference])).toEqual([['2019-08', false, expect.closeTo(0.1, 12)], ['2020-03', true, expect.closeTo(-0.06, 12)]]);
    expect(c.cycles?.aBeatB).toEqual({ a: 'a.json:x', b: 'b.json:y', wins: 1, count: 2, share: 0.5 });
    const p = c.paired;
    expect(p).toMatchObject({ a: 'a.json:x', b: 'b.json:y', first: '2019-01-01', last: '2020-02-05', observations: N, resamples: 300, seed: 5, periodsPerYear: 252 });
    // The point estimates are the full-sample differences: annual return = (mean A − mean B) × 252.
    const mean = (r: readonly number[]) => r.reduce((s, v) => s + v, 0) / r.length;
    expect(p?.annualReturn.estimate).toBeCloseTo((mean(x.returns) - mean(y.returns)) * 252, 10);
    expect(p?.sharpe.lower).toBeLessThanOrEqual(p?.sharpe.estimate ?? NaN);
    expect(p?.sharpe.upper).toBeGreaterThanOrEqual(p?.sharpe.estimate ?? NaN);
    expect(c.deflatedSharpe).toEqual([]);
    expect(c.notes).toEqual([]);
  });

  it('gives a zero difference with a degenerate interval for the same strategy twice', async () => {
    const c = await compare([a, backtestInput('copy.json', [x], bench)]);
    expect(c.paired?.sharpe).toEqual({ estimate: 0, lower: 0, upper: 0 });
    expect(c.cycles?.aBeatB).toMatchObject({ wins: 0, count: 2 });
  });

  it('names a block executor that a worker thread loads from its own module', () => {
    const loaded = require(COMPARE_BLOCK.module) as Record<string, unknown>;
    expect(loaded[COMPARE_BLOCK.exportName]).toBe(COMPARE_BLOCK.run);
  });
});

describe('the deflated Sharpe ratio', () => {
  it('over more than two strategies matches eq. 1-2 of Bailey and Lopez de Prado (2014) computed independently', async () => {
    const three = backtestInput('three.json', [x, y, z], bench);
    const c = await compare([three]);
    expect(c.paired).toBeNull();
    expect(c.notes[0]).toBe('Paired bootstrap: needs exactly two strategies; with more, the deflated Sharpe ratio is given instead.');
    expect(c.notes[1]).toMatch(/^Deflated Sharpe ratio \(Bailey and Lopez de Prado, 2014\): for backtests/);
    const [d] = c.deflatedSharpe;
    expect(d).toMatchObject({ trials: 3, statistic: 'excess over benchmark', nullHypothesis: expect.stringMatching(/no skill over its benchmark/) });
    // Sharpe ratio of (strategy − benchmark) daily returns, two-pass sample moments, Φ by
    // Simpson integration and Φ⁻¹ by bisection.
    const stats = [x, y, z].map((s) => {
      const e = s.returns.map((v, i) => v - bench.returns[i]);
      const n = e.length, m = e.reduce((acc, v) => acc + v, 0) / n;
      const sd = Math.sqrt(e.reduce((acc, v) => acc + (v - m) ** 2, 0) / (n - 1));
      const m2 = e.reduce((acc, v) => acc + (v - m) ** 2, 0) / n, m3 = e.reduce((acc, v) => acc + (v - m) ** 3, 0) / n, m4 = e.reduce((acc, v) => acc + (v - m) ** 4, 0) / n;
      return { label: `three.json:${s.label}`, sr: m / sd, n, skew: m3 / m2 ** 1.5, kurt: m4 / m2 ** 2 };
    });
    const best = stats.reduce((acc, s) => (s.sr > acc.sr ? s : acc));
    expect(d.best).toBe(best.label);
    expect(d.bestSharpe).toBeCloseTo(best.sr * Math.sqrt(252), 9);
    expect(d.observations).toBe(best.n);
    const phi = (t: number): number => {
      const k = 20000, h = t / k, f = (u: number) => Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
      let acc = f(0) + f(t);
      for (let i = 1; i < k; i += 1) acc += (i % 2 === 1 ? 4 : 2) * f(i * h);
      return 0.5 + (acc * h) / 3;
    };
    const phiInv = (p: number): number => { let lo = -10, hi = 10; for (let i = 0; i < 80; i += 1) { const mid = (lo + hi) / 2; if (phi(mid) < p) lo = mid; else hi = mid; } return (lo + hi) / 2; };
    const srs = stats.map((s) => s.sr), mean = srs.reduce((acc, v) => acc + v, 0) / 3;
    const variance = srs.reduce((acc, v) => acc + (v - mean) ** 2, 0) / 2, g = 0.5772156649015329;
    const sr0 = Math.sqrt(variance) * ((1 - g) * phiInv(1 - 1 / 3) + g * phiInv(1 - 1 / (3 * Math.E)));
    const dsr = phi(((best.sr - sr0) * Math.sqrt(best.n - 1)) / Math.sqrt(1 - best.skew * best.sr + ((best.kurt - 1) / 4) * best.sr ** 2));
    expect(d.expectedMaxSharpe).toBeCloseTo(sr0 * Math.sqrt(252), 6);
    expect(d.probability).toBeCloseTo(dsr, 6);
  });

  it('leaves out strategies that hold the benchmark, and says so when fewer than two remain', async () => {
    const c = await compare([backtestInput('t.json', [x, { ...bench, label: 'copy' }, { ...bench, label: 'copy2' }], bench)]);
    expect(c.deflatedSharpe).toEqual([]);
    expect(c.notes).toEqual(['Deflated Sharpe ratio: fewer than 2 strategies differ from their benchmark; not computed.', 'Paired bootstrap: needs exactly two strategies; with more, the deflated Sharpe ratio is given instead.']);
    expect(c.metrics[1].label).toBe('t.json:copy (= benchmark)');
    expect(c.metrics[1].cycleHitRate).toBeNull();
  });

  it('over a sweep table takes the Sharpe ratios over cash and normal moments, with T = rows − 1', async () => {
    const c = await compare([sweep('s.csv', [0.3, 0.5, 0.4], 1044)]);
    const [d] = c.deflatedSharpe;
    expect(d).toMatchObject({ best: 's.csv:k=2', bestSharpe: 0.5, statistic: 'over cash', observations: 1043, skewness: 0, kurtosis: 3, trials: 3 });
    expect(d.moments).toMatch(/taken as normal/);
    expect(d.trialSharpeSd).toBeCloseTo(0.1, 12);
    const unknownLength = await compare([sweep('u.csv', [0.3, 0.5], null)]);
    expect(unknownLength.deflatedSharpe[0].probability).toBeNull();
    expect(unknownLength.notes[0]).toBe("u.csv: the sample length is not in the CSV's comment lines; the deflated Sharpe ratio is n/a");
  });
});

describe('comparing simulations', () => {
  it('sets percentiles, probabilities and targets (matched by text) side by side, first minus each other', async () => {
    const s = simulateInput('x', { p50: 0.2, beat: 0.4, targets: [{ target: 'small:+20%', probability: 0.5 }] });
    const t = simulateInput('y', { p50: 0.05, beat: 0.6, targets: [{ target: 'small:+20%', probability: 0.3 }, { target: 'large:+5%', probability: 0.7 }], analogs: ['2001-01'] });
    const c = await compare([s, t]);
    const row = (name: string) => c.simulations?.rows.find((r) => r.statistic === name);
    expect(c.simulations?.labels).toEqual(['x.json:x', 'y.json:y']);
    expect(row('small return median')?.differences[0]).toBeCloseTo(0.15, 12);
    expect(row('P(small beats large)')?.differences[0]).toBeCloseTo(-0.2, 12);
    expect(row('P(small:+20%)')?.differences[0]).toBeCloseTo(0.2, 12);
    expect(row('P(large:+5%)')?.values).toEqual([null, 0.7]);
    expect(c.notes).toEqual(['The scenarios draw from different analog cycles (that is what distinguishes them); not counted as a difference.']);
    expect(c.metrics).toEqual([]);
    expect(c.cycles).toBeNull();
  });
});
