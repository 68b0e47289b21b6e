import { checkSchemaVersion, resultSchemaId } from './schema-version';

describe('the schema-version rule', () => {
  it('reads the major this version writes, whatever the minor', () => {
    expect(checkSchemaVersion({ schema: 'ratecut.backtest/2' })).toEqual({ ok: true, kind: 'backtest', schema: 'ratecut.backtest/2', major: 2, minor: null });
    expect(checkSchemaVersion({ schema: 'ratecut.simulate/1.7', extra: true })).toEqual({ ok: true, kind: 'simulate', schema: 'ratecut.simulate/1.7', major: 1, minor: 7 });
    expect(resultSchemaId('backtest')).toBe('ratecut.backtest/2');
  });

  it('refuses a newer major with a message that says to upgrade, and an older one', () => {
    expect(checkSchemaVersion({ schema: 'ratecut.backtest/3' })).toEqual({
      ok: false, code: 'newer-schema', message: 'ratecut.backtest/3 was written by a newer ratecut; this version reads ratecut.backtest/2.x (upgrade ratecut)',
    });
    // ratecut.backtest/2: tradeCount became the count of trades (rebalanceCount is new), so /1 files are refused.
    expect(checkSchemaVersion({ schema: 'ratecut.backtest/1' })).toMatchObject({ ok: false, code: 'old-schema' });
    expect(checkSchemaVersion({ schema: 'ratecut.simulate/0.9' })).toMatchObject({ ok: false, code: 'old-schema', message: expect.stringContaining('re-run the command that wrote it') });
  });

  it('says what it found when the value is not a ratecut result', () => {
    const every = 'expected "schema": "ratecut.cycles/1" or "ratecut.backtest/2" or "ratecut.sweep/2" or "ratecut.simulate/1" or "ratecut.compare/1" or "ratecut.event-study/1" or "ratecut.spa/1" or "ratecut.out-of-sample/1" or "ratecut.calibration/1" or "ratecut.now/1"';
    expect(checkSchemaVersion([1])).toEqual({ ok: false, code: 'not-a-result', message: `not a ratecut result file (not a JSON object; ${every})` });
    const expected = 'expected "schema": "ratecut.backtest/2" or "ratecut.simulate/1"';
    expect(checkSchemaVersion([1], ['backtest', 'simulate'])).toEqual({ ok: false, code: 'not-a-result', message: `not a ratecut result file (not a JSON object; ${expected})` });
    expect(checkSchemaVersion(null)).toMatchObject({ ok: false, code: 'not-a-result', message: expect.stringContaining('(not a JSON object;') });
    expect(checkSchemaVersion({})).toMatchObject({ ok: false, code: 'not-a-result', message: expect.stringContaining('(no "schema" key;') });
    expect(checkSchemaVersion({ schema: 'ratecut.sweep/1' }, ['backtest', 'simulate'])).toEqual({
      ok: false, code: 'not-a-result', message: `not a result file this command reads ("schema": "ratecut.sweep/1"; ${expected})`,
    });
    expect(checkSchemaVersion({ schema: 'ratecut.swept/1' })).toMatchObject({ ok: false, code: 'not-a-result', message: expect.stringContaining('("schema": "ratecut.swept/1";') });
    expect(checkSchemaVersion({ schema: 42 })).toMatchObject({ ok: false, code: 'not-a-result', message: expect.stringContaining('(no "schema" key;') });
  });
});
