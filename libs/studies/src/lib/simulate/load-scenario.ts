import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scenarioSchema, type Scenario } from '@ratecut/contracts';
import { describeFileType, readJsonFile } from '@ratecut/data-loader';
import type { LoadResult } from '@ratecut/sim-core';

/** Names of the built-in scenarios shipped in `<dataDir>/scenarios/`, sorted. */
export function builtinScenarioNames(dataDir: string): string[] {
  const dir = join(dataDir, 'scenarios');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort() : [];
}

/** A validated scenario and the file it came from. */
export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The scenario file: the built-in's path, or the given path resolved against the working directory. */
  readonly file: string;
}

/**
 * Loads a scenario by built-in name (a file in `<dataDir>/scenarios/`) or from a JSON file
 * (resolved against `cwd`) and validates it with the contracts' scenario schema. Never throws
 * for a user mistake; every problem is an issue naming the file:
 * - `bad-scenario` for a name that is neither a file nor a built-in (the built-ins listed);
 * - `not-a-file` for a folder, FIFO or device given as the file;
 * - data-loader's `readJsonFile` issues: every syntax error and every schema error with its
 *   line, column and JSON path (code `bad-scenario`); a byte-order mark is ignored.
 */
export function loadScenario(nameOrFile: string, dataDir: string, cwd: string): LoadResult<LoadedScenario> {
  const builtin = join(dataDir, 'scenarios', `${nameOrFile}.json`);
  const file = /^[a-z0-9-]+$/.test(nameOrFile) && existsSync(builtin) ? builtin : resolve(cwd, nameOrFile);
  if (!existsSync(file)) {
    return {
      ok: false,
      issues: [{ code: 'bad-scenario', severity: 'error', file: nameOrFile, message: `no such scenario file, and not a built-in (built-ins: ${builtinScenarioNames(dataDir).join(', ')})` }],
    };
  }
  const stat = statSync(file);
  if (!stat.isFile()) return { ok: false, issues: [{ code: 'not-a-file', severity: 'error', file, message: `is ${describeFileType(stat)}; name a file` }] };
  const read = readJsonFile(file, scenarioSchema, 'bad-scenario');
  if (!read.ok) return read;
  return { ok: true, value: { scenario: read.value, file }, warnings: read.warnings };
}
