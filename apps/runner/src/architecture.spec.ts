import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The architecture is enforced by lint: these probes lint small sources as if they lived in
 * each project and expect the boundary rules to fire.
 */
const root = join(__dirname, '..', '..', '..');

/** Rule ids ESLint reports for `code` linted as `<project>/src/lib/architecture-probe.ts` (run as a child process, as `nx lint` does). */
async function lintAs(project: string, code: string): Promise<string[]> {
  const cwd = join(root, project);
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', join(cwd, 'src', 'lib', 'architecture-probe.ts')],
    { cwd, input: code, encoding: 'utf8' },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('module boundaries', () => {
  jest.setTimeout(60_000);

  it('forbids I/O modules, Math.random and workspace imports in sim-core', async () => {
    const rules = await lintAs('libs/sim-core', [
      "import { readFileSync } from 'fs';",
      "import { get } from 'node:http';",
      "import { loadCatalog } from '@ratecut/data-loader';",
      'export const probe = [readFileSync, get, loadCatalog, Math.random()];',
    ].join('\n'));
    expect(rules.filter((r) => r === 'no-restricted-imports')).toHaveLength(2);
    expect(rules).toContain('@nx/enforce-module-boundaries');
    expect(rules).toContain('no-restricted-properties');
  });

  it('lets data-loader use sim-core but not the runner', async () => {
    expect(await lintAs('libs/data-loader', "import { formatDay } from '@ratecut/sim-core';\nexport const probe = formatDay;\n")).toEqual([]);
    const rules = await lintAs('libs/data-loader', "import { main } from '../../../../apps/runner/src/main';\nexport const probe = main;\n");
    expect(rules).toContain('@nx/enforce-module-boundaries');
  });

  it('keeps contracts to zod: no workspace library, no Node built-in', async () => {
    expect(await lintAs('libs/contracts', "import { z } from 'zod';\nexport const probe = z.string();\n")).toEqual([]);
    const rules = await lintAs('libs/contracts', [
      "import { formatDay } from '@ratecut/sim-core';",
      "import { loadCatalog } from '@ratecut/data-loader';",
      "import { readFileSync } from 'node:fs';",
      'export const probe = [formatDay, loadCatalog, readFileSync];',
    ].join('\n'));
    expect(rules.filter((r) => r === '@nx/enforce-module-boundaries')).toHaveLength(2);
    expect(rules).toContain('no-restricted-imports');
  });

  it('lets the runner and data-loader use contracts', async () => {
    const probe = "import { checkSchemaVersion } from '@ratecut/contracts';\nexport const probe = checkSchemaVersion;\n";
    expect(await lintAs('apps/runner', probe)).toEqual([]);
    expect(await lintAs('libs/data-loader', probe)).toEqual([]);
  });

  it('lets studies use contracts, data-loader and sim-core, but not the runner', async () => {
    expect(await lintAs('libs/studies', [
      "import { checkSchemaVersion } from '@ratecut/contracts';",
      "import { loadCatalog } from '@ratecut/data-loader';",
      "import { formatDay } from '@ratecut/sim-core';",
      "import { join } from 'node:path';",
      'export const probe = [checkSchemaVersion, loadCatalog, formatDay, join];',
    ].join('\n'))).toEqual([]);
    const rules = await lintAs('libs/studies', "import { main } from '../../../../apps/runner/src/main';\nexport const probe = main;\n");
    expect(rules).toContain('@nx/enforce-module-boundaries');
  });

  it('keeps studies out of the layers below them, and lets the runner use them', async () => {
    const probe = "import { runStudy } from '@ratecut/studies';\nexport const probe = runStudy;\n";
    expect(await lintAs('apps/runner', probe)).toEqual([]);
    for (const lib of ['libs/data-loader', 'libs/contracts', 'libs/sim-core']) {
      expect(await lintAs(lib, probe)).toContain('@nx/enforce-module-boundaries');
    }
  });

  it('accepts clean sim-core code', async () => {
    expect(await lintAs('libs/sim-core', 'export const probe = (x: number): number => x * 2;\n')).toEqual([]);
  });
});
