import * as fs from 'node:fs';
import * as path from 'node:path';
import { readFredCsv } from './read-fred-csv';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');

describe('readFredCsv', () => {
  it('reads an observation_date download with . for missing', () => {
    const r = readFredCsv(fixture('fred-observation-date.csv'), 'f.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.header).toEqual(['observation_date', 'DTB3']);
    expect(r.value.missingTokens).toEqual(['.']);
    expect(r.value.rows[0]).toEqual({ line: 2, cells: ['2024-01-01', '.'] });
  });

  it('reads the quoted "Date","TB3MS" header and the old DATE header', () => {
    const quoted = readFredCsv(fixture('fred-quoted-date.csv'), 'f.csv');
    expect(quoted.ok && quoted.value.header).toEqual(['Date', 'TB3MS']);
    const old = readFredCsv('DATE,DFF\r\n1954-07-01,1.13\r\n', 'f.csv');
    expect(old.ok && old.value.header).toEqual(['DATE', 'DFF']);
  });

  it('rejects a file whose first column is not a FRED date column', () => {
    const r = readFredCsv('when,DFF\n1954-07-01,1.13\n', 'f.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'wrong-format', line: 1, column: 1 });
    expect(r.issues[0].message).toContain('one of observation_date, DATE, Date');
  });
});
