import { FileError, describeStrayErrno, isErrnoError } from '@ratecut/studies/output';
import { UsageError, type CommandIo } from './cli/command';
import { COMMANDS } from './commands/registry';
import { VERSION } from './cli/version';
import { didYouMean } from './cli/did-you-mean';
import { colourWanted, PLAIN_STYLE } from './cli/output-style';
import { printError } from './cli/messages';

/** Flags every command takes, anywhere on the command line. */
const GLOBAL_FLAGS = ['--json', '--quiet', '-q', '--debug'];

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
    GLOBAL_OPTIONS_HELP,
    '',
    EXIT_CODES_HELP,
  ].join('\n') + '\n';
}

/** The global options, as `--help` lists them. */
const GLOBAL_OPTIONS_HELP = [
  'Global options (any command, anywhere on the line):',
  '  --json       the result as one JSON document on stdout, and nothing else there',
  '  -q, --quiet  print errors only on stderr (and the synthetic-sample notice, which is never hidden)',
  '  --debug      print the stack of an internal error (also RATECUT_DEBUG=1)',
  'Progress is drawn on stderr when it is a terminal; colours follow NO_COLOR and FORCE_COLOR.',
].join('\n');

/** The exit codes, as `--help` lists them (the README has the same table). */
const EXIT_CODES_HELP = [
  'Exit codes (every command):',
  '  0  done',
  '  1  a bad input file or bad data (a config, scenario or result file, a catalog or series),',
  '     a file that cannot be written, or result files that are not comparable',
  '  2  a bad command line: an unknown command or option, a bad option value, a missing argument,',
  '     an output that exists without --force',
  '  3  an internal error (a bug in ratecut; --debug prints its stack)',
].join('\n');

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
  const argv = args.filter((a) => !GLOBAL_FLAGS.includes(a));
  io = { ...io, style: { ...(io.style ?? PLAIN_STYLE), json: args.includes('--json'), quiet: args.includes('--quiet') || args.includes('-q') } };
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
    printError(io, `ratecut: unknown command '${wanted}'${hint === undefined ? '.' : `; did you mean '${hint}'?`} Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
    return 2;
  }
  if (name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\nGlobal options: --json (the result as JSON on stdout), -q/--quiet (errors only on stderr),\n--debug; see \`ratecut --help\` for them and the exit codes.\n`);
    return 0;
  }
  try {
    const run = await command.load();
    return await run(rest, io);
  } catch (e) {
    // By mark, not instanceof: in the compiled CLI the commands throw their own copies of these classes.
    if (UsageError.is(e)) {
      // One line, and where the usage is (the whole usage would bury the message).
      printError(io, `ratecut ${name}: ${e.message} (usage: ratecut ${name} --help)`);
      return 2;
    }
    if (FileError.is(e)) {
      for (const line of e.message.split('\n')) printError(io, `ratecut ${name}: ${line}`);
      return e.exitCode;
    }
    if (isErrnoError(e)) {
      printError(io, `ratecut ${name}: ${describeStrayErrno(e)}`);
      return 1;
    }
    const debug = debugFlag || (io.env['RATECUT_DEBUG'] !== undefined && io.env['RATECUT_DEBUG'] !== '' && io.env['RATECUT_DEBUG'] !== '0');
    const err = typeof e === 'object' && e !== null ? (e as { name?: unknown; message?: unknown; stack?: unknown }) : {};
    const what = typeof err.message === 'string' ? `${String(err.name ?? 'Error')}: ${err.message}` : String(e);
    printError(io, `ratecut ${name}: internal error, please report it with the command line: ${what.split('\n')[0]}`);
    io.stderr(debug && typeof err.stack === 'string' ? `${err.stack}\n` : 'Run it again with --debug to print the stack trace.\n');
    return EXIT_INTERNAL;
  }
}

function processIo(): CommandIo {
  // A reader that stops early (`ratecut cycles --json | head`) closes the pipe: stop quietly, as Unix tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const terminal = process.stderr.isTTY === true;
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    style: { ...PLAIN_STYLE, terminal, color: colourWanted(process.env, terminal) },
  };
}
