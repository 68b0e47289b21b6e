import { basename, resolve } from 'node:path';
import { readScannedJson } from '@ratecut/data-loader';
import { backtestResultSchema } from '@ratecut/contracts';
import { jsonPathOf, type Issue, type LoadResult } from '@ratecut/sim-core';
import type { z } from 'zod';
import type { CompareInput } from './compare-input';
import { recogniseResult } from './recognise-result';
import { simulateFileSchema } from './simulate-file-schema';

/**
 * Reads one JSON result file for a comparison (`file` as given, resolved against `cwd`) with
 * the JSON reader of the data loader (a byte-order mark ignored; syntax errors, a cut-off file
 * included, at their line and column), recognises it by the schema-version rule, and checks it
 * against its schema: `backtestResultSchema` of `@ratecut/contracts` for a backtest, the simulate
 * reader's schema for a simulation. Every schema violation is a `bad-result` issue at the line
 * and column of the offending value (or of its nearest enclosing value), its message starting
 * with the value's JSON path. Every issue names `file` as given.
 */
export function readCompareJson(file: string, cwd: string): LoadResult<CompareInput> {
  const read = readScannedJson(resolve(cwd, file), 'bad-json');
  if (!read.ok) return { ok: false, issues: read.issues.map((i): Issue => ({ ...i, file })) };
  const { value: json, at } = read.value;
  const recognised = recogniseResult(file, json);
  if (!recognised.ok) return recognised;
  const { kind, schema } = recognised.value;
  const name = basename(file);
  const schemaIssues = (error: z.ZodError): LoadResult<CompareInput> => ({
    ok: false,
    issues: error.issues.map((i): Issue => ({ code: 'bad-result', severity: 'error', file, ...at(i.path), jsonPath: jsonPathOf(i.path), message: `${jsonPathOf(i.path) || '(root)'}: ${i.message}` })),
  });
  if (kind === 'backtest') {
    const parsed = backtestResultSchema.safeParse(json);
    return parsed.success ? { ok: true, value: { kind, file, name, schema, doc: parsed.data }, warnings: [] } : schemaIssues(parsed.error);
  }
  const parsed = simulateFileSchema.safeParse(json);
  return parsed.success ? { ok: true, value: { kind, file, name, schema, doc: parsed.data }, warnings: [] } : schemaIssues(parsed.error);
}
