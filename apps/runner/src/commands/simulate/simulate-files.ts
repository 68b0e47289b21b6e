import { stringify } from 'csv-stringify/sync';
import { refuseFolderOut, writeResultSet, type OutputFile, type WriteOptions } from '@ratecut/studies/output';
import { toJsonText } from '../../cli/json-text';
import type { OutcomeDistributionJson, SimulateResultJson } from '@ratecut/contracts';

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
export function writeSimulationFiles(doc: SimulateResultJson, out: string, options: WriteOptions, extra: readonly OutputFile[] = []): string[] {
  refuseFolderOut(out, options, 'simulation.json');
  const paths = simulationPaths(out);
  const comment = doc.notice ? `# ${doc.notice}\n` : '';
  const rows: [string, OutcomeDistributionJson][] = [
    ...Object.entries(doc.legs).map(([k, v]): [string, OutcomeDistributionJson] => [`${k}_return`, v]),
    ...Object.entries(doc.drawdowns).map(([k, v]): [string, OutcomeDistributionJson] => [`${k}_max_drawdown`, v]),
  ];
  const keys = Object.keys(rows[0][1].percentiles) as (keyof OutcomeDistributionJson['percentiles'])[];
  const pctCsv = comment + stringify(rows.map(([name, d]) => [name, ...keys.map((k) => d.percentiles[k]), d.mean, d.sd]), { header: true, columns: ['outcome', ...keys, 'mean', 'sd'] });
  const { fan } = doc;
  const fanRows = fan.small.map((row, step) => [step, ...row, ...fan.large[step]]);
  const fanCsv = comment + stringify(fanRows, { header: true, columns: ['step', ...fan.percentiles.map((p) => `small_p${p}`), ...fan.percentiles.map((p) => `large_p${p}`)] });
  return writeResultSet([
    { path: paths.json, text: toJsonText(doc) },
    { path: paths.percentiles, text: pctCsv },
    { path: paths.fan, text: fanCsv },
    ...extra,
  ], options);
}
