/**
 * The command line without `--workers`, which never changes results, so the files a command
 * writes (which record its command line) match across worker counts.
 */
export function withoutWorkers(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--workers') { i += 1; continue; }
    if (args[i].startsWith('--workers=')) continue;
    out.push(args[i]);
  }
  return out;
}
