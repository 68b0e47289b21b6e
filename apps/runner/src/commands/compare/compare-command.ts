import { UsageError, type CommandIo } from '../../cli/command';
import { choiceOption, numberOption, parseOptions } from '../../cli/parse-options';
import { outputOptions } from '../../cli/output-options';
import { writeResultSet } from '../../cli/result-set-writer';
import { buildComparison } from './build-comparison';
import { allDifferences } from './comparability';
import { formatComparisonCsv, formatComparisonJson, formatComparisonTable } from './format-comparison';
import { loadResult, type LoadedResult } from './load-result';

const VALUE_OPTIONS = ['--format', '--out', '--seed', '--resamples'];

/** `ratecut compare`: see compare-usage.ts. Exit 0 ok, 1 invalid or incomparable files, 2 bad command line. */
export async function compareCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const files = args.filter((a, i) => !a.startsWith('-') && (i === 0 || !VALUE_OPTIONS.includes(args[i - 1])));
  const rest = args.filter((a, i) => !(!a.startsWith('-') && (i === 0 || !VALUE_OPTIONS.includes(args[i - 1]))));
  const o = parseOptions(rest, {
    force: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, resamples: { type: 'string' },
  });
  const format = choiceOption('format', o.format, ['table', 'csv', 'json'] as const, 'table');
  const seed = numberOption('seed', o.seed, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32, 'a whole number 0 to 2^32-1') ?? 1;
  const resamples = numberOption('resamples', o.resamples, (n) => Number.isInteger(n) && n >= 1 && n <= 1_000_000, 'a whole number 1 to 1,000,000') ?? 2000;
  if (files.length === 0) throw new UsageError('name the result files to compare');
  const force = o.force === true;

  const loaded: LoadedResult[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const r = loadResult(f, io.cwd);
    if (r.ok) loaded.push(r.value);
    else errors.push(...r.errors);
  }
  if (errors.length > 0) { for (const e of errors) io.stderr(`${e}\n`); return 1; }
  const strategies = loaded.reduce((n, r) => n + (r.kind === 'backtest' ? r.doc.strategies.length : r.kind === 'sweep' ? 2 : 1), 0);
  if (loaded.length < 2 && strategies < 2) {
    io.stderr(`${files[0]}: error nothing-to-compare: one file with one strategy; name a second file\n`);
    return 1;
  }
  const sims = loaded.filter((r) => r.kind === 'simulate');
  if (sims.length > 0 && sims.length < loaded.length) {
    io.stderr(`error mixed-kinds: cannot compare simulation results (${sims.map((r) => r.file).join(', ')}) with backtest results (${loaded.filter((r) => r.kind !== 'simulate').map((r) => r.file).join(', ')})\n`);
    return 1;
  }
  const differences = allDifferences(loaded);
  if (differences.length > 0 && !force) {
    io.stderr(`error not-comparable: the files are not comparable (${differences.length} difference${differences.length === 1 ? '' : 's'}); pass --force to compare them anyway:\n`);
    for (const d of differences) io.stderr(`  - ${d.message}\n`);
    return 1;
  }
  const comparison = buildComparison(loaded, differences, { seed, resamples });
  const text = format === 'json' ? formatComparisonJson(comparison) : format === 'csv' ? formatComparisonCsv(comparison) : formatComparisonTable(comparison);
  if (o.out === undefined) {
    io.stdout(text);
  } else {
    const [written] = writeResultSet([{ path: o.out, text }], outputOptions(io, force, files));
    if (format !== 'table' && differences.length > 0) for (const d of differences) io.stderr(`warning not-comparable: ${d.message}\n`);
    io.stdout(`wrote ${written}\n`);
  }
  return 0;
}
