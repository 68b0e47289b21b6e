import { errorIssue, makeIssue } from '@ratecut/sim-core';
import { failure, hasErrors, resultFromIssues, success } from './load-result';

describe('load result helpers', () => {
  const warning = makeIssue('gap', 'warning', 'f.csv', 'gap');
  const error = errorIssue('bad-date', 'f.csv', 'bad');

  it('succeeds with warnings only', () => {
    expect(resultFromIssues(42, [warning])).toEqual({ ok: true, value: 42, warnings: [warning] });
    expect(success(1)).toEqual({ ok: true, value: 1, warnings: [] });
  });

  it('fails with every issue when one is an error', () => {
    expect(resultFromIssues(42, [warning, error])).toEqual({ ok: false, issues: [warning, error] });
    expect(failure([error])).toEqual({ ok: false, issues: [error] });
    expect(hasErrors([warning])).toBe(false);
  });
});
