import { makeIssue } from '@ratecut/sim-core';
import type { Issue } from '@ratecut/sim-core';

/** Default number of issues reported per file before the rest are summarised. */
export const MAX_ISSUES_PER_FILE = 50;

/**
 * Orders issues by file, line and column, then keeps at most `max` per file and appends one
 * issue per file saying how many more were suppressed and of which codes. The summary is an
 * error when any suppressed issue is an error, so capping never turns a failure into success.
 */
export function capIssues(issues: readonly Issue[], max: number = MAX_ISSUES_PER_FILE): Issue[] {
  const sorted = [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
  const byFile = new Map<string, Issue[]>();
  for (const issue of sorted) {
    const list = byFile.get(issue.file) ?? [];
    list.push(issue);
    byFile.set(issue.file, list);
  }
  const out: Issue[] = [];
  for (const [file, list] of byFile) {
    out.push(...list.slice(0, max));
    const rest = list.slice(max);
    const first = rest[0];
    if (first === undefined) continue;
    const counts = new Map<string, number>();
    for (const r of rest) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
    const summary = [...counts].map(([code, n]) => `${code} x${n}`).join(', ');
    const severity = rest.some((r) => r.severity === 'error') ? 'error' : 'warning';
    out.push(
      makeIssue(first.code, severity, file, `${rest.length} more issues in this file were suppressed (${summary}); the first is on line ${first.line ?? '?'}`, {
        line: first.line,
      }),
    );
  }
  return out;
}
