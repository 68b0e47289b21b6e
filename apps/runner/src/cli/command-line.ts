/** Quotes a word for a POSIX shell only when it needs it. */
const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/** The command line recorded in result files: `ratecut <command> <args...>`, shell-quoted. */
export function commandLine(command: string, args: readonly string[]): string {
  return ['ratecut', command, ...args].map(quote).join(' ');
}
