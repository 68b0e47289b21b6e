import { backtestConfigSchema, type ResolvedBacktestConfig } from '@ratecut/contracts';
import type { LoadResult } from '@ratecut/sim-core';
import { configIssue, type ConfigSource } from './config-source';

/**
 * Checks a backtest configuration (a file's object with the flags applied) against the
 * contracts schema and fills in its defaults. Every violation is a `bad-config` issue at the
 * value's JSON path, located in the file or on the command line (see {@link configIssue}).
 */
export function validateBacktestConfig(raw: unknown, source: ConfigSource): LoadResult<ResolvedBacktestConfig> {
  const parsed = backtestConfigSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data, warnings: [] };
  return { ok: false, issues: parsed.error.issues.map((i) => configIssue(source, i.path, 'bad-config', i.message)) };
}
