import { errorIssue } from '@ratecut/sim-core';
import type { SeriesFrequency } from '@ratecut/sim-core';
import type { LoadResult } from '@ratecut/sim-core';
import { failure, success } from '../validation/load-result';
import type { CsvRecord } from './csv-record-stream';
import { KenFrenchScanner, type KenFrenchSectionHead } from './ken-french-sections';
import type { RawTable } from './raw-table';
import { collectTable, type RowSink, type TableHead, type TableRecordReader } from './table-stream';
import { quoteExcerpt } from '../validation/excerpt';

/** Which section of a Ken French file to read. */
export interface KenFrenchSpec {
  /** Frequency of the catalog entry: `daily` selects a YYYYMMDD section, anything else a YYYYMM one. */
  readonly frequency: SeriesFrequency;
  /** Title of the section to read, matched trimmed and case-insensitively; when absent, the first section of the wanted frequency. */
  readonly section?: string | undefined;
}

/** Missing-value codes of the Ken French data library. */
export const KEN_FRENCH_MISSING = [-99.99, -999] as const;

function listSections(sections: readonly KenFrenchSectionHead[]): string {
  return sections.map((s) => `${s.title ? quoteExcerpt(s.title) : '(untitled)'} (line ${s.headerLine}, ${s.dateKind})`).join(', ');
}

const NO_SECTION =
  "no recognisable section: expected a header row starting with ',' or 'Date,' directly followed by rows dated YYYYMM or YYYYMMDD";

/**
 * Reads a Ken French file record by record (see {@link readKenFrenchCsv}), handing the rows of
 * the wanted section to `sink` as they come and only the titles of the others to memory.
 */
export class KenFrenchReader implements TableRecordReader<TableHead> {
  private readonly sections: KenFrenchSectionHead[] = [];
  private chosen: KenFrenchSectionHead | undefined;
  private readonly scanner: KenFrenchScanner;

  constructor(
    private readonly file: string,
    private readonly spec: KenFrenchSpec,
    private readonly sink: RowSink<TableHead>,
  ) {
    this.scanner = new KenFrenchScanner(
      (head) => this.onSection(head),
      (row) => sink.row(row),
    );
  }

  /** Takes the next record of the file. */
  record(record: CsvRecord): void {
    this.scanner.record(record);
  }

  private wantedKind(): 'daily' | 'monthly' {
    return this.spec.frequency === 'daily' || this.spec.frequency === 'daily-calendar' ? 'daily' : 'monthly';
  }

  private tableHead(section: KenFrenchSectionHead): TableHead {
    return {
      file: this.file,
      headerLine: section.headerLine,
      header: section.header,
      dateColumn: 0,
      dateFormat: section.dateKind === 'daily' ? 'YYYYMMDD' : 'YYYYMM',
      missingTokens: [],
      missingNumbers: KEN_FRENCH_MISSING,
    };
  }

  /** The first section with the wanted title (or, with none given, of the wanted kind) is the one read. */
  private onSection(head: KenFrenchSectionHead): boolean {
    this.sections.push(head);
    if (this.chosen !== undefined) return false;
    const wanted = this.spec.section?.trim().toLowerCase();
    if (wanted !== undefined ? head.title.toLowerCase() !== wanted : head.dateKind !== this.wantedKind()) return false;
    this.chosen = head;
    if (head.dateKind === 'annual') return false;
    this.sink.start(this.tableHead(head));
    return true;
  }

  /** The chosen section's head, or `wrong-format` saying which sections the file has. */
  finish(): LoadResult<TableHead> {
    const { file, spec, sections } = this;
    if (sections.length === 0) return failure([errorIssue('wrong-format', file, `not a Ken French data file: ${NO_SECTION}`)]);
    const section = this.chosen;
    if (spec.section !== undefined) {
      if (section === undefined) {
        return failure([errorIssue('wrong-format', file, `no section titled ${quoteExcerpt(spec.section)}; sections found: ${listSections(sections)}`)]);
      }
      if (section.dateKind === 'annual') {
        return failure([
          errorIssue('wrong-format', file, `section ${quoteExcerpt(section.title)} holds annual rows; expected a monthly (YYYYMM) or daily (YYYYMMDD) section`, {
            line: section.headerLine,
          }),
        ]);
      }
    } else if (section === undefined) {
      const kind = this.wantedKind();
      return failure([errorIssue('wrong-format', file, `no ${kind} section (dates ${kind === 'daily' ? 'YYYYMMDD' : 'YYYYMM'}); sections found: ${listSections(sections)}`)]);
    }
    return success(this.tableHead(section));
  }
}

/**
 * Reads one monthly or daily section of a Ken French multi-section CSV file (see
 * `findKenFrenchSections`). The section is the one titled `spec.section`, else the first whose
 * dates match `spec.frequency`; annual sections are never read. Columns are the header cells
 * trimmed (`Lo 10`, `Hi 10`, `Mkt-RF`, `RF`); values are as published (percent); -99.99 and
 * -999 mark missing values. No usable section gives `wrong-format` listing the sections found.
 */
export function readKenFrenchCsv(text: string, file: string, spec: KenFrenchSpec): LoadResult<RawTable> {
  return collectTable(file, [Buffer.from(text)], (sink) => new KenFrenchReader(file, spec, sink));
}
