/**
 * Per-period simple returns of an equity curve: `out[i] = equity[i + 1] / equity[i] - 1` for
 * `i = 0 .. equity.length - 2` (decimals; the curve's first value starts no period). Writes into
 * `out` and returns it; allocates nothing.
 *
 * Degenerate input: a period whose start value is not positive, or either of whose values is
 * NaN, gives NaN (so that metrics over it give NaN, never a silent 0). An equity curve of fewer
 * than 2 values has no period.
 *
 * @throws RangeError when `out` does not have `equity.length - 1` entries (a programmer error).
 */
export function equityReturnsInto(out: Float64Array, equity: ArrayLike<number>): Float64Array {
  const periods = Math.max(0, equity.length - 1);
  if (out.length !== periods) throw new RangeError(`equityReturnsInto: out has ${out.length} entries, the curve has ${periods} periods`);
  for (let i = 0; i < periods; i += 1) {
    const a = equity[i], b = equity[i + 1];
    out[i] = a > 0 ? b / a - 1 : NaN;
  }
  return out;
}

/** {@link equityReturnsInto} into a new array of `equity.length - 1` returns (none for fewer than 2 values). */
export function equityReturns(equity: ArrayLike<number>): Float64Array {
  return equityReturnsInto(new Float64Array(Math.max(0, equity.length - 1)), equity);
}
