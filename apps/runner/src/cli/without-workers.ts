/** Flags that say where a run's blocks run (threads, a job queue), never what it computes. */
const WHERE_IT_RUNS = ['--workers', '--queue', '--prefix'];

/**
 * The command line without `--workers`, `--queue` and `--prefix`, which never change results,
 * so the files a command writes (which record its command line) match across worker counts and
 * between a run in one process and one on a job queue.
 */
export function withoutWorkers(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (WHERE_IT_RUNS.includes(args[i])) { i += 1; continue; }
    if (WHERE_IT_RUNS.some((f) => args[i].startsWith(`${f}=`))) continue;
    out.push(args[i]);
  }
  return out;
}
