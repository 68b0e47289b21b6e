import { isBlankRecord, type CsvRecord } from './csv-record-stream';
import { trimCells, type RawRow } from './raw-table';

/** Sampling of a Ken French section, read from the width of its first date: YYYY, YYYYMM or YYYYMMDD. */
export type KenFrenchDateKind = 'annual' | 'monthly' | 'daily';

/** What is known of a Ken French section once its header and first row have been read. */
export interface KenFrenchSectionHead {
  /** Title line above the header, trimmed (e.g. `Average Value Weight Returns -- Monthly`), or '' when there is none. */
  readonly title: string;
  readonly headerLine: number;
  /** Header cells, trimmed; the first (date) cell is '' or `Date`. */
  readonly header: readonly string[];
  readonly dateKind: KenFrenchDateKind;
}

/** One table inside a Ken French multi-section CSV file. */
export interface KenFrenchSection extends KenFrenchSectionHead {
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
 * `F-F_Research_Data_Factors.CSV`) while its records are read one by one. Such a file has
 * free-text lines at the top, then sections: an optional title line, a header row whose first
 * cell is empty or `Date`, data rows whose first cell is a YYYY, YYYYMM or YYYYMMDD date, and a
 * blank line; a copyright line ends the file. A section is recognised only when its header is
 * directly followed by a dated row; it runs to the next blank line or line of prose. Rows inside
 * it with an unreadable date stay in (to be reported as bad dates).
 *
 * `onSection` is called when a section starts and says whether its rows are wanted; each wanted
 * row then goes to `onRow`, cells trimmed. The scanner keeps two records, never a section.
 */
export class KenFrenchScanner {
  /** The record before {@link candidate}. */
  private previous: CsvRecord | undefined;
  /** The record that may be a section header, decided when the next record comes. */
  private candidate: CsvRecord | undefined;
  private inSection = false;
  private keeping = false;

  constructor(
    private readonly onSection: (head: KenFrenchSectionHead) => boolean,
    private readonly onRow: (row: RawRow) => void,
  ) {}

  /** Takes the next record of the file. */
  record(next: CsvRecord): void {
    if (this.inSection) {
      if (!isBlankRecord(next) && !isProse(next)) {
        if (this.keeping) this.onRow({ line: next.line, cells: trimCells(next.cells) });
        this.previous = next;
        return;
      }
      // The line that ends a section may itself be the header of the next one.
      this.inSection = false;
      this.candidate = next;
      return;
    }
    const header = this.candidate;
    if (header !== undefined && isHeaderRecord(header) && isDataRecord(next)) {
      const above = this.previous;
      const title = above !== undefined && isProse(above) ? trimCells(above.cells).join(',').replace(/,+$/, '').trim() : '';
      const dateKind = KIND_BY_WIDTH[firstCell(next).length];
      this.keeping = this.onSection({ title, headerLine: header.line, header: trimCells(header.cells), dateKind });
      this.inSection = true;
      this.candidate = undefined;
      if (this.keeping) this.onRow({ line: next.line, cells: trimCells(next.cells) });
      this.previous = next;
      return;
    }
    this.previous = header;
    this.candidate = next;
  }
}

/** Every section of a Ken French file, rows included (see {@link KenFrenchScanner}). */
export function findKenFrenchSections(records: readonly CsvRecord[]): KenFrenchSection[] {
  const sections: { head: KenFrenchSectionHead; rows: RawRow[] }[] = [];
  const scanner = new KenFrenchScanner(
    (head) => sections.push({ head, rows: [] }) > 0,
    (row) => sections[sections.length - 1].rows.push(row),
  );
  for (const record of records) scanner.record(record);
  return sections.map(({ head, rows }) => ({ ...head, rows }));
}
