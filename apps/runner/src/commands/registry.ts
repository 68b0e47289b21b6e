import type { CommandSpec } from '../cli/command';
import { BACKTEST_USAGE } from './backtest/backtest-usage';
import { DEMO_USAGE } from './demo/demo-usage';
import { CYCLES_USAGE } from './cycles/cycles-usage';
import { SIMULATE_USAGE } from './simulate/simulate-usage';
import { COMPARE_USAGE } from './compare/compare-usage';
import { REPORT_USAGE } from './report/report-usage';
import { FETCH_USAGE } from './fetch/fetch-usage';
import { VALIDATE_USAGE } from './validate/validate-usage';
import { NOW_USAGE } from './now/now-usage';
import { MERGE_USAGE } from './merge/merge-usage';
import { WORKER_USAGE } from './worker/worker-usage';

/** Every command of the CLI, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'demo',
    summary: 'the whole story in one run: cycles, backtest, two Monte Carlo scenarios and a report',
    usage: DEMO_USAGE,
    load: async () => (await import('./demo/demo-command')).demoCommand,
  },
  {
    name: 'cycles',
    summary: 'Fed easing cycles from real data, with small vs large returns after each first cut',
    usage: CYCLES_USAGE,
    load: async () => (await import('./cycles/cycles-command')).cyclesCommand,
  },
  {
    name: 'backtest',
    summary: 'replay rotation strategies over every easing cycle and the full history; write result files',
    usage: BACKTEST_USAGE,
    load: async () => (await import('./backtest/backtest-command')).backtestCommand,
  },
  {
    name: 'simulate',
    summary: 'Monte Carlo distributions of small vs large returns for a rate-cut scenario',
    usage: SIMULATE_USAGE,
    load: async () => (await import('./simulate/simulate-command')).simulateCommand,
  },
  {
    name: 'now',
    summary: 'the current easing cycle against past ones, and the strategists\' claim as a probability',
    usage: NOW_USAGE,
    load: async () => (await import('./now/now-command')).nowCommand,
  },
  {
    name: 'validate',
    summary: 'is the edge real? event study, SPA, leave-one-cycle-out, walk-forward, simulator calibration',
    usage: VALIDATE_USAGE,
    load: async () => (await import('./validate/validate-command')).validateCommand,
  },
  {
    name: 'compare',
    summary: 'compare result files side by side, with comparability checks and paired statistics',
    usage: COMPARE_USAGE,
    load: async () => (await import('./compare/compare-command')).compareCommand,
  },
  {
    name: 'merge',
    summary: 'merge the partial results of a run split with --shard k/N into the result one process writes',
    usage: MERGE_USAGE,
    load: async () => (await import('./merge/merge-command')).mergeCommand,
  },
  {
    name: 'worker',
    summary: 'run the blocks of studies submitted with --queue redis://... (any number, on any machines)',
    usage: WORKER_USAGE,
    load: async () => (await import('./worker/worker-command')).workerCommand,
  },
  {
    name: 'report',
    summary: 'write a self-contained HTML report with charts of result files',
    usage: REPORT_USAGE,
    load: async () => (await import('./report/report-command')).reportCommand,
  },
  {
    name: 'fetch',
    summary: 'download real data (FRED, Yahoo Finance, Ken French) into the user cache folder with a catalog',
    usage: FETCH_USAGE,
    load: async () => (await import('./fetch/fetch-command')).fetchCommand,
  },
];
