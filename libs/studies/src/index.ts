export type { Study, AnyStudy, BlockExecutor } from './lib/study/study';
export type { StudyEvent, StudyProgress } from './lib/study/study-event';
export { runStudy, studyResult, type RunStudyOptions } from './lib/study/run-study';
export { splitRange, type ItemRange } from './lib/study/split-range';
