import type { Issue, IssueCode } from './issue';

/** Where an issue sits in a file: 1-based line and column, and the JSON path of the value; each optional. */
export interface IssueLocation {
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly jsonPath?: string | undefined;
  /** The span of observation days the issue is about (see `Issue.days`). */
  readonly days?: { readonly from: number; readonly to: number } | undefined;
}

/**
 * Builds an {@link Issue}, leaving out `line`, `column` and `jsonPath` when they are unknown (the issue
 * type uses exact optional properties, so an absent location is omitted, never `undefined`).
 */
export function makeIssue(
  code: IssueCode,
  severity: Issue['severity'],
  file: string,
  message: string,
  at: IssueLocation = {},
): Issue {
  return {
    code,
    severity,
    file,
    ...(at.line !== undefined ? { line: at.line } : {}),
    ...(at.column !== undefined ? { column: at.column } : {}),
    ...(at.jsonPath !== undefined ? { jsonPath: at.jsonPath } : {}),
    message,
    ...(at.days !== undefined ? { days: at.days } : {}),
  };
}

/** Shorthand for an error-severity {@link makeIssue}. */
export function errorIssue(code: IssueCode, file: string, message: string, at: IssueLocation = {}): Issue {
  return makeIssue(code, 'error', file, message, at);
}
