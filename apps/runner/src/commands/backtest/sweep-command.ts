import { stringify } from 'csv-stringify/sync';
import { join } from 'node:path';
import { formatDay, momentumSweep } from '@ratecut/sim-core';
import { loadEasingCycles, loadMarketData, PAIRS } from '@ratecut/data-loader';
import { UsageError, type CommandIo } from '../../cli/command';
import { printIssues, type OpenedCatalog } from '../../cli/open-catalog';
import { workspaceRoot } from '../../cli/workspace-root';
import { writeResultSet, type WriteOptions } from '../../cli/result-set-writer';
import type { ResolvedBacktestConfig } from './backtest-config';
import { parseSweep } from './parse-sweep';

const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * `ratecut backtest --strategy relative-momentum --sweep k=1..24 --sweep threshold=0..0.049:0.001`:
 * evaluates every combination over the full history with sim-core's fast path (same execution
 * lag, costs and cash as the engine) and writes one CSV row per combination.
 */
export async function runSweepCommand(
  config: ResolvedBacktestConfig,
  sweeps: readonly string[],
  opened: OpenedCatalog,
  out: string,
  outputs: WriteOptions,
  io: CommandIo,
  commandLine: string,
): Promise<number> {
  const names = config.strategies.map((s) => s.name);
  if (names.length !== 1 || names[0] !== 'relative-momentum') {
    throw new UsageError('--sweep runs the fast path of relative-momentum only: pass --strategy relative-momentum');
  }
  const grid = new Map(sweeps.map(parseSweep).map((s) => [s.name, s.values]));
  const unknown = [...grid.keys()].filter((k) => k !== 'k' && k !== 'threshold');
  if (unknown.length > 0) throw new UsageError(`--sweep ${unknown.join(', ')}: relative-momentum sweeps k and threshold only`);
  const params = config.strategies[0].params;
  const ks = grid.get('k') ?? [Number(params['k'] ?? 6)];
  const thresholds = grid.get('threshold') ?? [Number(params['threshold'] ?? 0.01)];
  if (ks.some((k) => !Number.isInteger(k) || k < 1)) throw new UsageError('--sweep k: expected whole numbers of months >= 1');
  if (thresholds.some((t) => !Number.isFinite(t) || t < 0)) throw new UsageError('--sweep threshold: expected decimal return points >= 0');

  const pair = PAIRS.find((p) => p.id === config.pair);
  if (!pair) throw new UsageError(`unknown pair ${config.pair}`);
  const easing = loadEasingCycles(opened.catalog, join(workspaceRoot(), 'data', 'nber-business-cycles.json'), config.cycleRule, config.recessionWindowMonths);
  if (!easing.ok) { printIssues(io, easing.issues); return 1; }
  const market = loadMarketData(opened.catalog, { small: pair.small, large: pair.large }, config.cash, easing.value.history);
  if (!market.ok) { printIssues(io, market.issues); return 1; }
  const { data } = market.value;
  if (config.executionLag >= data.days.length - 1) {
    throw new UsageError(`executionLag ${config.executionLag} rows: the ${pair.id} data have ${data.days.length} rows, so no decision could ever be traded; use a lag below ${data.days.length - 1}`);
  }
  const started = process.hrtime.bigint();
  const r = momentumSweep(data, ks, thresholds, {
    startRow: 0, endRow: data.days.length - 1, executionLag: config.executionLag,
    costs: { costBps: config.costBps, slippageBps: config.slippageBps }, initialCapital: config.initialCapital,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;

  const rows: (number | null)[][] = [];
  for (let c = 0; c < r.combinations; c += 1) {
    const ki = Math.floor(c / thresholds.length), ti = c % thresholds.length;
    rows.push([ks[ki], thresholds[ti], fin(r.totalReturn[c]), fin(r.cagr[c]), fin(r.volatility[c]), fin(r.sharpe[c]), fin(r.maxDrawdown[c]), fin(r.rebalances[c])]);
  }
  const header = [
    ...(opened.syntheticNotice ? [`# ${opened.syntheticNotice}`] : []),
    `# ${commandLine}`,
    `# relative-momentum sweep on ${pair.id} (${market.value.pair.returnBasis}), ${formatDay(data.days[0])} to ${formatDay(data.days[data.days.length - 1])}, ${data.days.length} rows; lag ${config.executionLag}, costs ${config.costBps}+${config.slippageBps} bp, cash ${config.cash}`,
  ].join('\n') + '\n';
  const csv = header + stringify(rows, { header: true, columns: ['k_months', 'threshold', 'total_return', 'cagr', 'volatility', 'sharpe', 'max_drawdown', 'rebalances'] });
  const [written] = writeResultSet([{ path: out, text: csv }], outputs);

  const order = rows.map((_, i) => i).filter((i) => rows[i][5] !== null).sort((a, b) => (rows[b][5] as number) - (rows[a][5] as number) || a - b);
  const lines = [
    ...(opened.syntheticNotice ? [opened.syntheticNotice] : []),
    `relative-momentum sweep: ${r.combinations} combinations over ${data.days.length} rows in ${ms.toFixed(1)} ms`,
    'best 5 by Sharpe ratio (in-sample: the best of many tries overstates what to expect):',
    ...order.slice(0, 5).map((i) => {
      const [k, t, , cagr, , sharpe, dd, rebalances] = rows[i];
      return `  k=${k} threshold=${t}: CAGR ${((cagr ?? NaN) * 100).toFixed(2)}%, Sharpe ${(sharpe ?? NaN).toFixed(3)}, max DD ${((dd ?? NaN) * 100).toFixed(1)}%, ${rebalances} rebalances`;
    }),
    `wrote ${written}`,
  ];
  io.stdout(lines.join('\n') + '\n');
  return 0;
}
