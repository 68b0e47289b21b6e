import { existsSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One file to write, path relative to the cache folder. */
export interface CacheFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Writes `files` and then `catalog.json` into `dir` all-or-nothing: each file goes to a temporary
 * file first, existing files are moved aside, the temporaries renamed into place (catalog last),
 * and the moved-aside copies deleted. On any error every step is undone, so the folder holds
 * exactly what it held before, and the error is rethrown.
 */
export function commitCacheFiles(dir: string, files: readonly CacheFile[], catalogJson: string): void {
  const all: CacheFile[] = [...files, { path: 'catalog.json', content: catalogJson }];
  const tag = `.ratecut-fetch-${process.pid}-${Date.now()}`;
  const createdDirs: string[] = [];
  const temps: string[] = [];
  const done: { final: string; backup: string | undefined }[] = [];
  const ensureDir = (d: string): void => {
    if (existsSync(d)) return;
    ensureDir(dirname(d));
    mkdirSync(d);
    createdDirs.push(d);
  };
  try {
    for (const f of all) {
      const final = join(dir, f.path);
      ensureDir(dirname(final));
      const temp = `${final}${tag}.tmp`;
      temps.push(temp);
      writeFileSync(temp, f.content);
    }
    all.forEach((f, i) => {
      const final = join(dir, f.path);
      const backup = existsSync(final) ? `${final}${tag}.bak` : undefined;
      if (backup !== undefined) renameSync(final, backup);
      done.push({ final, backup });
      renameSync(temps[i] ?? '', final);
    });
  } catch (e) {
    const quietly = (step: () => void): void => {
      try {
        step();
      } catch {
        // best effort: keep undoing the other steps
      }
    };
    for (const step of [...done].reverse()) {
      quietly(() => rmSync(step.final, { force: true }));
      const backup = step.backup;
      if (backup !== undefined) quietly(() => renameSync(backup, step.final));
    }
    for (const t of temps) quietly(() => rmSync(t, { force: true }));
    for (const d of [...createdDirs].reverse()) quietly(() => rmdirSync(d));
    throw e;
  }
  for (const step of done) if (step.backup !== undefined) rmSync(step.backup, { force: true });
}
