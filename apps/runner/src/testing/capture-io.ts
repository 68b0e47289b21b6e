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

