import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { UsageError } from '../../cli/command';
import { writeFileAtomic } from '../../cli/write-output';
import { toJsonText } from '../../cli/json-text';

type Doc = Record<string, unknown> & { notice?: string };
type Dist = { percentiles: Record<string, number | null>; mean: number | null; sd: number | null };

/** Result file and CSV side files: `<name>.percentiles.csv` (per leg) and `<name>.fan.csv` (per step). */
export function writeSimulationFiles(doc: Doc, out: string, force: boolean, cwd: string): string[] {
  const base = out.replace(/\.json$/i, '');
  const paths = { json: `${base}.json`, percentiles: `${base}.percentiles.csv`, fan: `${base}.fan.csv` };
  if (!force) {
    const existing = Object.values(paths).filter((p) => existsSync(resolve(cwd, p)));
    if (existing.length > 0) throw new UsageError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; pass --force to replace`);
  }
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
  return [
    writeFileAtomic(paths.json, toJsonText(doc), true, cwd),
    writeFileAtomic(paths.percentiles, pctCsv, true, cwd),
    writeFileAtomic(paths.fan, fanCsv, true, cwd),
  ];
}
