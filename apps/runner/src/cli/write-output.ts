import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './command';

/**
 * Writes a whole file atomically: to a temporary file beside the target, then a rename, so a
 * reader never sees half a file and a failure leaves any previous file untouched. An existing
 * file is replaced only with `force`.
 */
export function writeFileAtomic(file: string, text: string, force: boolean, cwd: string): string {
  const target = resolve(cwd, file);
  if (existsSync(target) && !force) {
    throw new UsageError(`${file} already exists; pass --force to replace it`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return target;
}
