import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

/**
 * CPU seconds (user + system, every thread) of the child processes this process has waited
 * for, from the `cutime` and `cstime` fields of /proc/self/stat (Linux; clock ticks of 1/100 s,
 * so a resolution of 10 ms). Null where there is no /proc.
 */
export function childrenCpuSeconds(): number | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // After "pid (comm) ", the fields from the 3rd on; cutime and cstime are the 16th and 17th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

/** One run of a command: its CPU seconds (or null without /proc), wall seconds, exit status and output. */
export interface CommandCost {
  readonly cpuSeconds: number | null;
  readonly wallSeconds: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <args>` in `cwd` with `env`, waits for it, and measures it (see {@link childrenCpuSeconds}). */
export function nodeCommandCost(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): CommandCost {
  const cpu0 = childrenCpuSeconds();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 ** 2 });
  const wallSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = childrenCpuSeconds();
  return { cpuSeconds: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, wallSeconds, status: r.status, stdout: r.stdout, stderr: r.stderr };
}
