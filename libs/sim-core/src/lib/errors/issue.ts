/**
 * The one issue model of ratecut: every problem a person can fix (a data file, a catalog, a
 * configuration, a scenario, a result file, a command-line value) is an {@link Issue} with a
 * code, a severity, a message saying what was found and what was expected, and where it is.
 * Code that finds problems collects every issue instead of stopping at the first, so a file can
 * be fixed in one pass. Exceptions are for programmer errors only.
 */
export type IssueCode =
  // Data files and catalogs.
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
  | 'unknown-series'
  /** A catalog names a data file that, symbolic links followed, is outside the catalog's folder. */
  | 'outside-data-folder'
  /** A data file larger than the reader accepts (see `MAX_DATA_FILE_BYTES`). */
  | 'file-too-large'
  /** Values outside the plausible range for the series' kind and unit (e.g. decimals labelled percent). */
  | 'implausible-unit'
  // Input documents: configurations, scenarios, result files.
  | 'bad-json'
  | 'bad-config'
  | 'bad-scenario'
  | 'not-a-result'
  | 'newer-schema'
  | 'old-schema'
  /** A result file of a kind and version this reader reads, with a field missing or of the wrong type. */
  | 'bad-result'
  | 'not-a-file'
  | 'unreadable'
  // Values the user chose.
  /** A strategy parameter, pair, cycle id or other value the library cannot accept. */
  | 'bad-parameter'
  /** A run larger than the limits (paths × horizon, memory). */
  | 'too-large'
  /** A setting given to a loader or a command is unusable (e.g. an empty `--data`); the CLI treats it as a usage error. */
  | 'bad-option'
  // What `compare` is asked to compare.
  /** `compare` was given one file with one strategy. */
  | 'nothing-to-compare'
  /** `compare` was given simulations together with backtests. */
  | 'mixed-kinds'
  /** A compared file differs from the first in its data, period, cycles, conventions or horizon. */
  | 'not-comparable'
  // What `merge` is asked to merge.
  /** A partial result (`ratecut.partial/1`) that is damaged, of another plan, or written by another Node major. */
  | 'bad-partial'
  /** Partial results that do not cover a study's blocks exactly once (a shard missing or given twice). */
  | 'shard-coverage';

/** One problem, with where it is. */
export interface Issue {
  readonly code: IssueCode;
  /** Errors stop the work; warnings (such as a long gap) are reported with its result. */
  readonly severity: 'error' | 'warning';
  /** The file as given (absolute or relative to the working directory), or `command line`. */
  readonly file: string;
  /** 1-based line in the file, when the issue has one. */
  readonly line?: number;
  /** 1-based column (a CSV field number, or a character in a JSON line), when the issue has one. */
  readonly column?: number;
  /** Path of the value inside a JSON document, as `strategies[0].params.lookback` (see {@link jsonPathOf}), when known. */
  readonly jsonPath?: string;
  /** What was found and what was expected, in words a person can act on. */
  readonly message: string;
  /**
   * The observations the issue is about, as day numbers, when it is about a span of them (a gap
   * from the observation on `from` to the one on `to`): work that reads none of those days may
   * leave the issue out ({@link issuesWithin}).
   */
  readonly days?: { readonly from: number; readonly to: number };
}

/** Outcome of work that checks its inputs: a value with any warnings, or every issue that stopped it. */
export type LoadResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * `file:line:column: severity code: message`, the form compilers use so editors can jump to it.
 * (Messages about a JSON value name its path themselves; `jsonPath` is for programs.)
 */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.column].filter((p) => p !== undefined).join(':');
  return `${where}: ${issue.severity} ${issue.code}: ${issue.message}`;
}

/**
 * The path of a value in a JSON document from its keys and indices (such as zod's
 * `issue.path`): `['series', 3, 'format']` → `series[3].format`; the root is `''`.
 */
export function jsonPathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
