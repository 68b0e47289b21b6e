import { formatSweepTable, type SweepTable } from '@ratecut/contracts';
import { writeResultSet, type WriteOptions } from '@ratecut/studies/output';
import { planSweepStudy, type SweepRequest } from '@ratecut/studies/backtest';
import type { CommandIo } from '../../cli/command';
import { reportWritten } from '../../cli/messages';
import { styleOf } from '../../cli/output-style';
import { toJsonText } from '../../cli/json-text';
import { planFailure, runWithProgress } from './study-runner';
import { whileLoading } from '../../cli/open-catalog';
import { parseSweep } from './parse-sweep';
import { reportOutput } from '../report/write-report';
import { mergePartials, runStudyShard } from '@ratecut/studies';
import { printIssues } from '../../cli/messages';
import { VERSION } from '../../cli/version';
import { recordedShardArgs, runShardCommand, type MergeInput, type ShardChoice } from '../../cli/shard-option';
import { runOnQueueWithProgress } from '../../cli/queue-option';
import type { QueueAddress } from '@ratecut/studies/queue';

/** The best five rows of a sweep table by Sharpe ratio (ties in row order), as printed lines. */
function bestBySharpe(table: SweepTable): string[] {
  const sharpe = table.columns.indexOf('sharpe');
  const order = table.rows.map((_, i) => i).filter((i) => table.rows[i][sharpe] !== null)
    .sort((a, b) => (table.rows[b][sharpe] as number) - (table.rows[a][sharpe] as number) || a - b);
  const at = (name: string): number => table.columns.indexOf(name);
  const names = table.header.parameters;
  return order.slice(0, 5).map((i) => {
    const row = table.rows[i];
    const cell = (name: string): number => row[at(name)] ?? NaN;
    const params = names.map((n, p) => `${n === 'k_months' ? 'k' : n}=${row[p]}`).join(' ');
    const cycles = table.header.counted.length;
    const hits = Math.round(cell('cycle_hit_rate') * cycles);
    const vsBenchmark = cycles === 0 ? '' : `; cycles: mean excess ${(cell('mean_cycle_excess') * 100).toFixed(1)} pp, beat ${table.header.benchmark} in ${Number.isFinite(hits) ? hits : 'n/a'} of ${cycles}`;
    return `  ${params}: CAGR ${(cell('cagr') * 100).toFixed(2)}%, Sharpe ${cell('sharpe').toFixed(3)}, max DD ${(cell('max_drawdown') * 100).toFixed(1)}%, ${cell('rebalances')} rebalances${vsBenchmark}`;
  });
}

/** The deflated Sharpe ratio of the best row, in words (see the table header's `deflatedSharpe`). */
function deflatedSharpeLine(table: SweepTable): string {
  const d = table.header.deflatedSharpe;
  if (d === null || d.probability === null) return 'deflated Sharpe ratio of the best: n/a (fewer than 2 combinations with a Sharpe ratio)';
  const verdict = d.probability > 0.95 ? 'above 0.95' : 'not above 0.95: the best could be luck of the search';
  return `deflated Sharpe ratio of the best (Bailey and López de Prado, 2014; ${d.trials} trials): ${d.probability.toFixed(3)}, ${verdict}. `
    + `It tests skill over cash, which any long-only equity strategy tends to pass; the cycle columns compare with ${table.header.benchmark}`;
}

/**
 * `ratecut backtest --strategy <built-in> --sweep name=a..b[:step] ...` (e.g. `--strategy
 * relative-momentum --sweep k=1..24 --sweep threshold=0..0.049:0.001`): runs the sweep study
 * over the full history and writes its
 * `ratecut.sweep/2` table, one row per combination, printing the best five by Sharpe ratio;
 * with `report`, the HTML report of the table (its heatmap) in the same set of files.
 */
export async function runSweepCommand(
  request: Omit<SweepRequest, 'grid'> & { readonly sweeps: readonly string[] },
  out: string,
  outputs: WriteOptions,
  io: CommandIo,
  workers = 1,
  report?: string,
  sharding: { readonly shard?: ShardChoice; readonly merge?: MergeInput; readonly queue?: QueueAddress; readonly args: readonly string[] } = { args: [] },
): Promise<number> {
  const planned = whileLoading(io, request.catalog, () => planSweepStudy({ ...request, grid: request.sweeps.map(parseSweep) }));
  if (!planned.ok) return planFailure(io, planned.issues);
  const study = planned.value;
  const identity = { command: { name: 'backtest', args: recordedShardArgs(sharding.args) }, ratecutVersion: VERSION };
  if (sharding.shard !== undefined) {
    return runShardCommand(runStudyShard(study, sharding.shard, identity, { workers }), out, outputs, io, `sweep shard ${sharding.shard.k}/${sharding.shard.n}`);
  }
  const started = process.hrtime.bigint();
  let table;
  if (sharding.merge !== undefined) {
    // The blocks ran elsewhere: their outputs, from the partials, merged in block order.
    const merged = mergePartials(study, sharding.merge.partials, identity);
    if (!merged.ok) { printIssues(io, merged.issues); return 1; }
    printIssues(io, study.warnings ?? []);
    table = merged.value;
  } else if (sharding.queue !== undefined) {
    table = await runOnQueueWithProgress(study, identity, sharding.queue, io, 'sweep');
    if (table === undefined) return 1;
  } else {
    table = await runWithProgress(study, io, 'sweep', workers);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const written = writeResultSet([{ path: out, text: formatSweepTable(table) }, ...(report === undefined ? [] : [reportOutput([{ file: out, doc: table }], report)])], outputs);
  const lines = [
    ...(request.notice === null ? [] : [request.notice]),
    `${table.header.strategy} sweep: ${table.rows.length} combinations over ${table.header.rows} rows in ${ms.toFixed(1)} ms`,
    'best 5 by Sharpe ratio (in-sample: the best of many tries overstates what to expect):',
    ...bestBySharpe(table),
    deflatedSharpeLine(table),
  ];
  io.stdout(styleOf(io).json ? toJsonText(table) : lines.join('\n') + '\n');
  reportWritten(io, written);
  return 0;
}
