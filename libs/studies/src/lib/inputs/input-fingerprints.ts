import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** SHA-256 (hex) of a file's bytes. */
export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * How a result names an input file: relative to the catalog's folder, or `ratecut:data/...`
 * for the facts shipped with ratecut (in `factsDir`), so that the same inputs give the same
 * names wherever the data folder is.
 */
export function displayInputPath(file: string, catalogDir: string, factsDir: string): string {
  const inFacts = relative(factsDir, file);
  if (!inFacts.startsWith('..')) return `ratecut:data/${inFacts}`;
  return relative(catalogDir, file);
}

/** Every input file named as in {@link displayInputPath}, with its SHA-256 fingerprint, in the order given. */
export function fingerprintInputs(files: readonly string[], catalogDir: string, factsDir: string): { file: string; sha256: string }[] {
  return files.map((file) => ({ file: displayInputPath(file, catalogDir, factsDir), sha256: sha256File(file) }));
}
