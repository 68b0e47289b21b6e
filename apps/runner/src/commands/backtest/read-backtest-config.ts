import { formatIssue } from '@ratecut/sim-core';
import { resolve } from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '@ratecut/data-loader';
import { notAFileIssue } from '../../cli/read-input-file';
import { backtestConfigSchema, type BacktestConfigFile, type ResolvedBacktestConfig } from './backtest-config';

/** Reads a config file's raw JSON object; errors name the file (and line:column for syntax errors). */
export function readConfigFile(file: string, cwd: string): { ok: true; value: Record<string, unknown> } | { ok: false; errors: string[] } {
  const notFile = notAFileIssue(file, cwd);
  if (notFile !== null) return { ok: false, errors: [notFile] };
  const read = readJsonFile(resolve(cwd, file), z.record(z.string(), z.unknown()), 'bad-config');
  return read.ok ? { ok: true, value: read.value } : { ok: false, errors: read.issues.map(formatIssue) };
}

/** Validates a merged configuration with the zod schema; every problem names its JSON path. */
export function validateConfig(raw: BacktestConfigFile | Record<string, unknown>, source: string): { ok: true; value: ResolvedBacktestConfig } | { ok: false; errors: string[] } {
  const parsed = backtestConfigSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `${source}: error bad-config: ${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)'}: ${i.message}`),
  };
}
