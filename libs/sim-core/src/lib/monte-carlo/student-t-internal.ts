/**
 * Internals shared by the parametric Monte Carlo models (student-t-simulate, rate-sensitivity):
 * argument checks. Not part of the public API (not exported from the package index). Their
 * normal sampler lives in `random/`.
 */
import type { PathOutcomes } from './path-outcomes';

/** The options of a parametric path simulation, as far as the checks need them. */
interface PathOptionsShape {
  readonly horizon: number;
  readonly firstPath: number;
  readonly pathCount: number;
}

/**
 * Throws a RangeError unless `horizon` is an integer >= 1, `firstPath` and `pathCount` are
 * integers >= 0 with `firstPath + pathCount <= 2^53` (path indices are stream indices),
 * each output array holds at least `pathCount` values, and each per-month array at least
 * `horizon` values.
 */
export function checkPathArguments(
  what: string,
  options: PathOptionsShape,
  out: PathOutcomes | undefined,
  outSmall?: Float64Array,
  outLarge?: Float64Array,
): void {
  const { horizon, firstPath, pathCount } = options;
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`${what}: horizon must be an integer >= 1 (months), got ${horizon}`);
  if (!Number.isInteger(firstPath) || firstPath < 0) throw new RangeError(`${what}: path index must be an integer >= 0, got ${firstPath}`);
  if (!Number.isInteger(pathCount) || pathCount < 0) throw new RangeError(`${what}: pathCount must be an integer >= 0, got ${pathCount}`);
  if (firstPath + pathCount > Number.MAX_SAFE_INTEGER + 1) throw new RangeError(`${what}: path indices must stay below 2^53, got ${firstPath} + ${pathCount}`);
  if (out !== undefined) {
    const named: [string, Float64Array][] = [
      ['smallReturn', out.smallReturn],
      ['largeReturn', out.largeReturn],
      ['smallMaxDrawdown', out.smallMaxDrawdown],
      ['largeMaxDrawdown', out.largeMaxDrawdown],
    ];
    for (const [name, a] of named) {
      if (a.length < pathCount) throw new RangeError(`${what}: out.${name} holds ${a.length} values, pathCount is ${pathCount}`);
    }
  }
  for (const a of [outSmall, outLarge]) {
    if (a !== undefined && a.length < horizon) throw new RangeError(`${what}: output holds ${a.length} months, the horizon is ${horizon}`);
  }
}
