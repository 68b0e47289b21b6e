import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue, type LoadResult } from '@ratecut/sim-core';
import { backtestDocument, simulateDocument } from '../../testing/report-documents';
import { checkReportInput, readReportDocument } from './report-input';

const issuesOf = <T>(r: LoadResult<T>) => (r.ok ? [] : r.issues);

describe('checkReportInput', () => {
  it('reads a backtest with the contracts schema and a simulate result with the report schema', () => {
    const bt = checkReportInput({ file: 'bt.json', doc: backtestDocument() });
    expect(bt.ok && bt.value.kind).toBe('backtest');
    const sim = checkReportInput({ file: 'sim.json', doc: simulateDocument() });
    expect(sim.ok && sim.value.kind).toBe('simulate');
    const minor = checkReportInput({ file: 'm.json', doc: { ...backtestDocument(), schema: 'ratecut.backtest/2.7', addedLater: 1 } });
    expect(minor.ok).toBe(true);
  });

  it('applies the schema-version rule: not a result, another kind, an older or a newer major', () => {
    const code = (doc: unknown) => issuesOf(checkReportInput({ file: 'x.json', doc })).map((i) => i.code);
    expect(code([1, 2])).toEqual(['not-a-result']);
    expect(code({ schema: 'something/2' })).toEqual(['not-a-result']);
    expect(code({ schema: 'ratecut.cycles/1' })).toEqual(['not-a-result']);
    expect(code({ ...backtestDocument(), schema: 'ratecut.backtest/1' })).toEqual(['old-schema']);
    const newer = issuesOf(checkReportInput({ file: 'x.json', doc: { schema: 'ratecut.backtest/3' } }));
    expect(newer.map(formatIssue)).toEqual(['x.json: error newer-schema: ratecut.backtest/3 was written by a newer ratecut; this version reads ratecut.backtest/2.x (upgrade ratecut)']);
  });

  it('gives one bad-result issue per missing or mistyped field, with its JSON path', () => {
    const doc = simulateDocument() as Record<string, unknown>;
    delete doc['commandLine'];
    (doc['paths'] as unknown) = 'many';
    const issues = issuesOf(checkReportInput({ file: 'sim.json', doc }));
    expect(issues.map((i) => [i.code, i.jsonPath])).toEqual([['bad-result', 'commandLine'], ['bad-result', 'paths']]);
    expect(issues.every((i) => i.message.endsWith('(in a ratecut.simulate/1 file)') && i.line === undefined)).toBe(true);
    const bt = backtestDocument() as unknown as { strategies: { label: unknown }[] };
    bt.strategies[1].label = 5;
    expect(issuesOf(checkReportInput({ file: 'bt.json', doc: bt })).map((i) => i.jsonPath)).toEqual(['strategies[1].label']);
  });
});

describe('readReportDocument', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratecut-report-input-'));
  mkdirSync(join(dir, 'adir'));

  it('reads a result file relative to cwd, ignoring a byte-order mark', () => {
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${JSON.stringify(simulateDocument())}`);
    const read = readReportDocument('bom.json', dir);
    expect(read.ok && read.value.file).toBe('bom.json');
    expect(read.ok && checkReportInput(read.value).ok).toBe(true);
  });

  it('locates a bad field at its line and column in the file', () => {
    const doc = backtestDocument() as unknown as { strategies: { label: unknown }[] };
    doc.strategies[1].label = 5;
    const text = JSON.stringify(doc, null, 2);
    writeFileSync(join(dir, 'bad.json'), text);
    const read = readReportDocument('bad.json', dir);
    if (!read.ok) throw new Error('unreadable');
    const [issue] = issuesOf(checkReportInput(read.value));
    // The second "label": 5 in the text (the first strategy's label is a string).
    const at = text.indexOf('"label": 5');
    const line = text.slice(0, at).split('\n').length;
    expect([issue.line, issue.column]).toEqual([line, at - text.lastIndexOf('\n', at) + '"label": '.length]);
    expect(formatIssue(issue)).toMatch(new RegExp(`^bad\\.json:${line}:\\d+: error bad-result: strategies\\[1\\]\\.label: `));
  });

  it('names a missing file, a folder, and a syntax error at its line and column', () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "schema": "ratecut.backtest/2",\n  oops\n}\n');
    writeFileSync(join(dir, 'cut.json'), '{\n  "schema": "ratecut.backtest/2",\n  "commandLine": "x",\n');
    const line = (file: string) => issuesOf(readReportDocument(file, dir)).map(formatIssue);
    expect(line('missing.json')).toEqual([expect.stringMatching(/^missing\.json: error missing-file: file not found/)]);
    expect(line('adir')).toEqual(['adir: error not-a-file: is a folder; name a file']);
    expect(line('broken.json')).toEqual([expect.stringMatching(/^broken\.json:3:3: error bad-json: malformed JSON/)]);
    expect(line('cut.json')).toEqual([expect.stringMatching(/^cut\.json:\d+:\d+: error bad-json: truncated JSON/)]);
  });
});
