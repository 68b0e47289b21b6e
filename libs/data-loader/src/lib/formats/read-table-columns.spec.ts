import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dayFromYmd, formatDay } from '@ratecut/sim-core';
import { makeTempDir, removeTempDir } from '../../testing';
import { parseTable, readTableColumns, type TableSpec } from './read-table';
import { READ_CHUNK_BYTES } from './read-text-file';
import { tableObservations, type ObservationRules } from './table-observations';

/** A plain CSV of `rows` daily rows from 1900-01-01 (date, close, volume), about 40 bytes a row. */
function plainCsv(rows: number, edit: (i: number, line: string) => string = (_, l) => l): string {
  const lines = ['date,close,volume'];
  const start = dayFromYmd(1900, 1, 1);
  for (let i = 0; i < rows; i += 1) lines.push(edit(i, `${formatDay(start + i)},${(1000 + (i % 997) / 7).toFixed(6)},${100000 + i}`));
  return `${lines.join('\n')}\n`;
}

describe('readTableColumns (streaming a file)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeTempDir));
  const spec: TableSpec = { format: 'csv', date: 'date', frequency: 'daily-calendar' };
  const rules: ObservationRules = { kind: 'price', frequency: 'daily-calendar' };

  it('reads a file of several chunks exactly as the whole text, problems and their locations included', () => {
    const broken: Record<number, (l: string) => string> = {
      10: (l) => l.replace(/,[^,]*,/, ',abc,'), // bad number
      20_000: (l) => `1900-13-01${l.slice(10)}`, // bad date
      30_000: (l) => l.replace(/,[^,]*$/, ''), // short row for volume
      40_000: (l) => l.replace(/,[^,]*,/, ',-1,'), // non-positive price
      50_000: (l) => l.replace(/,[^,]*,/, ',,'), // missing value
      60_000: () => '1900-01-05,1,1', // duplicate date
      70_000: () => '1900-01-06,1,1', // duplicate date, out of order
    };
    const text = plainCsv(80_000, (i, l) => broken[i]?.(l) ?? l);
    expect(text.length).toBeGreaterThan(2 * READ_CHUNK_BYTES);
    const dir = makeTempDir({ 'x.csv': text });
    dirs.push(dir);
    const file = path.join(dir, 'x.csv');
    const table = parseTable(text, file, spec);
    if (!table.ok) throw new Error('fixture must parse');
    const whole = tableObservations(table.value, ['close', 'volume', 'nope'], rules);
    const streamed = readTableColumns(file, spec, ['close', 'volume', 'nope'], rules);
    expect(streamed).toEqual(whole);
    expect(!streamed.ok && streamed.issues.map((i) => `${i.line}:${i.column ?? ''} ${i.code}`)).toEqual([
      '1: missing-column',
      '12:2 bad-number',
      '20002:1 bad-date',
      '30002:3 bad-number',
      '40002:2 non-positive-price',
      '60002:1 duplicate-date',
      '70002:1 duplicate-date',
    ]);
  });

  it('reads the rows of a valid multi-chunk file into typed arrays with their lines', () => {
    const text = plainCsv(70_000);
    const dir = makeTempDir({ 'x.csv': text });
    dirs.push(dir);
    const r = readTableColumns(path.join(dir, 'x.csv'), spec, ['close'], rules);
    if (!r.ok) throw new Error(r.issues[0].message);
    const [close] = r.value;
    expect(close.days.length).toBe(70_000);
    expect([formatDay(close.days[69_999]), close.values[69_999], close.lines[69_999]]).toEqual([formatDay(dayFromYmd(1900, 1, 1) + 69_999), Number((1000 + (69_999 % 997) / 7).toFixed(6)), 70_001]);
  });

  it(
    'loads a 40 MB file (refused as too large before) within a 200 MB heap: memory follows the rows kept, not the file',
    () => {
      const dir = makeTempDir({});
      dirs.push(dir);
      const file = path.join(dir, 'big.csv');
      // 6 numeric columns, like a price download: about 90 bytes a row.
      const fd = fs.openSync(file, 'w');
      fs.writeSync(fd, 'date,close,open,high,low,adj,volume\n');
      const start = dayFromYmd(1800, 1, 1);
      let bytes = 0;
      for (let i = 0; bytes < 40_000_000; i += 10_000) {
        const lines: string[] = [];
        for (let j = i; j < i + 10_000; j += 1) {
          const x = (1000 + (j % 997) / 7).toFixed(6);
          lines.push(`${formatDay(start + j)},${x},${x},${x},${x},${x},${123456789 + j}\n`);
        }
        bytes += fs.writeSync(fd, lines.join(''));
      }
      fs.closeSync(fd);
      const root = path.resolve(__dirname, '..', '..', '..', '..', '..');
      const script = `
        const path = require('node:path');
        const root = ${JSON.stringify(root)};
        require('ts-node').register({ transpileOnly: true, skipProject: true, compilerOptions: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, ignoreDeprecations: '6.0' } });
        require('tsconfig-paths').register({ baseUrl: root, paths: require(path.join(root, 'tsconfig.base.json')).compilerOptions.paths });
        const { readTableColumns } = require(path.join(root, 'libs/data-loader/src/lib/formats/read-table.ts'));
        const r = readTableColumns(${JSON.stringify(file)}, { format: 'csv', date: 'date', frequency: 'daily-calendar' }, ['close'], { kind: 'price', frequency: 'daily-calendar' });
        console.log(JSON.stringify(r.ok ? { n: r.value[0].days.length } : r.issues));
      `;
      const out = execFileSync(process.execPath, ['--max-old-space-size=200', '-e', script], { cwd: root, encoding: 'utf8' });
      const rows = fs.readFileSync(file, 'utf8').split('\n').length - 2;
      expect(JSON.parse(out)).toEqual({ n: rows });
    },
    120_000,
  );
});
