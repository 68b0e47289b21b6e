import { partialResultSchema, type PartialResultJson } from '@ratecut/contracts';
import type { Issue, LoadResult } from '@ratecut/sim-core';
import type { Study } from '../study/study';
import { decodeBlockOutput, NODE_MAJOR } from './block-codec';
import { describeBlocks, shardBlocks } from './shard-blocks';
import { studyRunFingerprint, type ShardIdentity } from './run-study-shard';

/** A partial result as read, with the file it came from (named in issues). */
export interface PartialFile {
  readonly file: string;
  /** The parsed JSON document, checked here against `ratecut.partial/1`. */
  readonly doc: unknown;
}

const issue = (code: Issue['code'], file: string, message: string): Issue => ({ code, severity: 'error', file, message });

/**
 * Checks partial results against `ratecut.partial/1` and against each other, before anything
 * is decoded: the first partial's command and shard count are the run's. Issues (every one
 * found, each naming its file): a document that is not a partial (`bad-partial`), a partial of
 * another command, kind, shard count or block count, or written by another Node major
 * (`bad-partial`), a shard given twice or a shard missing with the blocks it holds
 * (`shard-coverage`).
 */
export function checkPartials(partials: readonly PartialFile[]): LoadResult<{ readonly file: string; readonly doc: PartialResultJson }[]> {
  const issues: Issue[] = [];
  const parsed: { file: string; doc: PartialResultJson }[] = [];
  for (const p of partials) {
    const r = partialResultSchema.safeParse(p.doc);
    if (!r.success) {
      const first = r.error.issues[0];
      const schema = (p.doc as { schema?: unknown } | null)?.schema;
      issues.push(issue('bad-partial', p.file, schema !== 'ratecut.partial/1'
        ? `not a partial result (expected "schema": "ratecut.partial/1", found ${schema === undefined ? 'none' : JSON.stringify(schema)})`
        : `not a valid partial result: ${first.path.join('.') || '(document)'}: ${first.message}`));
    } else parsed.push({ file: p.file, doc: r.data });
  }
  if (issues.length > 0) return { ok: false, issues };
  if (parsed.length === 0) return { ok: false, issues: [issue('shard-coverage', 'command line', 'no partial results given')] };
  const head = parsed[0];
  const run = (d: PartialResultJson): string => `${d.kind} study of \`ratecut ${d.command.name} ${d.command.args.join(' ')}\` in ${d.shard.n} shards`;
  for (const { file, doc } of parsed) {
    if (doc.encoding.nodeMajor !== NODE_MAJOR) {
      issues.push(issue('bad-partial', file, `written by Node ${doc.encoding.nodeMajor}; its block outputs (v8.serialize) are read by the same Node major, this is Node ${NODE_MAJOR}`));
    }
    if (doc === head.doc) continue;
    if (doc.fingerprint !== head.doc.fingerprint || doc.shard.n !== head.doc.shard.n || doc.blockCount !== head.doc.blockCount) {
      issues.push(issue('bad-partial', file, `is a shard of another run than ${head.file}: ${run(doc)}, fingerprint ${doc.fingerprint.slice(0, 12)}, ${doc.blockCount} blocks; ${head.file}: ${run(head.doc)}, fingerprint ${head.doc.fingerprint.slice(0, 12)}, ${head.doc.blockCount} blocks`));
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const { n } = head.doc.shard;
  const byShard = new Map<number, string>();
  for (const { file, doc } of parsed) {
    const expected = shardBlocks(doc.blockCount, doc.shard.k, n);
    const held = doc.blocks.map((b) => b.index);
    if (held.length !== expected.length || held.some((x, i) => x !== expected[i])) {
      issues.push(issue('bad-partial', file, `shard ${doc.shard.k}/${n} should hold ${describeBlocks(expected)} of ${doc.blockCount}, holds ${describeBlocks(held)} (the file is damaged)`));
    }
    const seen = byShard.get(doc.shard.k);
    if (seen !== undefined) issues.push(issue('shard-coverage', file, `shard ${doc.shard.k}/${n} is given twice (also as ${seen}); give each shard once`));
    else byShard.set(doc.shard.k, file);
  }
  for (let k = 1; k <= n; k += 1) {
    if (byShard.has(k)) continue;
    const blocks = shardBlocks(head.doc.blockCount, k, n);
    issues.push(issue('shard-coverage', 'command line', `shard ${k}/${n} is missing (${describeBlocks(blocks)} of ${head.doc.blockCount}); run \`ratecut ${head.doc.command.name} ... --shard ${k}/${n}\` and give its file`));
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed, warnings: [] };
}

/**
 * Merges checked partial results (see {@link checkPartials}) of `study`, planned again from the
 * partials' command: refuses partials whose fingerprint is not this study's (the command, its
 * data or the ratecut version differ, `bad-partial`), decodes every block's output (refusing
 * damaged ones, `bad-partial`) and calls the study's `merge` with the outputs in block order,
 * so the result is the one a run in one process gives, byte for byte.
 */
export function mergePartials<Result>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  study: Study<unknown, any, any, any, Result>,
  partials: readonly { readonly file: string; readonly doc: PartialResultJson }[],
  identity: ShardIdentity,
): LoadResult<Result> {
  const expected = studyRunFingerprint(study, identity);
  const issues: Issue[] = [];
  for (const { file, doc } of partials) {
    if (doc.kind !== study.kind) issues.push(issue('bad-partial', file, `is a shard of a ${doc.kind} study, not ${study.kind}`));
    else if (doc.blockCount !== study.blocks.length) issues.push(issue('bad-partial', file, `holds a study of ${doc.blockCount} blocks; planned again here it has ${study.blocks.length}`));
    else if (doc.fingerprint !== expected) {
      issues.push(issue('bad-partial', file, `was computed from another plan (fingerprint ${doc.fingerprint.slice(0, 12)}, planned again here: ${expected.slice(0, 12)}): the data, the ratecut version (${doc.ratecutVersion} vs ${identity.ratecutVersion}) or the command differ; merge where the shards ran, on the same data`));
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const outputs: unknown[] = new Array(study.blocks.length);
  for (const { file, doc } of partials) {
    for (const block of doc.blocks) {
      try {
        outputs[block.index] = decodeBlockOutput(block);
      } catch (e) {
        issues.push(issue('bad-partial', file, (e as Error).message));
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: study.merge(outputs), warnings: [] };
}
