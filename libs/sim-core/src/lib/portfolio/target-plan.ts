/**
 * The targets of a strategy for every row of the data, computed before the portfolio is run
 * (a vectorised strategy), for the portfolio kernel (`runPortfolio`).
 */

/** A code of {@link TargetPlan.codes}: propose the last submitted target again (hold the choice made). */
export const KEEP = -1;

/**
 * What a strategy proposes at the close of each row, as indices into a small palette of target
 * weight vectors. Row `t`'s code may read data up to row `t` only (no look-ahead: see the
 * vectorised built-ins' property tests).
 *
 * - `palette`: target `p` is `palette[p * assets .. (p + 1) * assets)`, weights per asset
 *   (cash = 1 − their sum).
 * - `codes[t]`: the palette index proposed at row `t`, or {@link KEEP}: the target last submitted
 *   (a rule with hysteresis, such as relative momentum inside its threshold band), or, before
 *   any submission, target `initial[t]`.
 * - `warmup`: the first row at which the strategy decides (the engine's `row >= warmup`); codes
 *   before it are never read.
 * - `changes` (optional): where the codes change, so that a kernel reads one code per run of
 *   equal codes instead of every row: ascending, `warmup` first, then each row `t > warmup` whose
 *   code differs from row `t − 1`'s, then the end mark `codes.length` (entries after it are not
 *   read). A plan maker that knows where its codes change (a constant plan, a signal computed by
 *   runs) gives them; {@link planChanges} finds them from the codes. A wrong list is a
 *   programmer error the kernel cannot see: it takes every row of a run to have its first row's
 *   code (and `initial`, read only before the first submission, is read row by row).
 */
export interface TargetPlan {
  readonly assets: number;
  readonly palette: Float64Array;
  readonly codes: Int32Array;
  readonly initial: Int32Array | null;
  readonly warmup: number;
  readonly changes?: Int32Array | null;
}

/**
 * Checks a plan's shape against data of `rows` rows: the lengths as documented, a palette of
 * whole targets, a warm-up row. O(1): the codes themselves are checked where they are read (see
 * {@link checkedTarget}), so a sweep does not pay a second pass over every plan.
 *
 * @throws RangeError on a malformed plan (a programmer error).
 */
export function checkTargetPlan(plan: TargetPlan, rows: number): void {
  const { assets, palette, codes, initial } = plan;
  if (!Number.isInteger(assets) || assets < 1) throw new RangeError(`target plan: ${assets} assets`);
  if (palette.length === 0 || palette.length % assets !== 0) throw new RangeError(`target plan: palette of ${palette.length} weights for ${assets} assets`);
  if (codes.length !== rows) throw new RangeError(`target plan: ${codes.length} codes for ${rows} rows`);
  if (initial !== null && initial.length !== rows) throw new RangeError(`target plan: ${initial.length} initial codes for ${rows} rows`);
  if (!Number.isInteger(plan.warmup) || plan.warmup < 0) throw new RangeError(`target plan: warm-up ${plan.warmup}`);
  const changes = plan.changes;
  if (changes !== undefined && changes !== null && !(changes.length >= 1 && (changes[0] === plan.warmup || changes[0] === rows) && changes.length <= rows + 1)) {
    throw new RangeError(`target plan: changes of length ${changes.length} starting at ${changes[0]} for ${rows} rows from warm-up ${plan.warmup}`);
  }
}

/**
 * The palette index a plan proposes at `row`: its code, or for {@link KEEP} `last` (the last
 * submitted target) or, before any submission (`last < 0`), `initial[row]`.
 *
 * @throws RangeError when the code (or the initial target it falls back on) is not in the palette of `size` targets (a programmer error).
 */
export function checkedTarget(plan: TargetPlan, row: number, last: number, size: number): number {
  const code = plan.codes[row];
  const target = code === KEEP ? (last >= 0 ? last : plan.initial === null ? -1 : plan.initial[row]) : code;
  if (target >= 0 && target < size) return target;
  throw new RangeError(code === KEEP
    ? `target plan: row ${row} keeps the last target but has no initial target in the palette`
    : `target plan: row ${row} has code ${code}, outside the palette of ${size}`);
}

/**
 * An array of `rows` codes for a new plan: `previous` (an array of a plan its caller no longer
 * needs, to be overwritten) when it has that length, else a new one. A plan maker writes every
 * row it decides on (from its warm-up); earlier rows keep whatever they held, as they are never read.
 * Reusing arrays spares a sweep an allocation per combination.
 */
export function planCodes(rows: number, previous?: Int32Array | null): Int32Array {
  return previous !== undefined && previous !== null && previous.length === rows ? previous : new Int32Array(rows);
}

/**
 * The {@link TargetPlan.changes} of `codes` from row `warmup` on, found by reading every code,
 * written into `previous` when it has room for them (see {@link planCodes}), else into a new array.
 */
export function planChanges(codes: Int32Array, warmup: number, previous?: Int32Array | null): Int32Array {
  const rows = codes.length;
  const out = changesArray(rows, previous);
  let m = 0;
  if (warmup < rows) {
    out[m++] = warmup;
    for (let t = warmup + 1; t < rows; t += 1) if (codes[t] !== codes[t - 1]) out[m++] = t;
  }
  out[m] = rows;
  return out;
}

/**
 * An array for the {@link TargetPlan.changes} of a plan of `rows` rows (room for every row and
 * the end mark): `previous` when it has that length (see {@link planCodes}), else a new one. A
 * plan maker that writes its codes row by row notes each row whose code differs from the one
 * before (from the warm-up row on, {@link noteChange}) and ends the list with `rows`.
 */
export function changesArray(rows: number, previous?: Int32Array | null): Int32Array {
  return previous !== undefined && previous !== null && previous.length === rows + 1 ? previous : new Int32Array(rows + 1);
}

/** The code "before" a plan's warm-up row, for {@link noteChange}: equal to no code. */
export const NO_CODE = -2;

/**
 * For a plan maker that writes its codes in row order from the warm-up row: row `t`'s code is
 * `code`, the row before's `previous` ({@link NO_CODE} at the warm-up row); notes `t` in
 * `changes` (at `count`) when it starts a run of equal codes (they differ), and returns the new
 * count. The maker keeps the previous code in a local rather than reading `codes[t − 1]` back
 * (the trend filter's targets: 39 → 35 ms per 1,200 combinations, best of alternating runs). It ends the list with the end mark:
 * `changes[count] = codes.length`.
 */
export function noteChange(changes: Int32Array, count: number, t: number, code: number, previous: number): number {
  if (code === previous) return count;
  changes[count] = t;
  return count + 1;
}

/** A plan that proposes the same palette target at every row (buy and hold, a fixed mix); `reuse`: see {@link planCodes}. */
export function constantPlan(weights: readonly number[], rows: number, warmup = 0, reuse?: TargetPlan): TargetPlan {
  const codes = planCodes(rows, reuse?.codes).fill(0);
  const previous = reuse?.changes;
  const changes = previous !== undefined && previous !== null && previous.length === 2 ? previous : new Int32Array(2);
  changes[0] = Math.min(warmup, rows);
  changes[1] = rows;
  return { assets: weights.length, palette: Float64Array.from(weights), codes, initial: null, warmup, changes };
}
