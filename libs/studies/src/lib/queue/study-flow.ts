import type { FlowJob } from 'bullmq';
import { BLOCK_JOB_SCHEMA, MERGE_JOB_SCHEMA, type BlockJobData, type MergeJobData } from '@ratecut/contracts';
import { NODE_MAJOR } from '../shard/block-codec';
import type { ShardIdentity } from '../shard/run-study-shard';

/** The queue of block jobs (the flow's leaves). */
export const BLOCK_QUEUE = 'ratecut-blocks';
/** The queue of merge jobs (the flow's groups and root). */
export const MERGE_QUEUE = 'ratecut-merge';
/** Most children under one node of a flow: more blocks are grouped under intermediate merge nodes. */
export const FLOW_FANOUT = 1000;

/** How a study's flow retries a block that throws. */
export interface FlowRetries {
  /** Tries of a block in all (the first and the retries); default 3. */
  readonly attempts: number;
  /** Milliseconds before the first retry, doubled for each next one (BullMQ's exponential back-off); default 2,000. */
  readonly backoffMs: number;
}

/** Defaults of {@link FlowRetries}. */
export const DEFAULT_RETRIES: FlowRetries = { attempts: 3, backoffMs: 2000 };

/**
 * Job ids of a run, from its fingerprint (which covers the plan, the data fingerprints, the
 * blocks, the command and the code version) and the block: the same run always gets the same
 * ids, so submitting it again adds nothing (BullMQ keeps the existing job) and a retried block
 * is the same job.
 */
export const rootJobId = (fingerprint: string): string => `r-${fingerprint}`;
export const groupJobId = (fingerprint: string, group: number): string => `g-${fingerprint}-${group}`;
export const blockJobId = (fingerprint: string, index: number): string => `b-${fingerprint}-${index}`;

/** The Redis key of a run's stored study (see `encodeQueuedStudy`): under the queue's prefix, beside BullMQ's `prefix:queue:...` keys. */
export const queuedStudyKey = (prefix: string, fingerprint: string): string => `${prefix}:ratecut-study:${fingerprint}`;
/** The Redis key of a block's output (its `v8.serialize` bytes), written by the worker before the block's job completes. */
export const blockOutputKey = (prefix: string, fingerprint: string, index: number): string => `${prefix}:ratecut-output:${fingerprint}:${index}`;

/** The block index of a block job id of `fingerprint`'s run, or -1 for any other id. */
export function blockIndexOf(fingerprint: string, jobId: string | undefined): number {
  const head = `b-${fingerprint}-`;
  if (jobId === undefined || !jobId.startsWith(head)) return -1;
  const index = Number(jobId.slice(head.length));
  return Number.isInteger(index) && index >= 0 ? index : -1;
}

/**
 * The BullMQ flow of a study run: one leaf per block (in {@link BLOCK_QUEUE}, retried with
 * back-off, failing its parent when it runs out of tries), under a root merge job (in
 * {@link MERGE_QUEUE}), with groups of at most `fanout` blocks between them when there are more
 * blocks than that. A parent runs only after all its children completed.
 */
export function studyFlow(
  run: { readonly kind: string; readonly fingerprint: string; readonly identity: ShardIdentity },
  blockCount: number,
  fanout: number = FLOW_FANOUT,
  retries: FlowRetries = DEFAULT_RETRIES,
): FlowJob {
  const { kind, fingerprint, identity } = run;
  const leaf = (index: number): FlowJob => {
    const data: BlockJobData = {
      schema: BLOCK_JOB_SCHEMA, kind, ratecutVersion: identity.ratecutVersion, nodeMajor: NODE_MAJOR,
      command: { name: identity.command.name, args: [...identity.command.args] }, fingerprint, index, blockCount,
    };
    return {
      name: 'block', queueName: BLOCK_QUEUE, data,
      opts: { jobId: blockJobId(fingerprint, index), attempts: retries.attempts, backoff: { type: 'exponential', delay: retries.backoffMs }, failParentOnFailure: true },
    };
  };
  const node = (jobId: string, level: MergeJobData['level'], first: number, children: FlowJob[], last: number): FlowJob => ({
    name: level, queueName: MERGE_QUEUE,
    data: { schema: MERGE_JOB_SCHEMA, kind, fingerprint, level, children: children.length, first, last } satisfies MergeJobData,
    opts: { jobId, failParentOnFailure: true },
    children,
  });
  const leaves = Array.from({ length: blockCount }, (_, i) => leaf(i));
  if (blockCount <= fanout) return node(rootJobId(fingerprint), 'root', 0, leaves, blockCount - 1);
  const groups: FlowJob[] = [];
  for (let first = 0, g = 0; first < blockCount; first += fanout, g += 1) {
    const last = Math.min(blockCount, first + fanout) - 1;
    groups.push(node(groupJobId(fingerprint, g), 'group', first, leaves.slice(first, last + 1), last));
  }
  if (groups.length > fanout) throw new RangeError(`studyFlow: ${blockCount} blocks need more than ${fanout} groups of ${fanout}; plan larger blocks`);
  return node(rootJobId(fingerprint), 'root', 0, groups, blockCount - 1);
}
