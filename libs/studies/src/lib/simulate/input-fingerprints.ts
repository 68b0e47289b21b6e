import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** SHA-256 (hex) of a file's bytes. */
export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * How an input file is named in a result: `ratecut:data/<path>` for the facts shipped with
 * ratecut (files under `factsDir`), else its path relative to the catalog's folder.
 */
export function inputDisplayName(file: string, catalogDir: string, factsDir: string): string {
  const inFacts = relative(factsDir, file);
  return inFacts.startsWith('..') ? relative(catalogDir, file) : `ratecut:data/${inFacts}`;
}

/** The fingerprint of each input file, in the order given: its display name and SHA-256. */
export function inputFingerprints(files: readonly string[], catalogDir: string, factsDir: string): { file: string; sha256: string }[] {
  return files.map((f) => ({ file: inputDisplayName(f, catalogDir, factsDir), sha256: sha256File(f) }));
}
