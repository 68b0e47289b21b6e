import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue, type LoadResult } from '@ratecut/sim-core';
import { backtestDocument, simulateDocument } from '../../testing/report-documents';
import { checkResultDocument } from './check-result-document';
import { readResultFile } from './read-result-file';

const dir = mkdtempSync(join(tmpdir(), 'ratecut-read-result-'));
mkdirSync(join(dir, 'adir'));
const write = (name: string, text: string): string => { writeFileSync(join(dir, name), text); return name; };
const lines = <T>(r: LoadResult<T>): string[] => (r.ok ? [] : r.issues.map(formatIssue));
const JSON_KINDS = ['backtest', 'simulate'] as const;
const WITH_SWEEP = ['backtest', 'simulate', 'sweep'] as const;
const backtestText = JSON.stringify(backtestDocument(), null, 2);

/** 1-based line and column of the character `skip` after the first `needle` in `text`. */
const at = (text: string, needle: string, skip = 0): string => {
  const before = text.slice(0, text.indexOf(needle) + skip).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
};

const SWEEP_HEADER = '# {"schema":"ratecut.sweep/2","strategy":"relative-momentum","parameters":["k_months","threshold"],"pair":"rut-gspc","returnBasis":"price return","first":"2018-01-01","last":"2021-12-31","rows":1044,"periodsPerYear":252,"executionLag":1,"costBps":5,"slippageBps":5,"cash":"fedfunds","synthetic":false,"schedule":{"kind":"on-signal"},"benchmark":"buy-hold-large","window":{"beforeMonths":3,"afterMonths":24,"anchor":"first-cut"},"cycles":[],"counted":[],"deflatedSharpe":null}';
const SWEEP_COLUMNS = 'k_months,threshold,total_return,cagr,volatility,sharpe,max_drawdown,rebalances,mean_cycle_excess,cycle_hit_rate';

