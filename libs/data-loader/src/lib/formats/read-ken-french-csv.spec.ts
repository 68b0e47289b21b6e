import * as fs from 'node:fs';
import * as path from 'node:path';
import { readKenFrenchCsv } from './read-ken-french-csv';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('readKenFrenchCsv', () => {
  it('reads the first monthly section by default, with trimmed column names', () => {
    const r = readKenFrenchCsv(crlf(fixture('ken-french-multi.csv')), 'k.csv', { frequency: 'monthly' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ headerLine: 8, header: ['', '<= 0', 'Lo 10', 'Hi 10'], dateColumn: 0, dateFormat: 'YYYYMM' });
    expect(r.value.missingNumbers).toEqual([-99.99, -999]);
    expect(r.value.rows.map((row) => row.line)).toEqual([9, 10, 11]);
    expect(r.value.rows[1].cells).toEqual(['202402', '-99.99', '-999', '2.00']);
  });

  it('selects a section by title, trimmed and case-insensitive', () => {
    const r = readKenFrenchCsv(fixture('ken-french-multi.csv'), 'k.csv', { frequency: 'monthly', section: 'average equal weighted returns -- monthly ' });
    expect(r.ok && r.value.rows.map((row) => row.cells[2])).toEqual(['2.50', '3.00']);
  });

  it('never reads an annual section and lists the sections when the title matches none', () => {
    const annual = readKenFrenchCsv(fixture('ken-french-multi.csv'), 'k.csv', { frequency: 'monthly', section: 'Value Weight Returns -- Annual from January to December' });
    expect(annual.ok).toBe(false);
    if (!annual.ok) expect(annual.issues[0]).toMatchObject({ code: 'wrong-format', line: 19 });
    const none = readKenFrenchCsv(fixture('ken-french-multi.csv'), 'k.csv', { frequency: 'monthly', section: 'Number of Firms' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.issues[0].message).toContain('"Average Value Weight Returns -- Monthly" (line 8, monthly)');
  });

  it('reads a daily file that starts with its header and has no footer', () => {
    const r = readKenFrenchCsv(fixture('ken-french-daily.csv'), 'd.csv', { frequency: 'daily' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ headerLine: 1, header: ['', 'Mkt-RF', 'SMB', 'HML', 'RF'], dateFormat: 'YYYYMMDD' });
    expect(r.value.rows).toHaveLength(2);
  });

  it('reports wrong-format when no section matches the frequency or none is recognisable', () => {
    const daily = readKenFrenchCsv(fixture('ken-french-multi.csv'), 'k.csv', { frequency: 'daily' });
    expect(daily.ok).toBe(false);
    if (!daily.ok) expect(daily.issues[0].message).toContain('no daily section');
    const prose = readKenFrenchCsv('Just some text\nand more text\n', 'p.csv', { frequency: 'monthly' });
    expect(prose.ok).toBe(false);
    if (!prose.ok) {
      expect(prose.issues[0].code).toBe('wrong-format');
      expect(prose.issues[0].message).toContain("expected a header row starting with ',' or 'Date,'");
    }
  });
});
