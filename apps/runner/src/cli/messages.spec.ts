import type { Issue } from '@ratecut/sim-core';
import { captureIo } from '../testing/capture-io';
import { PLAIN_STYLE } from './output-style';
import { printError, printIssues, printNote, printWarning, reportWritten } from './messages';

const warning: Issue = { code: 'gap', severity: 'warning', file: 'dff.csv', line: 3, message: '12 days without a value' };
const error: Issue = { code: 'bad-date', severity: 'error', file: 'dff.csv', line: 4, column: 1, message: 'expected YYYY-MM-DD' };

describe('messages on stderr', () => {
  it('prints issues, warnings, notes and written files as plain lines by default', () => {
    const io = captureIo();
    printIssues(io, [warning, error]);
    printWarning(io, 'warning: careful');
    printNote(io, '[1/2] dff ...');
    reportWritten(io, ['a.json']);
    printError(io, 'error: broken');
    expect(io.err()).toBe([
      'dff.csv:3: warning gap: 12 days without a value', 'dff.csv:4:1: error bad-date: expected YYYY-MM-DD',
      'warning: careful', '[1/2] dff ...', 'wrote a.json', 'error: broken', '',
    ].join('\n'));
  });

  it('keeps errors only under --quiet', () => {
    const io = { ...captureIo(), style: { ...PLAIN_STYLE, quiet: true } };
    printIssues(io, [warning, error]);
    printWarning(io, 'warning: careful');
    printNote(io, '[1/2] dff ...');
    reportWritten(io, ['a.json']);
    printError(io, 'error: broken');
    expect(io.err()).toBe('dff.csv:4:1: error bad-date: expected YYYY-MM-DD\nerror: broken\n');
  });

  it('colours errors red and warnings yellow when colour is on', () => {
    const io = { ...captureIo(), style: { ...PLAIN_STYLE, color: true } };
    printIssues(io, [warning, error]);
    expect(io.err()).toBe('\x1b[33mdff.csv:3: warning gap: 12 days without a value\x1b[39m\n\x1b[31mdff.csv:4:1: error bad-date: expected YYYY-MM-DD\x1b[39m\n');
  });

  it('hands written files to onWritten instead of printing them (a step of another command)', () => {
    const got: string[] = [];
    const io = { ...captureIo(), onWritten: (p: readonly string[]) => { got.push(...p); } };
    reportWritten(io, ['a.json', 'a.equity.csv']);
    expect(got).toEqual(['a.json', 'a.equity.csv']);
    expect(io.err()).toBe('');
  });
});
