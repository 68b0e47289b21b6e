/**
 * Intermediate series that several parameter values of a strategy share (trailing returns per
 * look-back, an indicator per period, the easing-cycle state per detection rule), computed once
 * per market data and kept for the next combination of a sweep.
 */
export class SignalCache {
  private readonly entries = new Map<string, unknown>();
  private owner: object | null = null;

  /**
   * The series stored under `key` for `data`, made by `make` on first use. A cache serves one
   * market data object: asked for another, it forgets everything first.
   */
  memo<T>(data: object, key: string, make: () => T): T {
    if (this.owner !== data) {
      this.entries.clear();
      this.owner = data;
    }
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = make();
    this.entries.set(key, value);
    return value;
  }
}
