/**
 * Why `ratecut fetch` failed for one source: offline, an HTTP error after retries, or a reply whose
 * format is not what the source used to publish. `source` names the source (e.g. `FRED DFF`).
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
  }
}

/** Describes the start of an unexpected reply, for "expected X, got Y" messages. */
export function describeReply(text: string): string {
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<')) return 'an HTML page';
  if (start === '') return 'an empty reply';
  const firstLine = text.trimStart().split(/\r?\n/, 1)[0] ?? '';
  return `a reply starting "${firstLine.slice(0, 60)}"`;
}
