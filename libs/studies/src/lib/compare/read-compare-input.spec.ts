import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue } from '@ratecut/sim-core';
import { backtestInput, fixtureReturns, simulateInput } from '../../testing/compare-fixtures';
import { planCompareStudy } from './plan-compare-study';
import { readCompareInput } from './read-compare-input';

const dir = mkdtempSync(join(tmpdir(), 'ratecut-read-compare-'));
const write = (name: string, text: string): string => { writeFileSync(join(dir, name), text); return name; };
const backtest = backtestInput('a.json', [{ label: 'x', returns: fixtureReturns(20, 2) }], { label: 'benchmark:hold', returns: fixtureReturns(20, 1) });

describe('reading a file for a comparison', () => {
  it('reads backtest and simulate results as inputs labelled by their base name', () => {
    write('a.json', JSON.stringify(backtest.kind === 'backtest' ? backtest.doc : {}, null, 2));
    const sim = simulateInput('s');
    write('s.json', JSON.stringify(sim.kind === 'simulate' ? sim.doc : {}));
    const a = readCompareInput('a.json', dir);
    expect(a).toMatchObject({ ok: true, value: { kind: 'backtest', file: 'a.json', name: 'a.json', schema: 'ratecut.backtest/2' } });
    expect(a.ok && a.value.kind === 'backtest' ? a.value.doc : null).toEqual(backtest.kind === 'backtest' ? backtest.doc : null);
    const s = readCompareInput(join(dir, 's.json'), '/');
    expect(s).toMatchObject({ ok: true, value: { kind: 'simulate', name: 's.json' } });
    expect(s.ok && s.value.kind === 'simulate' ? s.value.doc : null).toEqual(sim.kind === 'simulate' ? sim.doc : null);
  });

  it('reads a sweep table: its description, and each row with a Sharpe ratio as a trial', () => {
    write('sweep.csv', [
      '# relative-momentum sweep on rut-gspc (price return), 2018-01-01 to 2021-12-31, 1044 rows; lag 1',
      '# {"schema":"ratecut.sweep/2","strategy":"relative-momentum","parameters":["k_months","threshold"],"pair":"rut-gspc","returnBasis":"price return","first":"2018-01-01","last":"2021-12-31","rows":1044,"periodsPerYear":252,"executionLag":1,"costBps":5,"slippageBps":5,"cash":"fedfunds","synthetic":false,"schedule":{"kind":"on-signal"},"benchmark":"buy-hold-large","window":{"beforeMonths":3,"afterMonths":24,"anchor":"first-cut"},"cycles":[],"counted":[],"deflatedSharpe":null}',
      'k_months,threshold,total_return,cagr,volatility,sharpe,max_drawdown,rebalances,mean_cycle_excess,cycle_hit_rate',
      '1,0,0.1,0.02,0.2,0.3,-0.3,10,,', '2,0.5,0.1,0.02,0.2,,-0.3,10,,', '3,0,0.1,0.02,0.2,0.4,-0.3,10,,', '',
    ].join('\n'));
    const read = readCompareInput('sweep.csv', dir);
    if (!read.ok || read.value.kind !== 'sweep') throw new Error(read.ok ? read.value.kind : read.issues.map(formatIssue).join('\n'));
    expect(read.value).toMatchObject({ file: 'sweep.csv', name: 'sweep.csv', schema: 'ratecut.sweep/2', pair: 'rut-gspc', first: '2018-01-01', last: '2021-12-31', rows: 1044, periodsPerYear: 252 });
    expect(read.value.description).toMatch(/^relative-momentum sweep on rut-gspc/);
    expect(read.value.trials).toEqual([{ params: 'k_months=1 threshold=0', sharpe: 0.3 }, { params: 'k_months=3 threshold=0', sharpe: 0.4 }]);
    expect(read.value.synthetic).toBe(false);
    const text = readFileSync(join(dir, 'sweep.csv'), 'utf8').replace('"synthetic":false', '"synthetic":true');
    write('synthetic.csv', text);
    const synthetic = readCompareInput('synthetic.csv', dir);
    expect(synthetic.ok && synthetic.value.kind === 'sweep' && synthetic.value.synthetic).toBe(true);
    // A comparison made from it says so on its first key, as for a backtest on the sample.
    const planned = synthetic.ok ? planCompareStudy({ inputs: [synthetic.value], seed: 1, resamples: 10, force: false, ratecutVersion: 'test' }) : null;
    expect(planned?.ok && planned.value.plan.files.map((f) => f.synthetic)).toEqual([true]);
  });

  it('refuses a result compare does not read, naming the file', () => {
    write('cycles.json', '{"schema":"ratecut.cycles/1"}');
    const r = readCompareInput('cycles.json', dir);
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual(['cycles.json: error not-a-result: not a result file this command reads ("schema": "ratecut.cycles/1"; expected "schema": "ratecut.backtest/2" or "ratecut.simulate/1")']);
  });
});
