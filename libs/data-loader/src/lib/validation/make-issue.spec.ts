import { errorIssue, makeIssue } from '@ratecut/sim-core';

describe('makeIssue', () => {
  it('keeps a known location', () => {
    expect(makeIssue('gap', 'warning', 'a.csv', 'gap', { line: 3, column: 2 })).toEqual({
      code: 'gap', severity: 'warning', file: 'a.csv', line: 3, column: 2, message: 'gap',
    });
  });

  it('omits unknown line and column instead of storing undefined', () => {
    const issue = errorIssue('missing-file', 'a.csv', 'not found', { line: undefined });
    expect(issue).toEqual({ code: 'missing-file', severity: 'error', file: 'a.csv', message: 'not found' });
    expect('line' in issue).toBe(false);
    expect('column' in issue).toBe(false);
  });
});
