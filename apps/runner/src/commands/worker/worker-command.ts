import type { BlockJobData } from '@ratecut/contracts';
import type { AnyStudy } from '@ratecut/studies';
import { checkReachable, startQueueWorker, type QueueWorkerEvent } from '@ratecut/studies/queue';
import { UsageError, type CommandIo } from '../../cli/command';
import { numberOption, parseOptionsAndArguments } from '../../cli/parse-options';
import { styleOf } from '../../cli/output-style';
import { parseQueueOption, type PlanOnly } from '../../cli/queue-option';
import { VERSION } from '../../cli/version';
import { backtestCommand } from '../backtest/backtest-command';
import { simulateCommand } from '../simulate/simulate-command';

/**
 * Plans a block job's study as its command would on this machine (in `cwd`, with this
 * environment), quietly. @throws Error with what the command printed when it cannot.
 */
async function planStudy(job: BlockJobData, io: CommandIo): Promise<AnyStudy> {
  const said: string[] = [];
  const quiet: CommandIo = { stdout: () => undefined, stderr: (t) => { said.push(t); }, env: io.env, cwd: io.cwd };
  let study: AnyStudy | undefined;
  const planOnly: PlanOnly = { planned: (s) => { study = s; } };
  let code: number;
  try {
    if (job.command.name === 'simulate') code = await simulateCommand(job.command.args, quiet, { planOnly });
    else if (job.command.name === 'backtest') code = await backtestCommand(job.command.args, quiet, { planOnly });
    else throw new Error(`\`ratecut ${job.command.name}\` does not run on a queue (simulate, backtest --sweep do)`);
  } catch (e) {
    throw new Error(UsageError.is(e) ? `the command line: ${e.message}` : (e as Error).message);
  }
  if (study === undefined) throw new Error(said.join('').trim().replace(/\s*\n\s*/g, '; ') || `the command stopped with exit code ${code}`);
  return study;
}

/** One line for a worker event: `simulate 1a2b3c4d5e6f block 3 of 100: done in 1.23 s`. */
function describe(e: QueueWorkerEvent): string {
  if (e.type === 'notice') return e.message;
  const at = `${e.job.kind} ${e.job.fingerprint.slice(0, 12)} block ${e.job.index} of ${e.job.blockCount}`;
  if (e.type === 'start') return `${at}: started${e.attempt > 1 ? ` (try ${e.attempt})` : ''}`;
  if (e.type === 'done') return `${at}: done in ${e.seconds.toFixed(2)} s`;
  return `${at}: failed (try ${e.attempt}): ${e.error}`;
}

/** `ratecut worker`: see worker-usage.ts. Runs until SIGINT or SIGTERM, then finishes the blocks in hand. */
export async function workerCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const { values: o, positionals } = parseOptionsAndArguments(args, {
    queue: { type: 'string' }, prefix: { type: 'string' }, threads: { type: 'string' }, 'lock-seconds': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`ratecut worker takes no arguments, got ${positionals.map((p) => JSON.stringify(p)).join(', ')}`);
  if (o.queue === undefined) throw new UsageError('name the queue to take blocks from: --queue redis://host:port[/db]');
  const address = parseQueueOption(o);
  if (address === undefined) return 2;
  const threads = numberOption('threads', o.threads, (n) => Number.isInteger(n) && n >= 1 && n <= 64, 'a whole number of threads, 1 to 64') ?? 1;
  const lockSeconds = numberOption('lock-seconds', o['lock-seconds'], (n) => n >= 1 && n <= 600, 'seconds, 1 to 600') ?? 30;
  const style = styleOf(io);
  try {
    await checkReachable(address);
  } catch (e) {
    io.stderr(`error: ${(e as Error).message}\n`);
    return 1;
  }
  const say = (e: QueueWorkerEvent): void => {
    if (style.json) {
      const { type, ...rest } = e;
      const job = 'job' in rest ? { kind: rest.job.kind, fingerprint: rest.job.fingerprint, index: rest.job.index, blockCount: rest.job.blockCount } : {};
      io.stdout(JSON.stringify({ event: type, ...job, ...('job' in rest ? { ...rest, job: undefined } : rest) }) + '\n');
    } else if (!style.quiet || e.type === 'failed') {
      (e.type === 'failed' || e.type === 'notice' ? io.stderr : io.stdout)(describe(e) + '\n');
    }
  };
  const worker = await startQueueWorker({ address, ratecutVersion: VERSION, threads, lockMs: lockSeconds * 1000, planStudy: (job) => planStudy(job, io), onEvent: say });
  if (!style.quiet) io.stderr(`ratecut worker: taking blocks from ${address.text} (prefix ${address.prefix}) on ${threads} thread${threads === 1 ? '' : 's'}; stop with Ctrl-C\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  if (!style.quiet) io.stderr(`ratecut worker: ${signal}, finishing the blocks in hand\n`);
  await worker.close();
  return 0;
}
