import { join } from 'node:path';
import type { NowResultJson } from '@ratecut/contracts';
import { NOW_DEFAULTS, planNowStudy } from '@ratecut/studies/now';
import { checkOutputs, writeResultSet } from '@ratecut/studies/output';
import { parseIsoDay } from '@ratecut/sim-core';
import { UsageError, type CommandIo } from '../../cli/command';
import { commandLine } from '../../cli/command-line';
import { toJsonText } from '../../cli/json-text';
import { reportWritten } from '../../cli/messages';
import { openCatalog, whileLoading } from '../../cli/open-catalog';
import { catalogInputs, outputOptions } from '../../cli/output-options';
import { styleOf } from '../../cli/output-style';
import { numberOption, parseOptionsAndArguments } from '../../cli/parse-options';
import { VERSION } from '../../cli/version';
import { withoutWorkers } from '../../cli/without-workers';
import { workspaceRoot } from '../../cli/workspace-root';
import { planFailure, runWithProgress } from '../backtest/study-runner';
import { parseTarget } from '../simulate/parse-target';
import { formatNow } from './format-now';
import { outputTargets, resultAndReport } from '../validate/result-and-report';

/** The strategists' claim the command prices when no --target is given: +20 % for the Russell 2000, +11 % for the S&P 500, a 9-point spread. */
const CLAIM = ['small:+20%', 'large:+11%', 'spread:+9%'];

/** Today's date in UTC, as YYYY-MM-DD. */
const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** `ratecut now`: see now-usage.ts. argv → the now study → its summary or JSON, and the file. */
export async function nowCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values: o, positionals } = parseOptionsAndArguments(args, {
    cycle: { type: 'string' }, step: { type: 'string' }, pair: { type: 'string' }, horizon: { type: 'string' }, target: { type: 'string', multiple: true },
    analogs: { type: 'string' }, paths: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' }, workers: { type: 'string' },
    out: { type: 'string' }, report: { type: 'string' }, force: { type: 'boolean' }, data: { type: 'string' }, 'allow-outside-data': { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`now takes no arguments; unexpected ${positionals.map((p) => JSON.stringify(p)).join(', ')}`);
  const horizonText = o.horizon ?? `${NOW_DEFAULTS.horizonMonths}m`;
  const hm = /^(\d+)m?$/.exec(horizonText.trim());
  const horizonMonths = hm === null ? NaN : Number(hm[1]);
  if (!(Number.isInteger(horizonMonths) && horizonMonths >= 1 && horizonMonths <= 60)) throw new UsageError(`--horizon ${JSON.stringify(horizonText)}: expected months 1 to 60, e.g. 12m`);
  const analogs = numberOption('analogs', o.analogs, (n) => Number.isInteger(n) && n >= 1 && n <= 30, 'a whole number 1 to 30') ?? NOW_DEFAULTS.analogs;
  const paths = numberOption('paths', o.paths, (n) => Number.isInteger(n) && n >= 1000 && n <= 1_000_000, 'a whole number of paths, 1,000 to 1,000,000') ?? NOW_DEFAULTS.paths;
  const seed = numberOption('seed', o.seed, (n) => Number.isInteger(n) && n >= 0 && n < 2 ** 32, 'a whole number 0 to 2^32-1') ?? NOW_DEFAULTS.seed;
  const workers = numberOption('workers', o.workers, (n) => Number.isInteger(n) && n >= 1 && n <= 64, 'a whole number of threads, 1 to 64') ?? 1;
  const step = numberOption('step', o.step, (n) => Number.isInteger(n) && n >= 1, 'a whole number of rows >= 1') ?? null;
  const today = o.today ?? todayUtc();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(parseIsoDay(today))) throw new UsageError(`--today ${JSON.stringify(today)}: expected a date YYYY-MM-DD`);
  const targets = (o.target === undefined ? CLAIM : ([] as string[]).concat(o.target)).map(parseTarget);
  if (o.out === '-') throw new UsageError('--out -: the document goes to stdout with --json; --out names a file');

  const opened = openCatalog(io, o.data, { allowOutsideData: o['allow-outside-data'] });
  if (!opened) return 1;
  const outputs = outputOptions(io, o.force === true, catalogInputs(opened.catalog));
  checkOutputs(outputTargets(o.out, o.report), outputs);
  const planned = whileLoading(io, opened.catalog, () => planNowStudy({
    catalog: opened.catalog, origin: opened.origin, notice: opened.syntheticNotice, factsDir: join(workspaceRoot(), 'data'),
    pair: o.pair ?? NOW_DEFAULTS.pair, cycle: o.cycle ?? null, step, horizonMonths, analogs, paths, seed, targets,
    commandLine: commandLine('now', withoutWorkers(args.filter((a, i) => !(a.startsWith('--today') || args[i - 1] === '--today')))), ratecutVersion: VERSION,
  }));
  if (!planned.ok) return planFailure(io, planned.issues);
  const doc = await runWithProgress<NowResultJson>(planned.value, io, 'now', workers);
  const text = toJsonText(doc);
  const toWrite = resultAndReport(doc, text, o.out, o.report, 'now (no --out)');
  const written = toWrite.length === 0 ? [] : writeResultSet(toWrite, outputs);
  io.stdout(styleOf(io).json ? text : formatNow(doc, today));
  reportWritten(io, written);
  return 0;
}
