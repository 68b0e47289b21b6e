import { UsageError, type CommandIo } from './cli/command';
import { COMMANDS } from './commands/registry';
import { VERSION } from './cli/version';

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
    'Data: --data <folder or catalog.json>, else $RATECUT_DATA, else data/cache/catalog.json,',
    'else the bundled SYNTHETIC SAMPLE (labelled as such in every output).',
    '',
    'Run `ratecut <command> --help` for a command\'s options.',
  ].join('\n') + '\n';
}

/** Runs the CLI; resolves to the process exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`ratecut: unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    const run = await command.load();
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`ratecut ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    throw e;
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
