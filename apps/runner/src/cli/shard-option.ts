import type { Observable } from 'rxjs';
import type { PartialResultJson } from '@ratecut/contracts';
import { describeBlocks, type StudyEvent } from '@ratecut/studies';
import { writeResultSet, type WriteOptions } from '@ratecut/studies/output';
import { UsageError, type CommandIo } from './command';
import { reportWritten } from './messages';
import { styleOf } from './output-style';
import { followStudy } from './follow-study';

/** A shard of a run, `--shard k/N`: shard `k` (from 1) of `n`. */
export interface ShardChoice {
  readonly k: number;
  readonly n: number;
}

/** Partial results handed to a command by `ratecut merge`, which merges them instead of running the blocks. */
export interface MergeInput {
  readonly partials: readonly { readonly file: string; readonly doc: PartialResultJson }[];
}

/** The most shards of a run (a bound that catches typos; blocks are far fewer in practice). */
const MAX_SHARDS = 100_000;

/** Parses `--shard k/N` (1 ≤ k ≤ N); undefined when absent. @throws UsageError for anything else. */
export function parseShard(text: string | undefined): ShardChoice | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const k = m === null ? NaN : Number(m[1]);
  const n = m === null ? NaN : Number(m[2]);
  if (!(k >= 1 && n >= 1 && k <= n && n <= MAX_SHARDS)) {
    throw new UsageError(`--shard ${JSON.stringify(text)}: expected k/N, shard k of N with 1 <= k <= N <= ${MAX_SHARDS.toLocaleString('en-US')} (e.g. --shard 2/8)`);
  }
  return { k, n };
}

/** Flags that change no block's output, left out of the arguments a partial records (value-taking ones first). */
const NOT_RECORDED_WITH_VALUE = ['--shard', '--out', '--report', '--workers', '--queue', '--prefix'];
const NOT_RECORDED_ALONE = ['--force'];

/**
 * The arguments a partial result records, from which `ratecut merge` plans the study again:
 * the command's arguments without `--shard`, `--out`, `--report`, `--workers`, `--queue`,
 * `--prefix` and `--force` (in either `--flag value` or `--flag=value` form), which change no
 * block's output. Job-queue runs record the same arguments in their jobs.
 */
export function recordedShardArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i];
    if (NOT_RECORDED_WITH_VALUE.includes(a)) { i += 1; continue; }
    if (NOT_RECORDED_WITH_VALUE.some((f) => a.startsWith(`${f}=`)) || NOT_RECORDED_ALONE.includes(a)) continue;
    out.push(a);
  }
  return out;
}

/** Refuses `--shard` with options it cannot go with, and without `--out`. @throws UsageError */
export function checkShardFlags(shard: ShardChoice | undefined, flags: { readonly out?: string | undefined; readonly report?: string | undefined }): void {
  if (shard === undefined) return;
  if (flags.out === undefined) throw new UsageError('--shard writes a partial result: name it with --out <part.json> (then merge the parts with ratecut merge)');
  if (flags.report !== undefined) throw new UsageError('--shard writes a partial result, not a report: give --report to ratecut merge');
}

/**
 * Runs a shard (an Observable from `runStudyShard`) with a progress bar, writes its partial
 * result to `out` through the result-set writer, and prints a one-line summary (or, with
 * `--json`, a small JSON object without the block outputs). Returns the exit code.
 */
export async function runShardCommand(
  events: Observable<StudyEvent<PartialResultJson>>, out: string, outputs: WriteOptions, io: CommandIo, label: string,
): Promise<number> {
  const doc = await followStudy(events, io, label);
  const written = writeResultSet([{ path: out, text: JSON.stringify(doc) + '\n' }], outputs);
  const indices = doc.blocks.map((b) => b.index);
  const summary = {
    schema: doc.schema, kind: doc.kind, shard: doc.shard, blockCount: doc.blockCount,
    blocks: indices, fingerprint: doc.fingerprint, out,
  };
  io.stdout(styleOf(io).json
    ? JSON.stringify(summary, null, 2) + '\n'
    : `${doc.kind} shard ${doc.shard.k}/${doc.shard.n}: ${describeBlocks(indices)} of ${doc.blockCount}; `
      + `merge every shard with: ratecut merge <parts...> --out <file>\n`);
  reportWritten(io, written);
  return 0;
}
