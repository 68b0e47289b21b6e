import { map, type Observable } from 'rxjs';
import { PARTIAL_SCHEMA, type PartialResultJson } from '@ratecut/contracts';
import { runStudy, type RunStudyOptions } from '../study/run-study';
import type { Study } from '../study/study';
import type { StudyEvent } from '../study/study-event';
import { encodeBlockOutput, NODE_MAJOR } from './block-codec';
import { shardBlocks } from './shard-blocks';
import { fingerprintValue } from './study-fingerprint';

/**
 * What identifies the run a shard belongs to besides the study itself: the CLI command and its
 * arguments that plan the study again at merge time (without `--shard`, `--out` and other flags
 * that change no block), and the ratecut version.
 */
export interface ShardIdentity {
  readonly command: { readonly name: string; readonly args: readonly string[] };
  readonly ratecutVersion: string;
}

/**
 * The fingerprint of a study's run, the same for every shard of it: the sha-256 of a canonical
 * encoding (see `fingerprintValue`) of the partial schema, the study's kind, plan (its inputs,
 * data fingerprints, conventions, parameters; without its `planLocationKeys`), context
 * (everything the blocks read), blocks,
 * the command and its arguments, and the ratecut version. Any difference in them, even one bit
 * of the data a block reads, gives another fingerprint.
 */
export function studyRunFingerprint<Plan, Context, Block>(study: Study<Plan, Context, Block, unknown, unknown>, identity: ShardIdentity): string {
  return fingerprintValue({
    schema: PARTIAL_SCHEMA, kind: study.kind, ratecutVersion: identity.ratecutVersion,
    command: { name: identity.command.name, args: [...identity.command.args] },
    plan: planWithoutLocations(study), context: study.context, blocks: study.blocks,
  });
}

/** The study's plan without its `planLocationKeys` (where inputs were, not what they held), as the run's fingerprint covers it. */
export function planWithoutLocations(study: { readonly plan: unknown; readonly planLocationKeys?: readonly string[] }): unknown {
  const located = new Set(study.planLocationKeys ?? []);
  if (located.size === 0 || typeof study.plan !== 'object' || study.plan === null) return study.plan;
  return Object.fromEntries(Object.entries(study.plan).filter(([key]) => !located.has(key)));
}

/**
 * Runs shard `k` of `n` (`k` from 1) of a study (static sharding, for batch systems without a
 * queue): only the blocks {@link shardBlocks} gives it, in this thread or on worker threads as
 * {@link runStudy} does, and, in place of the study's result, a `ratecut.partial/1` document of
 * their outputs (each encoded exactly, see `encodeBlockOutput`), which `mergePartials` merges
 * with the other shards' into the study's result. Blocks run without the study's `merger` and
 * its shared memory; the merge gives the same result (a study's merger must equal its merge).
 * Events are those of {@link runStudy}, with progress over this shard's blocks only.
 *
 * @throws RangeError (in the Observable) when `k/n` is not a shard (`1 ≤ k ≤ n`).
 */
export function runStudyShard<Plan, Context, Block, Output, Result>(
  study: Study<Plan, Context, Block, Output, Result>,
  shard: { readonly k: number; readonly n: number },
  identity: ShardIdentity,
  options: RunStudyOptions<Context, Block, Output> = {},
): Observable<StudyEvent<PartialResultJson>> {
  const indices = shardBlocks(study.blocks.length, shard.k, shard.n);
  const fingerprint = studyRunFingerprint(study, identity);
  const part: Study<Plan, Context, Block, Output, PartialResultJson> = {
    kind: study.kind,
    plan: study.plan,
    context: study.context,
    blocks: indices.map((i) => study.blocks[i]),
    execute: study.execute,
    ...(study.blockWeight === undefined ? {} : { blockWeight: study.blockWeight }),
    ...(study.unit === undefined ? {} : { unit: study.unit }),
    ...(study.warnings === undefined ? {} : { warnings: study.warnings }),
    merge: (outputs) => ({
      schema: PARTIAL_SCHEMA,
      kind: study.kind,
      ratecutVersion: identity.ratecutVersion,
      command: { name: identity.command.name, args: [...identity.command.args] },
      fingerprint,
      shard: { k: shard.k, n: shard.n },
      blockCount: study.blocks.length,
      encoding: { name: 'v8-serialize', base64: true, nodeMajor: NODE_MAJOR },
      blocks: outputs.map((o, j) => encodeBlockOutput(indices[j], o)),
    }),
  };
  // Block events are renumbered to the study's block indices.
  return runStudy(part, options).pipe(map((e) => (e.type === 'block' ? { ...e, index: indices[e.index] } : e)));
}
