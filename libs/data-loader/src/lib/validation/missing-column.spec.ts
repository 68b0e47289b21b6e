import { missingColumnIssue } from './missing-column';

describe('missingColumnIssue', () => {
  it('sits on the header line without a column and lists the columns found', () => {
    const issue = missingColumnIssue('f.csv', 3, 'close', ['date', 'open'], 'value column');
    expect(issue).toEqual({
      code: 'missing-column',
      severity: 'error',
      file: 'f.csv',
      line: 3,
      message: 'no value column named "close" in the header; columns found: "date", "open"',
    });
  });
});
