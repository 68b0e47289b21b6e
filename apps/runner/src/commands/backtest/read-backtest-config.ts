import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { backtestConfigSchema, type BacktestConfigFile, type ResolvedBacktestConfig } from './backtest-config';

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/** Reads a config file's raw JSON object; errors name the file (and line:column for syntax errors). */
export function readConfigFile(file: string, cwd: string): { ok: true; value: Record<string, unknown> } | { ok: false; errors: string[] } {
  const path = resolve(cwd, file);
  if (!existsSync(path)) return { ok: false, errors: [`${file}: error missing-file: config file not found`] };
  const text = readFileSync(path, 'utf8');
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, errors: [`${file}: error bad-config: expected a JSON object`] };
    return { ok: true, value: json as Record<string, unknown> };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    return { ok: false, errors: [`${file}${pos ? `:${lineColumn(text, Number(pos[1]))}` : ''}: error bad-config: not valid JSON: ${message}`] };
  }
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
