import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scenarioSchema, type Scenario } from './scenario-schema';

/** Names of the built-in scenarios shipped in `<dataDir>/scenarios/`. */
export function builtinScenarioNames(dataDir: string): string[] {
  const dir = join(dataDir, 'scenarios');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort() : [];
}

/**
 * Loads a scenario by built-in name or from a JSON file and validates it with the zod schema.
 * Errors are lines `file[:line:column]: error bad-scenario: path: message`.
 */
export function loadScenario(nameOrFile: string, dataDir: string, cwd: string): { ok: true; value: Scenario; file: string } | { ok: false; errors: string[] } {
  const builtin = join(dataDir, 'scenarios', `${nameOrFile}.json`);
  const file = /^[a-z0-9-]+$/.test(nameOrFile) && existsSync(builtin) ? builtin : resolve(cwd, nameOrFile);
  if (!existsSync(file)) {
    return { ok: false, errors: [`${nameOrFile}: error bad-scenario: no such scenario file, and not a built-in (built-ins: ${builtinScenarioNames(dataDir).join(', ')})`] };
  }
  const text = readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    let at = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1])).split('\n');
      at = `:${before.length}:${before[before.length - 1].length + 1}`;
    }
    return { ok: false, errors: [`${file}${at}: error bad-scenario: not valid JSON: ${message}`] };
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${file}: error bad-scenario: ${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)'}: ${i.message}`),
    };
  }
  return { ok: true, value: parsed.data, file };
}
