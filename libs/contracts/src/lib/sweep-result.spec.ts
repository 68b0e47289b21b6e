import { describeSweep, formatSweepTable, parseSweepTable, SWEEP_SCHEMA, type SweepHeader, type SweepTable } from './sweep-result';

const header: SweepHeader = {
  schema: SWEEP_SCHEMA, strategy: 'relative-momentum', parameters: ['k_months', 'threshold'], pair: 'rut-gspc', returnBasis: 'price return',
  first: '2018-01-01', last: '2021-12-31', rows: 1044, periodsPerYear: 252, executionLag: 1, costBps: 5, slippageBps: 5, cash: 'fedfunds', synthetic: false,
  schedule: { kind: 'on-signal' }, benchmark: 'buy-hold-large', window: { beforeMonths: 3, afterMonths: 24, anchor: 'first-cut' },
  cycles: ['2019-08', '2020-03'], counted: ['2019-08'], deflatedSharpe: null,
};
const table: SweepTable = {
  comments: ['ratecut backtest --sweep k=1..2', describeSweep(header)],
  header,
  columns: ['k_months', 'threshold', 'total_return', 'cagr', 'volatility', 'sharpe', 'max_drawdown', 'rebalances', 'mean_cycle_excess', 'cycle_hit_rate', 'excess_2019-08', 'excess_2020-03'],
  rows: [[1, 0, 0.1, 0.02, 0.2, 0.30000000000000004, -0.3, 10, 0.01, 1, 0.01, -0.2], [2, 0.001, -1, null, 1e-7, null, -1, 0, null, null, null, 0.5]],
};
const COLUMNS = 'k_months,threshold,total_return,cagr,volatility,sharpe,max_drawdown,rebalances,mean_cycle_excess,cycle_hit_rate,excess_2019-08,excess_2020-03';

describe('the ratecut.sweep/2 table', () => {
  it('writes comment lines, the JSON header, the columns and one line per row', () => {
    expect(SWEEP_SCHEMA).toBe('ratecut.sweep/2');
    expect(formatSweepTable(table)).toBe([
      '# ratecut backtest --sweep k=1..2',
      '# relative-momentum sweep on rut-gspc (price return), 2018-01-01 to 2021-12-31, 1044 rows; lag 1, costs 5+5 bp, cash fedfunds',
      `# ${JSON.stringify(header)}`,
      COLUMNS,
      '1,0,0.1,0.02,0.2,0.30000000000000004,-0.3,10,0.01,1,0.01,-0.2',
      '2,0.001,-1,,1e-7,,-1,0,,,,0.5',
      '',
    ].join('\n'));
  });

  it('states a schedule other than the default in the description', () => {
    const monthly: SweepHeader = { ...header, schedule: { kind: 'month-end' } };
    expect(describeSweep(monthly)).toBe('relative-momentum sweep on rut-gspc (price return), 2018-01-01 to 2021-12-31, 1044 rows; lag 1, costs 5+5 bp, cash fedfunds, month-end schedule');
    expect(describeSweep({ ...header, schedule: { kind: 'on-signal' } })).toBe(describeSweep(header));
    const withSchedule = { ...table, header: monthly, comments: ['x', describeSweep(monthly)] };
    expect(parseSweepTable(formatSweepTable(withSchedule))).toEqual({ ok: true, table: withSchedule });
  });

  it('reads back exactly what it wrote, with a byte-order mark and CRLF line ends too', () => {
    expect(parseSweepTable(formatSweepTable(table))).toEqual({ ok: true, table });
    expect(parseSweepTable(`\uFEFF${formatSweepTable(table).replace(/\n/g, '\r\n')}`)).toEqual({ ok: true, table });
  });

  it('locates every cell that is not a number, and a row with the wrong number of cells', () => {
    const text = formatSweepTable(table).replace('2,0.001,-1,', '2,x,-1,') + '3,0,1\n';
    const r = parseSweepTable(text);
    expect(r).toEqual({
      ok: false,
      problems: [
        { code: 'bad-number', line: 6, column: 3, message: 'column "threshold": expected a number, found "x"' },
        { code: 'bad-csv', line: 7, column: 1, message: `3 cells, expected 12 (${COLUMNS})` },
      ],
    });
  });

  it('refuses a table without its header line, an older or newer major, a bad header and foreign columns', () => {
    const old = `# relative-momentum sweep on rut-gspc (price return), 2018-01-01 to 2021-12-31, 1044 rows; lag 1\n${COLUMNS}\n1,0,0.1,0.02,0.2,0.3,-0.3,10\n`;
    expect(parseSweepTable(old)).toMatchObject({ ok: false, problems: [{ code: 'old-schema', message: expect.stringMatching(/re-run the command/) }] });
    expect(parseSweepTable('a,b\n1,2\n')).toMatchObject({ ok: false, problems: [{ code: 'not-a-result' }] });
    const older = formatSweepTable({ ...table, header: { ...header, schema: 'ratecut.sweep/1' } });
    expect(parseSweepTable(older)).toMatchObject({ ok: false, problems: [{ code: 'old-schema', line: 3, message: expect.stringMatching(/re-run the command that wrote it/) }] });
    const newer = formatSweepTable({ ...table, header: { ...header, schema: 'ratecut.sweep/3' } });
    expect(parseSweepTable(newer)).toMatchObject({ ok: false, problems: [{ code: 'newer-schema', line: 3, message: expect.stringMatching(/newer ratecut/) }] });
    const noRows = formatSweepTable(table).replace('"rows":1044', '"rows":"many"');
    expect(parseSweepTable(noRows)).toMatchObject({ ok: false, problems: [{ code: 'bad-result', line: 3, message: expect.stringMatching(/^header rows: /) }] });
    const renamed = formatSweepTable(table).replace(COLUMNS, COLUMNS.replace('rebalances', 'trades'));
    expect(parseSweepTable(renamed)).toMatchObject({ ok: false, problems: [{ code: 'bad-result', line: 4, message: expect.stringMatching(/^expected the columns k_months,threshold,/) }] });
  });

  it('unquotes quoted cells and refuses an unterminated quote', () => {
    const quoted = formatSweepTable(table).replace('1,0,0.1,', '"1",0,0.1,');
    expect(parseSweepTable(quoted)).toEqual({ ok: true, table });
    const broken = formatSweepTable(table).replace('1,0,0.1,', '"1,0,0.1,');
    expect(parseSweepTable(broken)).toMatchObject({ ok: false, problems: [{ code: 'bad-csv', line: 5 }] });
  });
});
