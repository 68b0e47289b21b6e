import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsvRecords } from './csv-records';
import { findKenFrenchSections } from './ken-french-sections';

describe('findKenFrenchSections', () => {
  it('finds titled sections, their kind and their rows', () => {
    const records = parseCsvRecords(fs.readFileSync(path.join(__dirname, '__fixtures__', 'ken-french-multi.csv'), 'utf8'), 'k.csv');
    if (!records.ok) throw new Error('fixture must parse');
    const sections = findKenFrenchSections(records.value);
    expect(sections.map((s) => [s.title, s.headerLine, s.dateKind, s.rows.length])).toEqual([
      ['Average Value Weight Returns -- Monthly', 8, 'monthly', 3],
      ['Average Equal Weighted Returns -- Monthly', 14, 'monthly', 2],
      ['Value Weight Returns -- Annual from January to December', 19, 'annual', 1],
    ]);
  });

  it('takes a Date header without a title, and keeps rows with unreadable dates in the section', () => {
    const records = parseCsvRecords('Date,Mkt-RF,RF\n192607,2.96,0.22\n1926O8,2.64,0.25\n192609,0.36,0.23\n\n', 'k.csv');
    if (!records.ok) throw new Error('must parse');
    const [section] = findKenFrenchSections(records.value);
    expect(section.title).toBe('');
    expect(section.rows.map((r) => r.cells[0])).toEqual(['192607', '1926O8', '192609']);
  });
});
