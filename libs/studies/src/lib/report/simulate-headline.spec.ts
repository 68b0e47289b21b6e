import { knownDraws, simulateDocumentFromDraws } from '../../testing/report-documents';
import { simulateHeadline } from './simulate-headline';

const NBSP = '\u00a0';

/** Median of the draws (the mean of the two middle values for an even count). */
function median(xs: Float64Array): number {
  const s = Array.from(xs).sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
}
const pct0 = (p: number) => `${Math.round(p * 100)}${NBSP}%`;
const signed1 = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}${NBSP}%`;

describe('simulateHeadline', () => {
  it('asks about the scenario and answers with P(small beats large), each target in words and the medians, counted over the draws', () => {
    const draws = knownDraws();
    const doc = simulateDocumentFromDraws(draws);
    const n = draws.small.length;
    const spread = draws.small.map((x, i) => x - draws.large[i]);
    const share = (xs: Float64Array, t: number) => xs.reduce((k, x) => k + (x >= t ? 1 : 0), 0) / n;
    const beats = draws.small.reduce((k, x, i) => k + (x > draws.large[i] ? 1 : 0), 0) / n;
    const h = simulateHeadline(doc);
    expect(h.question).toBe('What could the next 4 months bring in the Insurance cuts scenario?');
    expect(h.answerHtml).toBe(
      `The Russell 2000 beats the S&amp;P 500 in <b>${pct0(beats)}</b> of 2,000 simulated paths (stationary block bootstrap of 2 past easing cycles (1995-07, 1998-09)). `
      + `P(Russell 2000 ≥ +20${NBSP}%) = <b>${pct0(share(draws.small, 0.2))}</b>; `
      + `P(S&amp;P 500 ≥ +10${NBSP}%) = <b>${pct0(share(draws.large, 0.1))}</b>; `
      + `P(Russell 2000 ≥ S&amp;P 500 + 5${NBSP}pp) = <b>${pct0(share(spread, 0.05))}</b>. `
      + `Median return: Russell 2000 <b>${signed1(median(draws.small))}</b>, S&amp;P 500 <b>${signed1(median(draws.large))}</b>.`,
    );
  });

  it('states P(small ≥ +20 %) from the histogram when the run set no target', () => {
    const draws = knownDraws();
    const doc = simulateDocumentFromDraws(draws, 60);
    doc.probabilities.targets = [];
    const direct = draws.small.reduce((k, x) => k + (x >= 0.2 ? 1 : 0), 0) / draws.small.length;
    const m = /P\(Russell 2000 ≥ \+20\u00a0%\) ≈ <b>(\d+)\u00a0%<\/b>/.exec(simulateHeadline(doc).answerHtml);
    expect(m).not.toBeNull();
    expect(Math.abs(Number(m?.[1]) / 100 - direct)).toBeLessThanOrEqual(0.02);
  });
});
