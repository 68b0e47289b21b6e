/**
 * The generated regions of README.md. A region starts with a line `<!-- example: ID -->` and ends
 * with the next line `<!-- /example -->`; everything between the two is replaced when the
 * examples are regenerated, so only the generator writes it.
 */

/** One generated region: its id and the line numbers (0-based) of its two marker lines. */
export interface Region {
  readonly id: string;
  readonly open: number;
  readonly close: number;
}

const OPEN = /^<!-- example: ([a-z0-9-]+) -->$/;
const CLOSE = /^<!-- \/example -->$/;

/** Finds every region; throws with the line number when markers are unbalanced or ids repeat. */
export function findRegions(lines: readonly string[]): Region[] {
  const regions: Region[] = [];
  let current: { id: string; open: number } | null = null;
  lines.forEach((line, i) => {
    const open = OPEN.exec(line.trim());
    if (open) {
      if (current) throw new Error(`README.md:${i + 1}: example '${open[1]}' opens inside '${current.id}' (line ${current.open + 1})`);
      if (regions.some((r) => r.id === open[1])) throw new Error(`README.md:${i + 1}: example '${open[1]}' appears twice`);
      current = { id: open[1], open: i };
    } else if (CLOSE.test(line.trim())) {
      if (!current) throw new Error(`README.md:${i + 1}: '<!-- /example -->' without an opening marker`);
      regions.push({ ...current, close: i });
      current = null;
    }
  });
  if (current) {
    const c: { id: string; open: number } = current;
    throw new Error(`README.md:${c.open + 1}: example '${c.id}' is never closed`);
  }
  return regions;
}

/** The lines with each region's body replaced by `bodies[id]` (regions without a body are kept). */
export function replaceRegions(lines: readonly string[], bodies: ReadonlyMap<string, readonly string[]>): string[] {
  const out: string[] = [];
  let at = 0;
  for (const r of findRegions(lines)) {
    out.push(...lines.slice(at, r.open + 1));
    out.push(...(bodies.get(r.id) ?? lines.slice(r.open + 1, r.close)));
    at = r.close;
  }
  out.push(...lines.slice(at));
  return out;
}

/**
 * Keeps the lines from the first one matching `from` (inclusive) up to, not including, the first
 * later one matching `to` (to the end when `to` is omitted); throws when `from` never matches, so
 * an abridgement that no longer fits the output fails loudly instead of printing nothing.
 */
export function between(lines: readonly string[], from: RegExp, to?: RegExp): string[] {
  const start = lines.findIndex((l) => from.test(l));
  if (start < 0) throw new Error(`no line matches ${from}`);
  const rest = lines.slice(start + 1);
  const end = to === undefined ? -1 : rest.findIndex((l) => to.test(l));
  return [lines[start], ...(end < 0 ? rest : rest.slice(0, end))];
}

/** Replaces the lines matching `drop` by one `…` line per run of dropped lines (indented like the first). */
export function elide(lines: readonly string[], drop: (line: string, index: number) => boolean): string[] {
  const out: string[] = [];
  let dropping = false;
  lines.forEach((line, i) => {
    if (drop(line, i)) {
      if (!dropping) out.push(`${/^\s*/.exec(line)?.[0] ?? ''}…`);
      dropping = true;
    } else {
      out.push(line);
      dropping = false;
    }
  });
  return out;
}
