import { resolve } from 'node:path';
import type { CommandIo } from '../cli/command';

/** A CommandIo that records what a command prints, for tests. */
export function captureIo(env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): CommandIo & { out: () => string; err: () => string } {
  let out = '', err = '';
  return {
    stdout: (t) => { out += t; },
    stderr: (t) => { err += t; },
    env,
    cwd,
    out: () => out,
    err: () => err,
  };
}

/** The real data folder for tests: $RATECUT_DATA, else ../shared/data beside the repository. */
export function realDataDir(): string {
  return process.env['RATECUT_DATA'] ?? resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'data');
}
