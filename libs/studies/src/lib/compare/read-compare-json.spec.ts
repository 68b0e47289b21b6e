import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue } from '@ratecut/sim-core';
import { backtestInput, fixtureReturns, simulateInput } from '../../testing/compare-fixtures';
import { readCompareJson } from './read-compare-json';
import { recogniseResult } from './recognise-result';

const dir = mkdtempSync(join(tmpdir(), 'ratecut-read-compare-'));
const write = (name: string, text: string): string => { writeFileSync(join(dir, name), text); return name; };
const lines = (name: string): string[] => { const r = readCompareJson(name, dir); return r.ok ? [] : r.issues.map(formatIssue); };
const backtest = backtestInput('a.json', [{ label: 'x', returns: fixtureReturns(20, 2) }], { label: 'benchmark:hold', returns: fixtureReturns(20, 1) });
const backtestText = backtest.kind === 'backtest' ? JSON.stringify(backtest.doc, null, 2) : '';

describe('the schema-version rule for the result files compare reads', () => {
  it('reads the same major whatever the minor, and refuses a newer or older major', () => {
    expect(recogniseResult('a.json', { schema: 'ratecut.backtest/2' })).toEqual({ ok: true, value: { kind: 'backtest', schema: 'ratecut.backtest/2' }, warnings: [] });
    expect(recogniseResult('a.json', { schema: 'ratecut.simulate/1.7' })).toMatchObject({ ok: true, value: { kind: 'simulate' } });
    expect(recogniseResult('a.json', { schema: 'ratecut.backtest/3' })).toEqual({
      ok: false, issues: [{ code: 'newer-schema', severity: 'error', file: 'a.json', message: 'ratecut.backtest/3 was written by a newer ratecut; this version reads ratecut.backtest/2.x (upgrade ratecut)' }],
    });
    expect(recogniseResult('a.json', { schema: 'ratecut.simulate/0.9' })).toMatchObject({ ok: false, issues: [{ code: 'old-schema' }] });
  });

  it('names what it found when the document is not a result it reads', () => {
    expect(recogniseResult('a.json', [1])).toMatchObject({ ok: false, issues: [{ code: 'not-a-result', message: expect.stringContaining('(not a JSON object;') }] });
    expect(recogniseResult('a.json', {})).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('(no "schema" key;') }] });
    expect(recogniseResult('a.json', { schema: 'ratecut.cycles/1' })).toMatchObject({ ok: false, issues: [{ code: 'not-a-result', message: expect.stringContaining('not a result file this command reads') }] });
  });
});

describe('reading a JSON result file for a comparison', () => {
  it('reads a backtest with the contracts schema and a simulation with the simulate reader, naming the file as given', () => {
    write('a.json', `\uFEFF${backtestText}`);
    const sim = simulateInput('s');
    write('s.json', JSON.stringify(sim.kind === 'simulate' ? sim.doc : {}));
    const a = readCompareJson('a.json', dir);
    expect(a).toMatchObject({ ok: true, value: { kind: 'backtest', file: 'a.json', name: 'a.json', schema: 'ratecut.backtest/2' } });
    expect(a.ok && a.value.kind === 'backtest' ? a.value.doc : null).toEqual(backtest.kind === 'backtest' ? backtest.doc : null);
    expect(readCompareJson('s.json', dir)).toMatchObject({ ok: true, value: { kind: 'simulate', name: 's.json' } });
  });

  it('locates syntax errors, a cut-off file included', () => {
    write('cut.json', '{\n  "schema": "ratecut.backtest/2",\n  "data": {');
    write('bad.json', '{\n  "schema": "ratecut.backtest/2",\n  "data": }');
    expect(lines('cut.json')).toEqual(['cut.json:3:12: error bad-json: truncated JSON (the file ends before the document does)']);
    expect(lines('bad.json')).toEqual(['bad.json:3:11: error bad-json: malformed JSON: unexpected character "}"; expected a value (object, array, string, number, true, false or null)']);
  });

  it('refuses a newer major with the rule\'s message', () => {
    write('newer.json', backtestText.replace('"ratecut.backtest/2"', '"ratecut.backtest/3"'));
    expect(lines('newer.json')).toEqual(['newer.json: error newer-schema: ratecut.backtest/3 was written by a newer ratecut; this version reads ratecut.backtest/2.x (upgrade ratecut)']);
  });

  it('lists every schema problem at the value\'s line and column, with its JSON path', () => {
    const doc = JSON.parse(backtestText) as { data: Record<string, unknown>; equity?: unknown; strategies: { label: unknown }[] };
    delete doc.data['rows'];
    delete doc.equity;
    doc.strategies[0].label = 7;
    const text = JSON.stringify(doc, null, 2);
    write('broken.json', text);
    const at = (needle: string, skip = 0) => {
      const before = text.slice(0, text.indexOf(needle) + skip).split('\n');
      return `${before.length}:${before[before.length - 1].length + 1}`;
    };
    const found = lines('broken.json');
    expect(found).toHaveLength(3);
    // A missing key is placed at the object that lacks it; a wrong value at the value.
    expect(found).toContain(`broken.json:${at('{\n    "catalog"')}: error bad-result: data.rows: Invalid input: expected number, received undefined`);
    expect(found).toContain('broken.json:1:1: error bad-result: equity: Invalid input: expected object, received undefined');
    expect(found).toContain(`broken.json:${at('"label": 7', '"label": '.length)}: error bad-result: strategies[0].label: Invalid input: expected string, received number`);
  });
});
