import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** SHA-256 (hex) of a file's bytes. */
export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
