import { formatIssue } from '@ratecut/sim-core';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readJsonFile } from '@ratecut/data-loader';
import { notAFileIssue } from '../../cli/read-input-file';
import { scenarioSchema, type Scenario } from './scenario-schema';

/** Names of the built-in scenarios shipped in `<dataDir>/scenarios/`. */
export function builtinScenarioNames(dataDir: string): string[] {
  const dir = join(dataDir, 'scenarios');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort() : [];
}

/**
 * Loads a scenario by built-in name or from a JSON file and validates it with the zod schema.
 * Errors are lines `file[:line:column]: error bad-scenario: path: message`: the file is read
 * with data-loader's `readJsonFile` (a folder or FIFO refused by name, a byte-order mark
 * ignored, every syntax error and every schema error located by line and column).
 */
export function loadScenario(nameOrFile: string, dataDir: string, cwd: string): { ok: true; value: Scenario; file: string } | { ok: false; errors: string[] } {
  const builtin = join(dataDir, 'scenarios', `${nameOrFile}.json`);
  const file = /^[a-z0-9-]+$/.test(nameOrFile) && existsSync(builtin) ? builtin : resolve(cwd, nameOrFile);
  if (!existsSync(file)) {
    return { ok: false, errors: [`${nameOrFile}: error bad-scenario: no such scenario file, and not a built-in (built-ins: ${builtinScenarioNames(dataDir).join(', ')})`] };
  }
  const notFile = notAFileIssue(file, '/');
  if (notFile !== null) return { ok: false, errors: [notFile] };
  const read = readJsonFile(file, scenarioSchema, 'bad-scenario');
  if (!read.ok) return { ok: false, errors: read.issues.map(formatIssue) };
  return { ok: true, value: read.value, file };
}
