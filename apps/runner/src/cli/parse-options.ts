import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';
import { didYouMean } from './did-you-mean';
import type { CommandIo } from './command';
import { styleOf } from './output-style';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parsed option values: booleans for flags, strings otherwise, undefined when absent. */
export type OptionValues<O extends Options> = { [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : string };

/**
 * Parses a command's options strictly; an unknown option (with the nearest known one, when one
 * is close: "did you mean"), a missing value or a stray argument is a {@link UsageError}.
 */
export function parseOptions<O extends Options>(args: readonly string[], options: O): OptionValues<O> {
  return parseCommandLine(args, options, false).values;
}

/**
 * {@link parseOptions} for a command that also takes arguments that are not options (a scenario,
 * result files): Node's `parseArgs` tells them apart, so an argument equal to an option's value
 * (`simulate all-cycles --out all-cycles`) is never mistaken for it.
 */
export function parseOptionsAndArguments<O extends Options>(args: readonly string[], options: O): { readonly values: OptionValues<O>; readonly positionals: string[] } {
  return parseCommandLine(args, options, true);
}

function parseCommandLine<O extends Options>(args: readonly string[], options: O, allowPositionals: boolean): { values: OptionValues<O>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals });
    return { values: parsed.values as OptionValues<O>, positionals: parsed.positionals };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if ((e as { code?: unknown }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const given = (/'([^']*)'/.exec(message)?.[1] ?? message).replace(/=.*$/, '');
      const hint = didYouMean(given, Object.keys(options).map((k) => `--${k}`));
      throw new UsageError(`unknown option ${given}${hint === undefined ? '' : `; did you mean ${hint}?`}`);
    }
    throw new UsageError(message);
  }
}

/** Reads a numeric option: undefined when absent, a {@link UsageError} when not a number in range. */
export function numberOption(name: string, text: string | undefined, check: (n: number) => boolean, expected: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new UsageError(`--${name} ${JSON.stringify(text)}: expected ${expected}`);
  }
  return n;
}

/** Reads an option that must be one of a few words. */
export function choiceOption<T extends string>(name: string, text: string | undefined, choices: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`--${name} ${JSON.stringify(text)}: expected one of ${choices.join(', ')}`);
  }
  return text as T;
}

/**
 * The `--format` of a command that prints a table, CSV or JSON: `--json` means `--format json`
 * (and contradicts any other `--format`).
 */
export function jsonFormat(io: CommandIo, text: string | undefined): 'table' | 'csv' | 'json' {
  const format = choiceOption('format', text, ['table', 'csv', 'json'] as const, styleOf(io).json ? 'json' : 'table');
  if (styleOf(io).json && format !== 'json') throw new UsageError(`--json contradicts --format ${format}; give one of them`);
  return format;
}
