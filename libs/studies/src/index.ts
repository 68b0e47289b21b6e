/**
 * `@ratecut/studies`: the study type and runner, the data a study runs on, and reading result
 * files. Each study has its own entry point (`@ratecut/studies/cycles`, `/backtest`,
 * `/simulate`, `/compare`, `/report`), and so does writing results (`/output`), so a command
 * loads only what it runs.
 */
export type { Study, AnyStudy, BlockExecutor, StudyMerger } from './lib/study/study';
export type { StudyEvent, StudyProgress } from './lib/study/study-event';
export type { StudyData } from './lib/inputs/study-data';
export { runStudy, studyResult, type RunStudyOptions } from './lib/study/run-study';
export { splitRange, type ItemRange } from './lib/study/split-range';
export { BlockPool, type BlockPoolStats } from './lib/workers/block-pool';

// result-files/: the one reader of result files named on the command line (backtest, simulate, sweep)
export { readResultFile, readResultDocument } from './lib/result-files/read-result-file';
export { checkResultDocument } from './lib/result-files/check-result-document';
export { checkSweepText } from './lib/result-files/check-sweep-text';
export {
  describeResultKinds,
  type ResultFile, type ResultFileOf, type ResultDocument, type LocateJsonValue, type JsonResultKind, type ReadableResultKind,
} from './lib/result-files/result-file';

// shard/: static sharding, `--shard k/N` writes a shard's block outputs, `ratecut merge` merges them
export { shardBlocks, describeBlocks } from './lib/shard/shard-blocks';
export { fingerprintValue } from './lib/shard/study-fingerprint';
export { runStudyShard, studyRunFingerprint, type ShardIdentity } from './lib/shard/run-study-shard';
export { checkPartials, mergePartials, type PartialFile } from './lib/shard/merge-partials';
