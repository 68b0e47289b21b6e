/** A contiguous run of items `[first, first + count)`. */
export interface ItemRange {
  readonly first: number;
  readonly count: number;
}

/**
 * Splits `count` items into contiguous ranges of at most `size` items, the last one shorter.
 * The ranges depend on `count` and `size` only, never on how many workers run them, so the
 * blocks of a study, and therefore its result, are the same for any worker count.
 */
export function splitRange(count: number, size: number): ItemRange[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`splitRange: count must be a whole number >= 0, got ${count}`);
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`splitRange: size must be a whole number >= 1, got ${size}`);
  const out: ItemRange[] = [];
  for (let first = 0; first < count; first += size) out.push({ first, count: Math.min(size, count - first) });
  return out;
}
