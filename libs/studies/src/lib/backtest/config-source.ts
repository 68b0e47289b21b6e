import { jsonPathOf, type Issue, type IssueCode } from '@ratecut/sim-core';

/** The `file` of an issue about a value given by a command-line flag. */
export const COMMAND_LINE = 'command line';

/**
 * Where the values of a configuration came from, so that a problem with one of them points at
 * it: the configuration file (its name as the user gave it, and the line and column of each
 * value, from data-loader's JSON reader), or the command line for values a flag set.
 */
export interface ConfigSource {
  /** The configuration file as given on the command line, or null when there is none. */
  readonly file: string | null;
  /** Line and column (1-based) of the value at `keys` in the file, or of its nearest enclosing value. */
  readonly at?: (keys: readonly PropertyKey[]) => { line: number; column: number };
  /** Keys of the values flags set (`['pair']`, `['strategies', 0, 'params', 'k']`); a value under one of them came from the command line. */
  readonly fromFlags: readonly (readonly PropertyKey[])[];
}

const startsWith = (keys: readonly PropertyKey[], prefix: readonly PropertyKey[]): boolean =>
  prefix.length <= keys.length && prefix.every((k, i) => keys[i] === k);

/**
 * An issue about the configuration value at `keys`: located in the configuration file (line,
 * column and JSON path) when the value came from it, else on the command line (with its JSON
 * path, which names the setting the flag made).
 */
export function configIssue(source: ConfigSource, keys: readonly PropertyKey[], code: IssueCode, message: string): Issue {
  const jsonPath = jsonPathOf(keys);
  const file = source.file;
  // The message names the setting, as every JSON reader's does (`formatIssue` prints the location only).
  const text = jsonPath === '' ? message : `${jsonPath}: ${message}`;
  if (file === null || source.fromFlags.some((prefix) => startsWith(keys, prefix))) return { code, severity: 'error', file: COMMAND_LINE, jsonPath, message: text };
  const at = source.at?.(keys);
  return { code, severity: 'error', file, ...(at === undefined ? {} : { line: at.line, column: at.column }), jsonPath, message: text };
}
