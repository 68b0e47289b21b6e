import type { BacktestResultJson, CalibrationResultJson, CompareResultJson, CyclesResultJson, EventStudyResultJson, NowResultJson, OutOfSampleResultJson, SimulateResultJson, SpaResultJson, SweepTable } from '@ratecut/contracts';

/** The result kinds read from JSON files (each checked against its full `@ratecut/contracts` schema). */
export type JsonResultKind = 'backtest' | 'simulate' | 'event-study' | 'out-of-sample' | 'calibration' | 'now' | 'spa' | 'cycles' | 'compare';

/** The result kinds a command can read back: the JSON results, and the `ratecut.sweep/2` table (CSV). */
export type ReadableResultKind = JsonResultKind | 'sweep';

/**
 * A result file read and checked: the file as the user named it, its kind, the `schema` value
 * as found (e.g. `ratecut.backtest/2` or `ratecut.backtest/2.3`) and its content, parsed with the
 * kind's schema of `@ratecut/contracts`.
 */
export type ResultFile =
  | { readonly kind: 'backtest'; readonly file: string; readonly schema: string; readonly doc: BacktestResultJson }
  | { readonly kind: 'simulate'; readonly file: string; readonly schema: string; readonly doc: SimulateResultJson }
  | { readonly kind: 'event-study'; readonly file: string; readonly schema: string; readonly doc: EventStudyResultJson }
  | { readonly kind: 'out-of-sample'; readonly file: string; readonly schema: string; readonly doc: OutOfSampleResultJson }
  | { readonly kind: 'calibration'; readonly file: string; readonly schema: string; readonly doc: CalibrationResultJson }
  | { readonly kind: 'now'; readonly file: string; readonly schema: string; readonly doc: NowResultJson }
  | { readonly kind: 'spa'; readonly file: string; readonly schema: string; readonly doc: SpaResultJson }
  | { readonly kind: 'cycles'; readonly file: string; readonly schema: string; readonly doc: CyclesResultJson }
  | { readonly kind: 'compare'; readonly file: string; readonly schema: string; readonly doc: CompareResultJson }
  | { readonly kind: 'sweep'; readonly file: string; readonly schema: string; readonly table: SweepTable };

/** A result file of one of the kinds `K`. */
export type ResultFileOf<K extends ReadableResultKind> = Extract<ResultFile, { kind: K }>;

/** Line and column of the value at a JSON path in a document's text. */
export type LocateJsonValue = (path: readonly PropertyKey[]) => { line: number; column: number };

/** A parsed JSON document not yet checked, named by the file it came from (or is about to be written to). */
export interface ResultDocument {
  /** The file as the user named it (relative to the working folder, or absolute). */
  readonly file: string;
  /** The parsed JSON value. */
  readonly value: unknown;
  /** Where each value sits in the file's text; absent for a document that was never text (a result in memory). */
  readonly locate?: LocateJsonValue;
}

/** The kinds as a person names the files, e.g. `a backtest or simulate result file (JSON) or a sweep table (CSV)`. */
export function describeResultKinds(kinds: readonly ReadableResultKind[]): string {
  const json = kinds.filter((k): k is JsonResultKind => k !== 'sweep');
  const parts = json.length > 0 ? [`a ${json.join(' or ')} result file (JSON)`] : [];
  if (kinds.includes('sweep')) parts.push('a sweep table (CSV)');
  return parts.join(' or ');
}
