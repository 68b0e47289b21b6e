import { recogniseResult } from './result-file';

describe('the shared rule for result files, as report reads it', () => {
  it('reads the same major whatever the minor, and refuses a newer or older major', () => {
    expect(recogniseResult('a.json', { schema: 'ratecut.backtest/2' })).toMatchObject({ ok: true, value: { file: 'a.json', kind: 'backtest', schema: 'ratecut.backtest/2' } });
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
});
