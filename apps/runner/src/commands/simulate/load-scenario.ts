import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readInputJson } from '../../cli/read-input-file';
import { scenarioSchema, type Scenario } from './scenario-schema';

/** Names of the built-in scenarios shipped in `<dataDir>/scenarios/`. */
export function builtinScenarioNames(dataDir: string): string[] {
  const dir = join(dataDir, 'scenarios');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort() : [];
}

/**
 * Loads a scenario by built-in name or from a JSON file and validates it with the zod schema.
 * Errors are lines `file[:line:column]: error bad-scenario: path: message`: the file is read
 * like every JSON file named on the command line (cli/read-input-file.ts: a folder or FIFO is
 * refused by name, a byte-order mark ignored, every syntax error located by line and column).
 */
export function loadScenario(nameOrFile: string, dataDir: string, cwd: string): { ok: true; value: Scenario; file: string } | { ok: false; errors: string[] } {
  const builtin = join(dataDir, 'scenarios', `${nameOrFile}.json`);
  const file = /^[a-z0-9-]+$/.test(nameOrFile) && existsSync(builtin) ? builtin : resolve(cwd, nameOrFile);
  if (!existsSync(file)) {
    return { ok: false, errors: [`${nameOrFile}: error bad-scenario: no such scenario file, and not a built-in (built-ins: ${builtinScenarioNames(dataDir).join(', ')})`] };
  }
  const read = readInputJson(file, '/', 'bad-scenario');
  if (!read.ok) return { ok: false, errors: [read.issue] };
  const parsed = scenarioSchema.safeParse(read.value);
  if (!parsed.success) {
    const where = (path: readonly PropertyKey[]): string => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)';
    return { ok: false, errors: parsed.error.issues.map((i) => `${file}: error bad-scenario: ${where(i.path)}: ${i.message}`) };
  }
  return { ok: true, value: parsed.data, file };
}
