import { stringify } from 'csv-stringify/sync';
import { refuseFolderOut, writeResultSet, type OutputFile, type WriteOptions } from '../../cli/result-set-writer';
import { toJsonText } from '../../cli/json-text';

type Doc = Record<string, unknown> & { notice?: string };
type Dist = { percentiles: Record<string, number | null>; mean: number | null; sd: number | null };

/** Paths of a simulation result file and its side files (`run.json` → `run.percentiles.csv`, `run.fan.csv`). */
export function simulationPaths(out: string): { json: string; percentiles: string; fan: string } {
  const base = out.replace(/\.json$/i, '');
  return { json: `${base}.json`, percentiles: `${base}.percentiles.csv`, fan: `${base}.fan.csv` };
}

/**
 * Result file and CSV side files: `<name>.percentiles.csv` (per leg) and `<name>.fan.csv` (per
 * step), plus any `extra` files (the `--report`), written as one set through the result-set
 * writer (all checked first; after a failure the previous files are unchanged).
 */
export function writeSimulationFiles(doc: Doc, out: string, options: WriteOptions, extra: readonly OutputFile[] = []): string[] {
  refuseFolderOut(out, options, 'simulation.json');
  const paths = simulationPaths(out);
  const comment = doc.notice ? `# ${doc.notice}\n` : '';
  const legs = doc['legs'] as Record<string, Dist>;
  const dd = doc['drawdowns'] as Record<string, Dist>;
  const rows = [
    ...Object.entries(legs).map(([k, v]) => [`${k}_return`, v]),
    ...Object.entries(dd).map(([k, v]) => [`${k}_max_drawdown`, v]),
  ] as [string, Dist][];
  const keys = Object.keys(rows[0][1].percentiles);
  const pctCsv = comment + stringify(rows.map(([name, d]) => [name, ...keys.map((k) => d.percentiles[k]), d.mean, d.sd]), { header: true, columns: ['outcome', ...keys, 'mean', 'sd'] });
  const fan = doc['fan'] as { percentiles: number[]; small: number[][]; large: number[][] };
  const fanRows = fan.small.map((row, step) => [step, ...row, ...fan.large[step]]);
  const fanCsv = comment + stringify(fanRows, { header: true, columns: ['step', ...fan.percentiles.map((p) => `small_p${p}`), ...fan.percentiles.map((p) => `large_p${p}`)] });
  return writeResultSet([
    { path: paths.json, text: toJsonText(doc) },
    { path: paths.percentiles, text: pctCsv },
    { path: paths.fan, text: fanCsv },
    ...extra,
  ], options);
}
