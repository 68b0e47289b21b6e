import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Real (symlink-free, absolute) path of `p`: `fs.realpathSync` of its longest existing
 * ancestor, with the missing tail appended as written (`..` and `.` in that tail resolved
 * lexically). Lets a path be checked against a folder before the file exists.
 */
export function realPathOf(p: string): string {
  const absolute = path.resolve(p);
  const tail: string[] = [];
  let head = absolute;
  for (;;) {
    try {
      return path.join(fs.realpathSync(head), ...tail.reverse());
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return absolute;
      tail.push(path.basename(head));
      head = parent;
    }
  }
}

/** True when real path `target` is `folder` itself or lies below it (both real paths, see {@link realPathOf}). */
export function isInsideFolder(folder: string, target: string): boolean {
  const rel = path.relative(folder, target);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Where a data file named by a catalog really is, and whether that is inside the catalog's
 * folder. `file` is resolved against `folder` (an absolute `file` stays as it is), then every
 * symbolic link in it is followed ({@link realPathOf}); `inside` compares the result with the
 * real path of `folder`, so `../x`, `/etc/passwd` and a link inside the folder that points out
 * of it are all outside.
 */
export function locateDataFile(folder: string, file: string): { readonly path: string; readonly realPath: string; readonly realFolder: string; readonly inside: boolean } {
  const resolved = path.resolve(folder, file);
  const realFolder = realPathOf(folder);
  const realPath = realPathOf(resolved);
  return { path: resolved, realPath, realFolder, inside: isInsideFolder(realFolder, realPath) };
}

/** Words for refusing a file outside the data folder; `how` says how to allow it (a flag or an option). */
export function outsideDataFolderMessage(realPath: string, realFolder: string, how: string): string {
  return `resolves to ${realPath}, outside the data folder ${realFolder}; data files must be inside the catalog's folder (a catalog could otherwise read any file on this machine). Move the file into the folder, or ${how} if you trust this catalog`;
}

/** How to allow files outside the data folder, for messages: the CLI flag and the library option. */
export const ALLOW_OUTSIDE_HOW = 'pass --allow-outside-data (library: loadCatalog(path, {allowOutsideDataFolder: true}))';
