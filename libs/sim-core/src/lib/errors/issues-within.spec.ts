import { makeIssue } from './make-issue';
import { issuesWithin } from './issues-within';

describe('issuesWithin', () => {
  const gap = (from: number, to: number) => makeIssue('gap', 'warning', 'x.csv', `gap ${from}-${to}`, { line: 3, days: { from, to } });
  it('keeps issues without days and gaps that reach into the range, drops gaps wholly outside it', () => {
    const plain = makeIssue('bad-catalog', 'warning', 'catalog.json', 'mixed basis');
    const kept = issuesWithin([plain, gap(0, 12), gap(95, 108), gap(195, 205), gap(210, 230), gap(90, 100), gap(200, 220)], 100, 200);
    expect(kept.map((i) => i.message)).toEqual(['mixed basis', 'gap 95-108', 'gap 195-205']);
  });

  it('keeps the days on the issue only when given', () => {
    expect(gap(1, 20).days).toEqual({ from: 1, to: 20 });
    expect('days' in makeIssue('gap', 'warning', 'x.csv', 'no span')).toBe(false);
  });
});
