/**
 * Writes a path into a JSON document the way JavaScript would access it: `series[3].format`.
 * Numbers become `[n]`, other keys `.key` (no leading dot for the first); the root is ''.
 */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
