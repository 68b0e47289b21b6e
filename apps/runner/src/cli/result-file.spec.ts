import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readResultFile, recogniseResult } from './result-file';

describe('the shared rule for result files', () => {
  it('reads the same major whatever the minor, and refuses a newer or older major', () => {
    expect(recogniseResult('a.json', { schema: 'ratecut.backtest/2' })).toMatchObject({ ok: true, value: { kind: 'backtest', schema: 'ratecut.backtest/2' } });
    expect(recogniseResult('a.json', { schema: 'ratecut.simulate/1.7' })).toMatchObject({ ok: true, value: { kind: 'simulate' } });
    expect(recogniseResult('a.json', { schema: 'ratecut.backtest/3' })).toEqual({
      ok: false, issues: ['a.json: error newer-schema: ratecut.backtest/3 was written by a newer ratecut; this version reads ratecut.backtest/2.x (upgrade ratecut)'],
    });
    expect(recogniseResult('a.json', { schema: 'ratecut.simulate/0.9' })).toMatchObject({ ok: false, issues: [expect.stringMatching(/^a\.json: error old-schema: /)] });
  });

  it('names what it found when the document is not a result', () => {
    expect(recogniseResult('a.json', [1])).toMatchObject({ ok: false, issues: [expect.stringContaining('(not a JSON object;')] });
    expect(recogniseResult('a.json', {})).toMatchObject({ ok: false, issues: [expect.stringContaining('(no "schema" key;')] });
    expect(recogniseResult('a.json', { schema: 'x/1' })).toMatchObject({ ok: false, issues: [expect.stringContaining('("schema": "x/1";')] });
  });

  it('ignores a byte-order mark and locates syntax errors, a cut-off file included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-result-file-'));
    writeFileSync(join(dir, 'bom.json'), '\uFEFF{"schema": "ratecut.backtest/2"}');
    writeFileSync(join(dir, 'cut.json'), '{\n  "schema": "ratecut.backtest/2",\n  "data": {');
    writeFileSync(join(dir, 'bad.json'), '{\n  "schema": "ratecut.backtest/2",\n  "data": }');
    expect(readResultFile('bom.json', dir)).toMatchObject({ ok: true, value: { kind: 'backtest' } });
    expect(readResultFile('cut.json', dir)).toEqual({ ok: false, issues: ['cut.json:3:12: error bad-json: truncated JSON (the file ends before the document does)'] });
    expect(readResultFile('bad.json', dir)).toEqual({ ok: false, issues: ['bad.json:3:11: error bad-json: malformed JSON: unexpected character "}"; expected a value (object, array, string, number, true, false or null)'] });
    expect(readResultFile('none.json', dir)).toEqual({ ok: false, issues: ['none.json: error missing-file: file not found'] });
  });
});
