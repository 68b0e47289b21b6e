import { isBlankRecord, type CsvRecord } from './csv-records';
import { trimCells, type RawRow } from './raw-table';

/** Sampling of a Ken French section, read from the width of its first date: YYYY, YYYYMM or YYYYMMDD. */
export type KenFrenchDateKind = 'annual' | 'monthly' | 'daily';

/** One table inside a Ken French multi-section CSV file. */
export interface KenFrenchSection {
  /** Title line above the header, trimmed (e.g. `Average Value Weight Returns -- Monthly`), or '' when there is none. */
  readonly title: string;
  readonly headerLine: number;
  /** Header cells, trimmed; the first (date) cell is '' or `Date`. */
  readonly header: readonly string[];
  readonly dateKind: KenFrenchDateKind;
  /** Data rows, cells trimmed, from the row after the header to the blank line that ends the section. */
  readonly rows: readonly RawRow[];
}

const DATE_CELL = /^\d{4}(?:\d{2}){0,2}$/;
const KIND_BY_WIDTH: Record<number, KenFrenchDateKind> = { 4: 'annual', 6: 'monthly', 8: 'daily' };

function firstCell(record: CsvRecord): string {
  return (record.cells[0] ?? '').trim();
}

function isDataRecord(record: CsvRecord | undefined): boolean {
  return record !== undefined && DATE_CELL.test(firstCell(record));
}

function isHeaderRecord(record: CsvRecord): boolean {
  const first = firstCell(record).toLowerCase();
  return (first === '' || first === 'date') && record.cells.length >= 2 && record.cells.slice(1).some((c) => c.trim() !== '');
}

/** A line of prose (a title, the copyright footer): one non-empty cell that is not a date. */
function isProse(record: CsvRecord): boolean {
  return record.cells.filter((c) => c.trim() !== '').length === 1 && !isDataRecord(record);
}

/**
 * Finds the tables in a Ken French data-library CSV file (e.g. `Portfolios_Formed_on_ME.csv`,
 * `F-F_Research_Data_Factors.CSV`). Such a file has free-text lines at the top, then sections:
 * an optional title line, a header row whose first cell is empty or `Date`, data rows whose
 * first cell is a YYYY, YYYYMM or YYYYMMDD date, and a blank line; a copyright line ends the
 * file. A section is recognised only when its header is directly followed by a dated row; it
 * runs to the next blank line or line of prose. Rows inside it with an unreadable date stay in
 * (to be reported as bad dates).
 */
export function findKenFrenchSections(records: readonly CsvRecord[]): KenFrenchSection[] {
  const sections: KenFrenchSection[] = [];
  let i = 0;
  while (i < records.length) {
    const record = records[i];
    const next = records[i + 1];
    if (!isHeaderRecord(record) || next === undefined || !isDataRecord(next)) {
      i += 1;
      continue;
    }
    const above = records[i - 1];
    const title = above !== undefined && isProse(above) ? trimCells(above.cells).join(',').replace(/,+$/, '').trim() : '';
    const rows: RawRow[] = [];
    let j = i + 1;
    while (j < records.length && !isBlankRecord(records[j]) && !isProse(records[j])) {
      rows.push({ line: records[j].line, cells: trimCells(records[j].cells) });
      j += 1;
    }
    const dateKind = KIND_BY_WIDTH[firstCell(next).length];
    sections.push({ title, headerLine: record.line, header: trimCells(record.cells), dateKind, rows });
    i = j;
  }
  return sections;
}
