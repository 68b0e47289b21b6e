import type { AnyStudy, ShardIdentity } from '@ratecut/studies';
import { DEFAULT_QUEUE_PREFIX, parseQueueAddress, runStudyOnQueue, type QueueAddress } from '@ratecut/studies/queue';
import { UsageError, type CommandIo } from './command';
import { followStudy } from './follow-study';
import { printError } from './messages';

/**
 * Parses `--queue redis://host:port[/db]` and `--prefix name` (undefined without `--queue`).
 * @throws UsageError for a bad URL or prefix, `--prefix` without `--queue`, or `--queue` with
 * `--shard` or `--workers` (with a queue, `ratecut worker` processes run the blocks).
 */
export function parseQueueOption(
  o: { readonly queue?: string | undefined; readonly prefix?: string | undefined; readonly shard?: string | undefined; readonly workers?: string | undefined },
): QueueAddress | undefined {
  if (o.queue === undefined) {
    if (o.prefix !== undefined) throw new UsageError('--prefix names the key prefix of a --queue; give --queue redis://host:port too');
    return undefined;
  }
  if (o.shard !== undefined) throw new UsageError('--queue and --shard are two ways to split a run; give one');
  if (o.workers !== undefined) throw new UsageError('--workers sets this process\'s threads; with --queue the blocks run on `ratecut worker` processes (give them --threads)');
  try {
    return parseQueueAddress(o.queue, o.prefix ?? DEFAULT_QUEUE_PREFIX);
  } catch (e) {
    throw new UsageError(`--queue/--prefix: ${(e as Error).message}`);
  }
}

/**
 * Runs a study on the job queue at `address` (see `runStudyOnQueue`), printing its warnings and
 * Redis connection notices and drawing its progress (blocks done by the workers, rate, ETA) on
 * stderr; resolves to its result, or to undefined after printing why the run failed (Redis
 * unreachable, a block out of tries, a job refused by a worker: the command exits 1).
 */
export async function runOnQueueWithProgress<Result>(study: AnyStudy<Result>, identity: ShardIdentity, address: QueueAddress, io: CommandIo, label: string): Promise<Result | undefined> {
  try {
    return await followStudy(runStudyOnQueue(study, identity, { address, onNotice: (m) => io.stderr(`\n${m}\n`) }), io, `${label} on ${address.text}`);
  } catch (e) {
    printError(io, `error: ${label} on the queue: ${(e as Error).message}`);
    return undefined;
  }
}
