/**
 * Pretty JSON for result files. When the document carries a synthetic-sample `notice`, it is
 * the first key and shares the first line with the opening brace, so `head -1` shows it.
 */
export function toJsonText(doc: object): string {
  const text = JSON.stringify(doc, null, 2);
  const notice = (doc as { notice?: unknown }).notice;
  return (typeof notice === 'string' && notice !== '' ? text.replace(/^\{\n {2}/, '{ ') : text) + '\n';
}
