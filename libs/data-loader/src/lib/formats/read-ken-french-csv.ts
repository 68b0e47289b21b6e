import type { SeriesFrequency } from '@ratecut/sim-core';
import type { LoadResult } from '../validation/data-issue';
import { failure, success } from '../validation/load-result';
import { errorIssue } from '../validation/make-issue';
import { parseCsvRecords } from './csv-records';
import { findKenFrenchSections, type KenFrenchSection } from './ken-french-sections';
import type { RawTable } from './raw-table';
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

function listSections(sections: readonly KenFrenchSection[]): string {
  return sections.map((s) => `${s.title ? quoteExcerpt(s.title) : '(untitled)'} (line ${s.headerLine}, ${s.dateKind})`).join(', ');
}

const NO_SECTION =
  "no recognisable section: expected a header row starting with ',' or 'Date,' directly followed by rows dated YYYYMM or YYYYMMDD";

/**
 * Reads one monthly or daily section of a Ken French multi-section CSV file (see
 * `findKenFrenchSections`). The section is the one titled `spec.section`, else the first whose
 * dates match `spec.frequency`; annual sections are never read. Columns are the header cells
 * trimmed (`Lo 10`, `Hi 10`, `Mkt-RF`, `RF`); values are as published (percent); -99.99 and
 * -999 mark missing values. No usable section gives `wrong-format` listing the sections found.
 */
export function readKenFrenchCsv(text: string, file: string, spec: KenFrenchSpec): LoadResult<RawTable> {
  const records = parseCsvRecords(text, file);
  if (!records.ok) return records;
  const sections = findKenFrenchSections(records.value);
  if (sections.length === 0) return failure([errorIssue('wrong-format', file, `not a Ken French data file: ${NO_SECTION}`)]);
  const wantedKind = spec.frequency === 'daily' || spec.frequency === 'daily-calendar' ? 'daily' : 'monthly';
  let section: KenFrenchSection | undefined;
  if (spec.section !== undefined) {
    const wanted = spec.section.trim().toLowerCase();
    section = sections.find((s) => s.title.toLowerCase() === wanted);
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
  } else {
    section = sections.find((s) => s.dateKind === wantedKind);
    if (section === undefined) {
      return failure([errorIssue('wrong-format', file, `no ${wantedKind} section (dates ${wantedKind === 'daily' ? 'YYYYMMDD' : 'YYYYMM'}); sections found: ${listSections(sections)}`)]);
    }
  }
  return success({
    file,
    headerLine: section.headerLine,
    header: section.header,
    rows: section.rows,
    dateColumn: 0,
    dateFormat: section.dateKind === 'daily' ? 'YYYYMMDD' : 'YYYYMM',
    missingTokens: [],
    missingNumbers: KEN_FRENCH_MISSING,
  });
}
