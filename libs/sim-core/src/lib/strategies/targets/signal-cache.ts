/**
 * Intermediate series that several parameter values of a strategy share (trailing returns per
 * look-back, an indicator per period, the easing-cycle state per detection rule), computed once
 * per market data and kept for the next combination of a sweep.
 */
export class SignalCache {
  private entries = new Map<string, unknown>();
  /** The entries of the previous market, offered to `make` for reuse (see {@link memo}). */
  private recycled = new Map<string, unknown>();
  private owner: object | null = null;

  /**
   * The series stored under `key` for `data`, made by `make` on first use. A cache serves one
   * market data object: asked for another, it forgets everything first, and offers each
   * forgotten series to the `make` of the same key as `recycled`, whose arrays it may overwrite
   * (when they have the right length) instead of allocating new ones: a caller that runs the same
   * rules on market after market of one shape (simulated paths) allocates once.
   */
  memo<T>(data: object, key: string, make: (recycled?: T) => T): T {
    if (this.owner !== data) {
      // The two maps swap roles (no new map per market): what was not taken back is dropped.
      const spare = this.recycled;
      spare.clear();
      this.recycled = this.entries;
      this.entries = spare;
      this.owner = data;
    }
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const old = this.recycled.get(key) as T | undefined;
    this.recycled.delete(key);
    const value = make(old);
    this.entries.set(key, value);
    return value;
  }
}

/** `recycled` when it is an array of `rows` numbers (see `SignalCache.memo`), else a new one. */
export function recycledArray(recycled: Float64Array | undefined, rows: number): Float64Array {
  return recycled !== undefined && recycled.length === rows ? recycled : new Float64Array(rows);
}
