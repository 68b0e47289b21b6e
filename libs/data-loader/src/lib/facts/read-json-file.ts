import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { DataIssue, LoadResult } from '../validation/data-issue';

/** 1-based line and column of a character offset in a text. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1, lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) { line += 1; lineStart = i + 1; }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Reads a JSON file and checks it against a zod schema. Every problem becomes an issue with
 * the file, the line and column of a syntax error, or the JSON path of a schema violation.
 */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S, code: DataIssue['code']): LoadResult<z.output<S>> {
  if (!existsSync(file)) {
    return { ok: false, issues: [{ code: 'missing-file', severity: 'error', file, message: 'file not found' }] };
  }
  const text = readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const at = pos ? lineColumn(text, Number(pos[1])) : {};
    return { ok: false, issues: [{ code, severity: 'error', file, ...at, message: `not valid JSON: ${message}` }] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data, warnings: [] };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      code,
      severity: 'error' as const,
      file,
      message: `${issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(root)'}: ${issue.message}`,
    })),
  };
}
