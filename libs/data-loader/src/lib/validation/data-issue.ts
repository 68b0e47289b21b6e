/**
 * Problems found while reading data. Loaders never stop at the first problem: they collect
 * every issue with its location so a person can fix a file in one pass.
 */
export type DataIssueCode =
  | 'missing-file'
  | 'missing-column'
  | 'empty-file'
  | 'wrong-format'
  | 'bad-date'
  | 'bad-number'
  | 'non-positive-price'
  | 'unsorted-dates'
  | 'duplicate-date'
  | 'gap'
  | 'bad-catalog'
  | 'bad-config'
  | 'bad-scenario'
  | 'unknown-series'
  /** A catalog names a data file that, symbolic links followed, is outside the catalog's folder. */
  | 'outside-data-folder'
  /** A data file larger than the reader accepts (see `MAX_DATA_FILE_BYTES`). */
  | 'file-too-large'
  /** Values outside the plausible range for the series' kind and unit (e.g. decimals labelled percent). */
  | 'implausible-unit'
  /** A setting given to the loader is unusable (e.g. an empty `--data` or `RATECUT_DATA`); the CLI treats it as a usage error. */
  | 'bad-option';

export interface DataIssue {
  readonly code: DataIssueCode;
  /** Errors make a load fail; warnings (such as a long gap) are reported with the loaded value. */
  readonly severity: 'error' | 'warning';
  /** Path of the file as given to the loader (absolute or relative to the working directory). */
  readonly file: string;
  /** 1-based line in the file, when the issue has one. */
  readonly line?: number;
  /** 1-based column: the field number in a CSV row, when the issue has one. */
  readonly column?: number;
  /** What was found and what was expected, in words a person can act on. */
  readonly message: string;
}

/** Outcome of a load: a value with any warnings, or every issue that stopped it. */
export type LoadResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly DataIssue[] }
  | { readonly ok: false; readonly issues: readonly DataIssue[] };

/** `file:line:column: severity code: message`, the form compilers use, so editors can jump to it. */
export function formatDataIssue(issue: DataIssue): string {
  const where = [issue.file, issue.line, issue.column].filter((p) => p !== undefined).join(':');
  return `${where}: ${issue.severity} ${issue.code}: ${issue.message}`;
}