describe('readResultFile: the file', () => {
  it('reads a backtest and a simulate result with the full contracts schemas, relative to cwd, ignoring a byte-order mark', () => {
    write('bt.json', `\uFEFF${backtestText}`);
    write('sim.json', JSON.stringify(simulateDocument()));
    const bt = readResultFile('bt.json', dir, JSON_KINDS);
    expect(bt).toMatchObject({ ok: true, value: { kind: 'backtest', file: 'bt.json', schema: 'ratecut.backtest/2' } });
    expect(bt.ok ? bt.value.doc : null).toEqual(backtestDocument());
    const sim = readResultFile(join(dir, 'sim.json'), '/', JSON_KINDS);
    expect(sim).toMatchObject({ ok: true, value: { kind: 'simulate', file: join(dir, 'sim.json') } });
    expect(sim.ok ? sim.value.doc : null).toEqual(simulateDocument());
  });

  it('names a missing file, a folder, and a path it cannot look at, by the codes missing-file, not-a-file, unreadable', () => {
    write('plain.json', '{}');
    expect(lines(readResultFile('missing.json', dir, JSON_KINDS))).toEqual(['missing.json: error missing-file: file not found; name a backtest or simulate result file (JSON)']);
    expect(lines(readResultFile('missing.csv', dir, WITH_SWEEP))).toEqual(['missing.csv: error missing-file: file not found; name a backtest or simulate result file (JSON) or a sweep table (CSV)']);
    expect(lines(readResultFile('adir', dir, JSON_KINDS))).toEqual(['adir: error not-a-file: is a folder; name a file']);
    expect(lines(readResultFile('adir', dir, WITH_SWEEP))).toEqual(['adir: error not-a-file: is a folder; name a file']);
    expect(lines(readResultFile('plain.json/x.json', dir, JSON_KINDS))).toEqual(['plain.json/x.json: error unreadable: a part of the path is a file, not a folder (ENOTDIR); check the path']);
  });

  it('locates syntax errors, a cut-off file included', () => {
    write('cut.json', '{\n  "schema": "ratecut.backtest/2",\n  "data": {');
    write('bad.json', '{\n  "schema": "ratecut.backtest/2",\n  "data": }');
    for (const kinds of [JSON_KINDS, WITH_SWEEP]) {
      expect(lines(readResultFile('cut.json', dir, kinds))).toEqual(['cut.json:3:12: error bad-json: truncated JSON (the file ends before the document does)']);
      expect(lines(readResultFile('bad.json', dir, kinds))).toEqual(['bad.json:3:11: error bad-json: malformed JSON: unexpected character "}"; expected a value (object, array, string, number, true, false or null)']);
    }
  });

  it('refuses binary content', () => {
    writeFileSync(join(dir, 'zip.json'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(readResultFile('zip.json', dir, JSON_KINDS)).toMatchObject({ ok: false, issues: [{ code: 'wrong-format', file: 'zip.json' }] });
  });
});

describe('readResultFile: the schema-version rule with the kinds the caller reads', () => {
  it('reads the same major whatever the minor, and refuses a newer or an older major', () => {
    write('minor.json', JSON.stringify({ ...simulateDocument(), schema: 'ratecut.simulate/1.7', addedLater: 1 }));
    const minor = readResultFile('minor.json', dir, JSON_KINDS);
    expect(minor).toMatchObject({ ok: true, value: { kind: 'simulate', schema: 'ratecut.simulate/1.7' } });
    expect(minor.ok && 'addedLater' in minor.value).toBe(false);
    write('newer.json', backtestText.replace('"ratecut.backtest/2"', '"ratecut.backtest/3"'));
    expect(lines(readResultFile('newer.json', dir, JSON_KINDS))).toEqual(['newer.json: error newer-schema: ratecut.backtest/3 was written by a newer ratecut; this version reads ratecut.backtest/2.x (upgrade ratecut)']);
    write('older.json', JSON.stringify({ ...simulateDocument(), schema: 'ratecut.simulate/0.9' }));
    expect(readResultFile('older.json', dir, JSON_KINDS)).toMatchObject({ ok: false, issues: [{ code: 'old-schema', file: 'older.json' }] });
  });

  it('refuses a document that is not a result, or a result of a kind the caller does not read', () => {
    write('array.json', '[1]');
    write('cycles.json', '{"schema":"ratecut.cycles/1"}');
    write('notes.txt', 'hello\n');
    expect(lines(readResultFile('array.json', dir, JSON_KINDS))).toEqual(['array.json: error not-a-result: not a ratecut result file (not a JSON object; expected "schema": "ratecut.backtest/2" or "ratecut.simulate/1")']);
    expect(lines(readResultFile('cycles.json', dir, JSON_KINDS))).toEqual(['cycles.json: error not-a-result: not a result file this command reads ("schema": "ratecut.cycles/1"; expected "schema": "ratecut.backtest/2" or "ratecut.simulate/1")']);
    expect(lines(readResultFile('cycles.json', dir, ['simulate']))).toEqual(['cycles.json: error not-a-result: not a result file this command reads ("schema": "ratecut.cycles/1"; expected "schema": "ratecut.simulate/1")']);
    write('bt-only.json', backtestText);
    expect(readResultFile('bt-only.json', dir, ['simulate'])).toMatchObject({ ok: false, issues: [{ code: 'not-a-result' }] });
    // Text that is neither JSON nor a sweep table: a syntax error for a JSON-only reader, not a result for one that reads sweeps too.
    expect(lines(readResultFile('notes.txt', dir, JSON_KINDS))).toEqual([expect.stringMatching(/^notes\.txt:1:1: error bad-json: malformed JSON/)]);
    expect(lines(readResultFile('notes.txt', dir, WITH_SWEEP))).toEqual(['notes.txt: error not-a-result: not a ratecut result file (neither a JSON object nor a table with a "#" header; expected a backtest or simulate result file (JSON) or a sweep table (CSV))']);
  });
});

describe('readResultFile: schema problems', () => {
  it('lists every problem at the value\'s line and column, its message starting with the JSON path', () => {
    const doc = JSON.parse(backtestText) as { data: Record<string, unknown>; equity?: unknown; strategies: { label: unknown }[] };
    delete doc.data['rows'];
    delete doc.equity;
    doc.strategies[1].label = 7;
    const text = JSON.stringify(doc, null, 2);
    write('broken.json', text);
    const read = readResultFile('broken.json', dir, JSON_KINDS);
    expect(read.ok ? [] : read.issues.map((i) => [i.code, i.jsonPath])).toEqual([['bad-result', 'data.rows'], ['bad-result', 'strategies[1].label'], ['bad-result', 'equity']]);
    const found = lines(read);
    // A missing key is placed at the object that lacks it; a wrong value at the value.
    expect(found).toContain(`broken.json:${at(text, '"data": {', '"data": '.length)}: error bad-result: data.rows: Invalid input: expected number, received undefined (in a ratecut.backtest/2 file)`);
    expect(found).toContain('broken.json:1:1: error bad-result: equity: Invalid input: expected object, received undefined (in a ratecut.backtest/2 file)');
    expect(found).toContain(`broken.json:${at(text, '"label": 7', '"label": '.length)}: error bad-result: strategies[1].label: Invalid input: expected string, received number (in a ratecut.backtest/2 file)`);
  });

  it('checks a simulate result against the whole simulate schema, not only the parts a command reads', () => {
    const doc = simulateDocument() as unknown as Record<string, unknown>;
    delete doc['drawdowns'];
    const text = JSON.stringify(doc, null, 2);
    write('no-drawdowns.json', text);
    expect(lines(readResultFile('no-drawdowns.json', dir, JSON_KINDS))).toEqual(['no-drawdowns.json:1:1: error bad-result: drawdowns: Invalid input: expected object, received undefined (in a ratecut.simulate/1 file)']);
  });
});

describe('readResultFile: sweep tables', () => {
  it('reads a ratecut.sweep/2 table for a caller that reads sweeps, by its "#" header or its .csv name', () => {
    write('sweep.csv', `# ratecut backtest --sweep k=1..2\n${SWEEP_HEADER}\n${SWEEP_COLUMNS}\n1,0,0.1,0.02,0.2,0.3,-0.3,10,,\n2,0,0.1,0.02,0.2,,-0.3,10,,\n`);
    const read = readResultFile('sweep.csv', dir, WITH_SWEEP);
    if (!read.ok || read.value.kind !== 'sweep') throw new Error(lines(read).join('\n'));
    expect(read.value.schema).toBe('ratecut.sweep/2');
    expect(read.value.table.header.parameters).toEqual(['k_months', 'threshold']);
    expect(read.value.table.rows).toEqual([[1, 0, 0.1, 0.02, 0.2, 0.3, -0.3, 10, null, null], [2, 0, 0.1, 0.02, 0.2, null, -0.3, 10, null, null]]);
  });

  it('locates a bad cell at its line and column, and refuses a sweep table where only JSON results are read', () => {
    write('bad-sweep.csv', `${SWEEP_HEADER}\n${SWEEP_COLUMNS}\n1,0,0.1,0.02,0.2,abc,-0.3,10,,\n`);
    expect(lines(readResultFile('bad-sweep.csv', dir, WITH_SWEEP))).toEqual(['bad-sweep.csv:3:18: error bad-number: column "sharpe": expected a number or an empty cell (undefined), found "abc"']);
    write('short.csv', `${SWEEP_HEADER}\n${SWEEP_COLUMNS}\n1,0\n`);
    expect(readResultFile('short.csv', dir, WITH_SWEEP)).toMatchObject({ ok: false, issues: [{ code: 'bad-result', line: 3, column: 1 }] });
    expect(readResultFile('bad-sweep.csv', dir, JSON_KINDS)).toMatchObject({ ok: false, issues: [{ code: 'bad-json', line: 1, column: 1 }] });
  });
});

describe('checkResultDocument: a document in memory', () => {
  it('checks like a file, without line and column', () => {
    expect(checkResultDocument({ file: 'bt.json', value: backtestDocument() }, JSON_KINDS)).toMatchObject({ ok: true, value: { kind: 'backtest', file: 'bt.json' } });
    const doc = simulateDocument() as unknown as Record<string, unknown>;
    delete doc['commandLine'];
    doc['paths'] = 'many';
    const r = checkResultDocument({ file: 'sim.json', value: doc }, JSON_KINDS);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.jsonPath, i.line])).toEqual([['bad-result', 'commandLine', undefined], ['bad-result', 'paths', undefined]]);
    expect(lines(r)[0]).toBe('sim.json: error bad-result: commandLine: Invalid input: expected string, received undefined (in a ratecut.simulate/1 file)');
    expect(checkResultDocument({ file: 'x.json', value: { schema: 'ratecut.backtest/3' } }, JSON_KINDS)).toMatchObject({ ok: false, issues: [{ code: 'newer-schema' }] });
  });
});
