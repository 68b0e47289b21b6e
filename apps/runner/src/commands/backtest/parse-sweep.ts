import { UsageError } from '../../cli/command';

/**
 * Parses `--sweep name=a..b[:step]` into the list of values (inclusive of b, step 1 by
 * default). Values are rounded to 12 significant digits so that 0.001 steps do not drift.
 */
export function parseSweep(text: string): { name: string; values: number[] } {
  const m = /^([A-Za-z][\w-]*)=(-?[\d.]+)\.\.(-?[\d.]+)(?::([\d.]+))?$/.exec(text.trim());
  if (!m) throw new UsageError(`--sweep ${JSON.stringify(text)}: expected name=start..end[:step], e.g. k=1..24 or threshold=0..0.049:0.001`);
  const start = Number(m[2]), end = Number(m[3]), step = m[4] === undefined ? 1 : Number(m[4]);
  if (![start, end, step].every(Number.isFinite) || step <= 0 || end < start) {
    throw new UsageError(`--sweep ${JSON.stringify(text)}: expected start <= end and a step > 0`);
  }
  const count = Math.floor((end - start) / step + 1e-9) + 1;
  if (count > 100_000) throw new UsageError(`--sweep ${JSON.stringify(text)}: ${count} values is too many (at most 100,000)`);
  const values = Array.from({ length: count }, (_, i) => Number((start + i * step).toPrecision(12)));
  return { name: m[1], values };
}
