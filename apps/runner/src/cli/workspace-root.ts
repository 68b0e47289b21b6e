import { resolve } from 'node:path';

/** The repository root (where `data/` with the shipped facts and the synthetic sample lives). */
export function workspaceRoot(): string {
  return resolve(__dirname, '..', '..', '..', '..');
}
