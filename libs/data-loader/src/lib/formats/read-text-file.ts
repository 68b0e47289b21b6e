import * as fs from 'node:fs';
import type { LoadResult } from '../validation/data-issue';
import { failure, success } from '../validation/load-result';
import { errorIssue } from '../validation/make-issue';

/**
 * Reads a whole file as UTF-8 text. A path that does not exist, or names a folder, gives a
 * `missing-file` issue instead of throwing. A UTF-8 byte-order mark is kept (the CSV parser
 * removes it).
 */
export function readTextFile(file: string): LoadResult<string> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return failure([errorIssue('missing-file', file, 'file not found; expected a readable data file at this path')]);
  }
  if (!stat.isFile()) {
    return failure([errorIssue('missing-file', file, 'this path is a folder; expected a data file')]);
  }
  try {
    return success(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return failure([errorIssue('missing-file', file, `file could not be read (${(e as Error).message})`)]);
  }
}
