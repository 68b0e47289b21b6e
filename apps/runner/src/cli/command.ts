import type { WriterFs } from '@ratecut/studies/output';
import type { OutputStyle } from './output-style';

/** Where a command writes: stdout for results, stderr for progress, warnings and errors. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** File-system calls used to write result files (tests inject failures); node:fs when absent. */
  readonly fs?: WriterFs;
  /** `--json`, `--quiet`, whether stderr is a terminal, colours: plain when absent (see output-style.ts). */
  readonly style?: OutputStyle;
  /** Receives the paths a command wrote instead of its `wrote <path>` lines (a command run as a step of another). */
  readonly onWritten?: (paths: readonly string[]) => void;
}

/** A CLI command: its help text, and a runner loaded only when the command is used. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly load: () => Promise<(args: readonly string[], io: CommandIo) => Promise<number>>;
}

/** The mark of a {@link UsageError}, the same in every copy of this module. */
const USAGE_ERROR = Symbol.for('ratecut.UsageError');

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly [USAGE_ERROR] = true;

  /**
   * Whether `e` is a UsageError. By its mark, not `instanceof`: the compiled CLI has two copies
   * of this class, one with the command line (which catches) and one with the commands (which throw).
   */
  static is(e: unknown): e is UsageError {
    return typeof e === 'object' && e !== null && (e as { [USAGE_ERROR]?: unknown })[USAGE_ERROR] === true;
  }
}
