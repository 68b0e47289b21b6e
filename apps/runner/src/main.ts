import { FileError, describeStrayErrno, isErrnoError } from '@ratecut/studies/output';
import { UsageError, type CommandIo } from './cli/command';
import { COMMANDS } from './commands/registry';
import { VERSION } from './cli/version';
import { didYouMean } from './cli/did-you-mean';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `ratecut ${VERSION}: replay Fed easing cycles and compare small caps with large caps`,
    '',
    'Usage: ratecut <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Data: --data <folder or catalog.json>, else $RATECUT_DATA, else the fetch cache ($RATECUT_CACHE,',
    'else ~/.cache/ratecut: see `ratecut fetch --help`), else the bundled SYNTHETIC SAMPLE (labelled',
    'as such in every output).',
    '',
    'Run `ratecut <command> --help` (or `ratecut help <command>`) for a command\'s options;',
    '`ratecut -V` prints the version.',
    '',
    'Exit codes: 0 ok; 1 bad input file or data, or a file that cannot be written; 2 bad command line;',
    '3 internal error (`--debug`, anywhere on the line, prints its stack).',
  ].join('\n') + '\n';
}

/** Exit code of an internal error (a bug in ratecut); 0, 1 and 2 are ok, bad input, bad command line. */
export const EXIT_INTERNAL = 3;

/**
 * Runs the CLI; resolves to the process exit code: 0 ok, 1 failure (data or file problem),
 * 2 usage error, 3 internal error. Every error is printed as one line naming the command:
 * a {@link UsageError} with the usage, a {@link FileError} with its path, a file-system error
 * that escaped a command as `cannot read|write <path>: <what> (<code>); <what to do>`, and
 * anything else as an internal error (the stack only with `--debug`, a global flag accepted
 * anywhere on the command line, or RATECUT_DEBUG=1).
 */
export async function main(args: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const debugFlag = args.includes('--debug');
  const argv = args.filter((a) => a !== '--debug');
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout(helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  // `ratecut help <command>` is `ratecut <command> --help`.
  const wanted = name === 'help' ? rest[0] : name;
  const command = COMMANDS.find((c) => c.name === wanted);
  if (!command) {
    const hint = didYouMean(wanted, COMMANDS.map((c) => c.name));
    io.stderr(`ratecut: unknown command '${wanted}'${hint === undefined ? '.' : `; did you mean '${hint}'?`} Commands: ${COMMANDS.map((c) => c.name).join(', ')}.\n`);
    return 2;
  }
  if (name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    const run = await command.load();
    return await run(rest, io);
  } catch (e) {
    // By mark, not instanceof: in the compiled CLI the commands throw their own copies of these classes.
    if (UsageError.is(e)) {
      // One line, and where the usage is (the whole usage would bury the message).
      io.stderr(`ratecut ${name}: ${e.message} (usage: ratecut ${name} --help)\n`);
      return 2;
    }
    if (FileError.is(e)) {
      io.stderr(e.message.split('\n').map((l) => `ratecut ${name}: ${l}\n`).join(''));
      return e.exitCode;
    }
    if (isErrnoError(e)) {
      io.stderr(`ratecut ${name}: ${describeStrayErrno(e)}\n`);
      return 1;
    }
    const debug = debugFlag || (io.env['RATECUT_DEBUG'] !== undefined && io.env['RATECUT_DEBUG'] !== '' && io.env['RATECUT_DEBUG'] !== '0');
    const err = typeof e === 'object' && e !== null ? (e as { name?: unknown; message?: unknown; stack?: unknown }) : {};
    const what = typeof err.message === 'string' ? `${String(err.name ?? 'Error')}: ${err.message}` : String(e);
    io.stderr(`ratecut ${name}: internal error, please report it with the command line: ${what.split('\n')[0]}\n`);
    io.stderr(debug && typeof err.stack === 'string' ? `${err.stack}\n` : 'Run it again with --debug to print the stack trace.\n');
    return EXIT_INTERNAL;
  }
}

function processIo(): CommandIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
  };
}
