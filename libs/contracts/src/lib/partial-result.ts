import { z } from 'zod';

/**
 * A partial result (schema `ratecut.partial/1`): the outputs of one shard's blocks of a study,
 * written by `ratecut <command> ... --shard k/N --out part.json` and read by `ratecut merge`,
 * which checks that the partials belong to the same plan and cover every block exactly once,
 * then merges the outputs in block order into the same result file as a run in one process.
 *
 * ```
 * {"schema":"ratecut.partial/1","kind":"simulate","ratecutVersion":"0.1.0",
 *  "command":{"name":"simulate","args":["scenario.json","--paths","30000"]},
 *  "fingerprint":"<sha-256 hex>","shard":{"k":1,"n":3},"blockCount":3,
 *  "encoding":{"name":"v8-serialize","base64":true,"nodeMajor":20},
 *  "blocks":[{"index":0,"sha256":"<hex>","data":"<base64>"}]}
 * ```
 *
 * `command.args` are the command's arguments without `--shard`, `--out`, `--force`, `--report`
 * and `--workers` (none of them changes a block's output): `ratecut merge` plans the study again
 * from them, on the same data, and refuses partials whose `fingerprint` differs from that
 * plan's. Each block's output is encoded with Node's `v8.serialize` (the structured-clone
 * format, which keeps typed arrays bit for bit), in base64, with the sha-256 of the bytes; the
 * same Node major must read it (`encoding.nodeMajor`).
 */

/** The `schema` value of partial results written by this version. */
export const PARTIAL_SCHEMA = 'ratecut.partial/1';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha-256 as 64 lowercase hex digits');

/** One block's output in a partial: its index in the study's block order and its encoded bytes. */
export const partialBlockSchema = z.object({
  index: z.number().int().nonnegative(),
  /** sha-256 of the decoded bytes, so a damaged partial is refused instead of merged. */
  sha256: sha256Hex,
  /** The encoded output, base64. */
  data: z.string(),
}).strict();

/** A partial result document (see the module comment). */
export const partialResultSchema = z.object({
  schema: z.literal(PARTIAL_SCHEMA),
  /** The study's kind, e.g. `simulate`, `sweep`. */
  kind: z.string().min(1),
  ratecutVersion: z.string().min(1),
  /** The CLI command that planned the study and its arguments (see the module comment). */
  command: z.object({ name: z.string().min(1), args: z.array(z.string()) }).strict(),
  /** sha-256 of the study's plan, context, blocks, command, kind and ratecut version. */
  fingerprint: sha256Hex,
  /** This is shard `k` (1-based) of `n`. */
  shard: z.object({ k: z.number().int().positive(), n: z.number().int().positive() }).strict()
    .refine((s) => s.k <= s.n, { message: 'shard k must be at most n' }),
  /** The study's number of blocks (every shard's). */
  blockCount: z.number().int().nonnegative(),
  encoding: z.object({ name: z.literal('v8-serialize'), base64: z.literal(true), nodeMajor: z.number().int().positive() }).strict(),
  /** This shard's blocks, in increasing index order. */
  blocks: z.array(partialBlockSchema),
}).strict();

/** A partial result document. */
export type PartialResultJson = z.infer<typeof partialResultSchema>;
/** One block of a {@link PartialResultJson}. */
export type PartialBlockJson = z.infer<typeof partialBlockSchema>;
