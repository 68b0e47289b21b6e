/**
 * `@ratecut/studies/output`: writing a run's result files as one unit, replacing a folder, and
 * file-system errors in words. Node built-ins only, so loading it costs next to nothing.
 */
export {
  writeResultSet, checkOutputs, refuseFolderOut, acquireLock, installSignalCleanup, onInterrupt,
  type WriterFs, type OutputFile, type WriteOptions,
} from './lib/output/result-set-writer';
export { replaceFolder, type ReplaceFolderOptions } from './lib/output/replace-folder';
export { FileError, isErrnoError, errnoInWords, describeFileFailure, asFileError, describeStrayErrno, type FileAction } from './lib/output/file-error';
