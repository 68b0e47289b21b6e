import { backtestDocument, TEST_COUNTED, TEST_TRIGGER_RETURNS } from '../../testing/report-documents';
import { backtestHeadline } from './backtest-headline';
import { signedPp } from './section-parts';

describe('backtestHeadline', () => {
  it('gives, for the best strategy and small caps, the counted cycles won and the mean excess, and the CAGRs', () => {
    const doc = backtestDocument();
    const h = backtestHeadline(doc);
    // Independently: the counted cycles' excess of each strategy over the benchmark's window run.
    const bench = doc.benchmark.cycles.map((c) => c.totalReturn ?? NaN);
    const small = doc.strategies.find((s) => s.label === 'buy-hold-small')?.cycles.map((c) => c.totalReturn ?? NaN) ?? [];
    const counted = doc.benchmark.cycles.map((c, i) => ((TEST_COUNTED as readonly string[]).includes(c.cycleId) ? i : -1)).filter((i) => i >= 0);
    const score = (totals: readonly number[]) => {
      const xs = counted.map((i) => totals[i] - bench[i]);
      return { wins: xs.filter((x) => x > 0).length, mean: xs.reduce((a, b) => a + b, 0) / xs.length };
    };
    const trigger = score(TEST_TRIGGER_RETURNS), smallScore = score(small);
    const best = trigger.mean > smallScore.mean ? 'cut-trigger' : 'buy-hold-small';
    expect(h.countedCycles).toBe(2);
    expect(h.best?.label).toBe(best);
    const bestScore = best === 'cut-trigger' ? trigger : smallScore;
    expect(h.best?.wins).toBe(bestScore.wins);
    expect(h.best?.compared).toBe(2);
    expect(h.best?.meanExcess).toBeCloseTo(bestScore.mean, 12);
    expect(h.benchmarkCagr).toBe(0.05);
    expect(h.question).toBe('Did the strategies beat the benchmark after first cuts?');
    expect(h.answerHtml).toContain(`in <b>${bestScore.wins} of 2</b>`);
    expect(h.answerHtml).toContain(signedPp(bestScore.mean));
    expect(h.answerHtml).toContain('beat the benchmark, S&amp;P 500 held, in');
    expect(h.answerHtml).toContain("against the benchmark's 5.0 %");
    if (best === 'cut-trigger') {
      expect(h.small?.wins).toBe(smallScore.wins);
      expect(h.answerHtml).toContain(`Russell 2000 held beat it in ${smallScore.wins} of 2 (mean ${signedPp(smallScore.mean)})`);
      expect(h.answerHtml).toContain('cut-trigger grew <b>6.0 %</b> a year');
    }
  });

  it('says so when no cycle is counted', () => {
    const doc = backtestDocument();
    for (const s of [doc.benchmark, ...doc.strategies]) s.aggregates = s.aggregates.map((a) => ({ ...a, cycles: 0, meanExcess: null, medianExcess: null, hitRate: null }));
    const h = backtestHeadline(doc);
    expect(h.answerHtml).toContain('No easing cycle is covered by this run.');
    expect(h.answerHtml).toContain("the benchmark, S&amp;P 500 held, grew <b>5.0 %</b> a year");
  });

  it('writes percentage points with a true minus sign', () => {
    expect(signedPp(-0.0163)).toBe('−1.6 pp');
    expect(signedPp(0.035)).toBe('+3.5 pp');
    expect(signedPp(-0.0001)).toBe('+0.0 pp');
    expect(signedPp(null)).toBe('n/a');
  });
});
