import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Creates a fresh temporary folder holding `files` (relative path → text, written as given, so
 * CRLF and byte-order marks survive) and returns its absolute path. Remove it with
 * {@link removeTempDir}.
 */
export function makeTempDir(files: Readonly<Record<string, string>> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratecut-data-loader-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, 'utf8');
  }
  return dir;
}

/** Deletes a folder made by {@link makeTempDir}, with everything in it. */
export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
