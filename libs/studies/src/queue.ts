/**
 * `@ratecut/studies/queue`: studies run on a BullMQ job queue in Redis, by `ratecut worker`
 * processes on any number of machines, with the same result as a run in one process.
 */
export { parseQueueAddress, checkReachable, redisOptions, DEFAULT_QUEUE_PREFIX, type QueueAddress } from './lib/queue/queue-address';
export { studyFlow, blockJobId, rootJobId, groupJobId, blockIndexOf, blockOutputKey, queuedStudyKey, BLOCK_QUEUE, MERGE_QUEUE, FLOW_FANOUT, DEFAULT_RETRIES, type FlowRetries } from './lib/queue/study-flow';
export { runStudyOnQueue, type QueueRunOptions } from './lib/queue/run-study-on-queue';
export { startQueueWorker, type QueueWorkerOptions, type QueueWorkerHandle, type QueueWorkerEvent } from './lib/queue/queue-worker';
