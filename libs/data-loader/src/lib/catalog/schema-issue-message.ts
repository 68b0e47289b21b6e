import type { z } from 'zod';
import { EXCERPT_MAX_CHARS, escapeText, quoteExcerpt, quoteExcerpts } from '../validation/excerpt';

/** A value found in a JSON file, in a few words: strings as short escaped excerpts, short values as JSON, long containers by kind. */
export function describeFoundValue(value: unknown): string {
  if (typeof value === 'string') return quoteExcerpt(value);
  const json = JSON.stringify(value) ?? String(value);
  if (json.length <= EXCERPT_MAX_CHARS) return escapeText(json);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'object' && value !== null ? 'an object' : quoteExcerpt(json);
}

/**
 * zod error map for files read by the loaders: says what was expected and what was found for
 * the issues a person is most likely to hit, quoting file content only through `quoteExcerpt`
 * (never a whole value). Returns `undefined` to keep zod's message for the other issues.
 */
export function schemaIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const found = issue.input === undefined ? undefined : describeFoundValue(issue.input);
  if (issue.code === 'invalid_type') {
    return found === undefined ? `missing; expected ${issue.expected}` : `expected ${issue.expected}, found ${found}`;
  }
  if (issue.code === 'invalid_value') {
    const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
    return `expected ${issue.values.length === 1 ? values : `one of ${values}`}, found ${found ?? 'nothing'}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${quoteExcerpts(issue.keys)}; expected only the documented settings`;
  }
  return undefined;
}
