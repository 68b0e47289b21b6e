import { errorIssue, makeIssue } from '@ratecut/sim-core';
import { capIssues } from './issue-cap';

describe('capIssues', () => {
  it('sorts by line and keeps a short list unchanged', () => {
    const a = errorIssue('bad-date', 'f.csv', 'a', { line: 9, column: 1 });
    const b = errorIssue('bad-number', 'f.csv', 'b', { line: 2, column: 3 });
    expect(capIssues([a, b])).toEqual([b, a]);
  });

  it('keeps the first 50 per file and says how many more were suppressed', () => {
    const many = Array.from({ length: 60 }, (_, i) => errorIssue('bad-number', 'f.csv', `n${i}`, { line: i + 2, column: 2 }));
    const other = makeIssue('gap', 'warning', 'g.csv', 'gap', { line: 5 });
    const capped = capIssues([...many, other]);
    const forF = capped.filter((i) => i.file === 'f.csv');
    expect(forF).toHaveLength(51);
    expect(forF[49].line).toBe(51);
    const summary = forF[50];
    expect(summary.severity).toBe('error');
    expect(summary.line).toBe(52);
    expect(summary.message).toContain('10 more issues in this file were suppressed (bad-number x10)');
    expect(capped.filter((i) => i.file === 'g.csv')).toEqual([other]);
  });

  it('honours a custom cap', () => {
    const warnings = Array.from({ length: 3 }, (_, i) => makeIssue('gap', 'warning', 'f.csv', 'g', { line: i + 1 }));
    const capped = capIssues(warnings, 1);
    expect(capped).toHaveLength(2);
    expect(capped[1].severity).toBe('warning');
    expect(capped[1].message).toContain('2 more issues');
  });
});
