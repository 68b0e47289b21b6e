import type { CommandIo } from './command';

/**
 * Says which files a command wrote, one `wrote <path>` line each, on stderr with its other
 * messages: stdout holds only results, so it can be piped (`ratecut backtest ... | less`, or the
 * JSON of `--format json`).
 */
export function reportWritten(io: CommandIo, written: readonly string[]): void {
  for (const w of written) io.stderr(`wrote ${w}\n`);
}
