import { deserialize, serialize } from 'node:v8';
import type { AnyStudy } from '../study/study';
import { planWithoutLocations, studyRunFingerprint, type ShardIdentity } from '../shard/run-study-shard';

/**
 * What a submitter stores in Redis for the workers of a run, once, beside its flow: the study
 * as planned (its kind, plan without location keys, context and blocks) and its block executor
 * (module path and export), in Node's `v8.serialize` format (typed arrays bit for bit). Workers
 * run blocks from it without planning the study again, so they need neither the data nor the
 * files the command names, only the same ratecut version and Node major; and they check it
 * against the run's fingerprint before running anything.
 */
export interface QueuedStudy {
  readonly schema: typeof QUEUED_STUDY_SCHEMA;
  readonly kind: string;
  readonly plan: unknown;
  readonly context: unknown;
  readonly blocks: readonly unknown[];
  readonly executor: { readonly module: string; readonly exportName: string };
}

/** The `schema` of a stored study. */
export const QUEUED_STUDY_SCHEMA = 'ratecut.queued-study/1';

/** Encodes `study` for {@link queuedStudyKey}. */
export function encodeQueuedStudy(study: AnyStudy): Buffer {
  const record: QueuedStudy = {
    schema: QUEUED_STUDY_SCHEMA, kind: study.kind, plan: planWithoutLocations(study), context: study.context, blocks: study.blocks,
    executor: { module: study.execute.module, exportName: study.execute.exportName },
  };
  return serialize(record);
}

/**
 * Decodes a stored study and checks it against the run: the fingerprint of its kind, plan,
 * context and blocks with the job's command and this worker's ratecut version must be the run's.
 *
 * @throws Error saying what is wrong: not a stored study (damaged bytes, another format), or a
 * study that is not the run's (another ratecut version wrote it, or the bytes changed).
 */
export function decodeQueuedStudy(bytes: Buffer, fingerprint: string, identity: ShardIdentity): QueuedStudy {
  let record: Partial<QueuedStudy>;
  try {
    record = deserialize(bytes) as Partial<QueuedStudy>;
  } catch (e) {
    throw new Error(`the run's stored study does not decode (${(e as Error).message})`);
  }
  if (record === null || typeof record !== 'object' || record.schema !== QUEUED_STUDY_SCHEMA || !Array.isArray(record.blocks)
    || typeof record.kind !== 'string' || typeof record.executor?.module !== 'string' || typeof record.executor.exportName !== 'string') {
    throw new Error(`the run's stored study is not a ${QUEUED_STUDY_SCHEMA} record`);
  }
  const full = record as QueuedStudy;
  const study = { kind: full.kind, plan: full.plan, context: full.context, blocks: full.blocks } as unknown as AnyStudy;
  const here = studyRunFingerprint(study, identity);
  if (here !== fingerprint) {
    throw new Error(`the run's stored study has fingerprint ${here.slice(0, 12)} here, not the run's ${fingerprint.slice(0, 12)}: it was damaged, or this worker's ratecut (${identity.ratecutVersion}) computes it differently`);
  }
  return full;
}
