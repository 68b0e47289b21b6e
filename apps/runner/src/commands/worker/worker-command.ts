import { existsSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { checkReachable, startQueueWorker, type QueueWorkerEvent } from '@ratecut/studies/queue';
import { UsageError, type CommandIo } from '../../cli/command';
import { numberOption, parseOptionsAndArguments } from '../../cli/parse-options';
import { styleOf } from '../../cli/output-style';
import { parseQueueOption } from '../../cli/queue-option';
import { VERSION } from '../../cli/version';
import { workspaceRoot } from '../../cli/workspace-root';

/**
 * The module a worker thread loads for a block executor the submitter named: this build's
 * executor of the same file (dist/cli/executors/<file>.js, as the compiled CLI has them), else,
 * running from the sources, the path as named when it is a file of this workspace.
 * @throws Error when this ratecut has no such executor (another version submitted the run).
 */
function resolveExecutor(module: string, exportName: string): string {
  const file = basename(module).replace(/\.(ts|js)$/, '');
  const own = join(__dirname, '..', 'executors', `${file}.js`);
  if (existsSync(own)) return own;
  const named = resolve(module);
  if (named.startsWith(workspaceRoot() + sep) && existsSync(named)) return named;
  throw new Error(`this ratecut has no block executor ${file} (${exportName}); run workers of the submitter's ratecut version`);
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
  const worker = await startQueueWorker({ address, ratecutVersion: VERSION, threads, lockMs: lockSeconds * 1000, resolveExecutor, onEvent: say });
  if (!style.quiet) io.stderr(`ratecut worker: taking blocks from ${address.text} (prefix ${address.prefix}) on ${threads} thread${threads === 1 ? '' : 's'}; stop with Ctrl-C\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  if (!style.quiet) io.stderr(`ratecut worker: ${signal}, finishing the blocks in hand\n`);
  await worker.close();
  return 0;
}
