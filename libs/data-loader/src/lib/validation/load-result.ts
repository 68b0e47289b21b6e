import type { Issue, LoadResult } from '@ratecut/sim-core';

/** A failed {@link LoadResult} carrying every issue found. */
export function failure<T>(issues: readonly Issue[]): LoadResult<T> {
  return { ok: false, issues };
}

/** A successful {@link LoadResult}; `warnings` defaults to none. */
export function success<T>(value: T, warnings: readonly Issue[] = []): LoadResult<T> {
  return { ok: true, value, warnings };
}

/** True when at least one issue has severity `error`. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/**
 * Turns a value and the issues found while building it into a {@link LoadResult}: any error
 * makes it a failure listing every issue (warnings included, so nothing is lost); only
 * warnings give a success with those warnings.
 */
export function resultFromIssues<T>(value: T, issues: readonly Issue[]): LoadResult<T> {
  return hasErrors(issues) ? failure(issues) : success(value, issues);
}
