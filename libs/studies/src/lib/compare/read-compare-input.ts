import { basename } from 'node:path';
import { describeSweep, SWEEP_METRIC_COLUMNS, type SweepTable } from '@ratecut/contracts';
import type { LoadResult } from '@ratecut/sim-core';
import { readResultFile } from '../result-files/read-result-file';
import type { ResultFileOf } from '../result-files/result-file';
import type { CompareInput, SweepInput } from './compare-input';

/** The result kinds `compare` reads. */
export const COMPARE_KINDS = ['backtest', 'simulate', 'sweep'] as const;

/** A sweep table as compared: its header describes the run, each row with a Sharpe ratio is a trial. */
function sweepInput(file: string, table: SweepTable): SweepInput {
  const { header, rows } = table;
  const sharpe = header.parameters.length + SWEEP_METRIC_COLUMNS.indexOf('sharpe');
  const trials = rows.filter((r) => r[sharpe] !== null)
    .map((r) => ({ params: header.parameters.map((c, i) => `${c}=${r[i]}`).join(' '), sharpe: r[sharpe] as number }));
  return {
    kind: 'sweep', file, name: basename(file), schema: header.schema, synthetic: header.synthetic, description: describeSweep(header), pair: header.pair, first: header.first, last: header.last,
    rows: header.rows, periodsPerYear: header.periodsPerYear, trials,
  };
}

/** A checked result file as a comparison input, labelled by its base name. */
export function compareInputOf(result: ResultFileOf<(typeof COMPARE_KINDS)[number]>): CompareInput {
  if (result.kind === 'sweep') return sweepInput(result.file, result.table);
  return { ...result, name: basename(result.file) };
}

/**
 * Reads one file for a comparison (`file` as given, resolved against `cwd`) with the one result
 * reader (`readResultFile` with {@link COMPARE_KINDS}): a backtest or simulate result checked
 * against its full contracts schema, or a `ratecut.sweep/2` table. Every problem is an issue
 * naming `file` as given.
 */
export function readCompareInput(file: string, cwd: string): LoadResult<CompareInput> {
  const read = readResultFile(file, cwd, COMPARE_KINDS);
  return read.ok ? { ok: true, value: compareInputOf(read.value), warnings: read.warnings } : read;
}
