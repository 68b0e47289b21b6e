import { z } from 'zod';

/**
 * The jobs of a study run through a job queue (`ratecut <command> ... --queue redis://...`, run
 * by `ratecut worker`), as BullMQ job data: a flow whose leaves are the study's blocks
 * (`ratecut.block-job/1`) and whose inner nodes (`ratecut.merge-job/1`: groups of at most a few
 * thousand blocks, and one root) complete once every block below them has.
 *
 * ```
 * {"schema":"ratecut.block-job/1","kind":"simulate","ratecutVersion":"0.1.0","nodeMajor":20,
 *  "command":{"name":"simulate","args":["insurance-cuts","--paths","1000000"]},
 *  "fingerprint":"<sha-256 hex>","index":17,"blockCount":100}
 * ```
 *
 * A worker reads the run's study as the submitter planned it (stored once in Redis beside the
 * flow, `<prefix>:ratecut-study:<fingerprint>`), refuses the job when that study's fingerprint
 * with `command` and the worker's version is not `fingerprint`, runs block `index` and answers
 * with the block's output stored as bytes (`v8.serialize`, as in partial results) under
 * `<prefix>:ratecut-output:<fingerprint>:<index>` before the job completes, its result naming
 * their sha-256 and length ({@link blockJobResultSchema}); the submitter reads, checks, decodes
 * and merges the outputs in block order. `command` records what planned the run, for messages
 * and provenance.
 */

/** The `schema` value of block jobs. */
export const BLOCK_JOB_SCHEMA = 'ratecut.block-job/1';
/** The `schema` value of merge (group and root) jobs. */
export const MERGE_JOB_SCHEMA = 'ratecut.merge-job/1';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha-256 as 64 lowercase hex digits');
const command = z.object({ name: z.string().min(1), args: z.array(z.string()) }).strict();

/** A leaf of a study's flow: one block to run. */
export const blockJobSchema = z.object({
  schema: z.literal(BLOCK_JOB_SCHEMA),
  /** The study's kind, e.g. `simulate`, `sweep`. */
  kind: z.string().min(1),
  ratecutVersion: z.string().min(1),
  /** The Node major of the submitter, which must decode the output (`v8.serialize`). */
  nodeMajor: z.number().int().positive(),
  /** The command and arguments that plan the study (without the flags that say where it runs). */
  command,
  /** The run's fingerprint (as a partial result's). */
  fingerprint: sha256Hex,
  index: z.number().int().nonnegative(),
  blockCount: z.number().int().positive(),
}).strict().refine((j) => j.index < j.blockCount, { message: 'index must be below blockCount' });

/** An inner node of a study's flow: a group of blocks, or the root over every group. */
export const mergeJobSchema = z.object({
  schema: z.literal(MERGE_JOB_SCHEMA),
  kind: z.string().min(1),
  fingerprint: sha256Hex,
  /** `group` over blocks `first`..`last`, or the `root` over every group (or block). */
  level: z.enum(['group', 'root']),
  /** The node's number of children, every one of which must have completed. */
  children: z.number().int().nonnegative(),
  /** The blocks below the node, `first` to `last` inclusive. */
  first: z.number().int().nonnegative(),
  last: z.number().int().nonnegative(),
}).strict();

/** What a block job returns: where its output is and how to check it (the bytes are stored apart, not in the job). */
export const blockJobResultSchema = z.object({
  index: z.number().int().nonnegative(),
  /** sha-256 of the stored bytes. */
  sha256: sha256Hex,
  /** Length of the stored bytes. */
  bytes: z.number().int().nonnegative(),
}).strict();

/** A block job's data. */
export type BlockJobData = z.infer<typeof blockJobSchema>;
/** A merge job's data. */
export type MergeJobData = z.infer<typeof mergeJobSchema>;
/** A block job's result. */
export type BlockJobResult = z.infer<typeof blockJobResultSchema>;
