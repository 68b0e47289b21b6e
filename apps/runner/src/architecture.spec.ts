import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The architecture is enforced by lint: these probes lint small sources as if they lived in
 * each project and expect the boundary rules to fire. All probes are linted by one child
 * process (ESLint's API, one instance per project, as `nx lint` runs it from the project
 * folder), so the rules are those of each project's own `eslint.config.mjs`.
 */
const root = join(__dirname, '..', '..', '..');

interface Probe { readonly project: string; readonly code: string }

const lintScript = `
import { ESLint } from 'eslint';
import { join } from 'node:path';
const probes = JSON.parse(await new Promise((resolve) => { let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => resolve(s)); }));
const engines = new Map();
const out = [];
for (const p of probes) {
  const cwd = join(process.argv[1], p.project);
  if (!engines.has(cwd)) engines.set(cwd, new ESLint({ cwd }));
  const [result] = await engines.get(cwd).lintText(p.code, { filePath: join(cwd, 'src', 'lib', 'architecture-probe.ts') });
  out.push(result.messages.map((m) => m.ruleId ?? m.message));
}
process.stdout.write('\\n@@probe-results@@' + JSON.stringify(out));
`;

/** Rule ids ESLint reports for each probe linted as `<project>/src/lib/architecture-probe.ts`. */
function lintAll(probes: readonly Probe[]): string[][] {
  // The boundary rule reads Nx's cached project graph and is skipped when there is none (a fresh
  // clone where no nx command has run yet): compute the graph first, and refuse a skipped rule.
  const graph = spawnSync(process.execPath, [require.resolve('nx/bin/nx', { paths: [root] }), 'show', 'projects'], { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } });
  if (graph.status !== 0) throw new Error(`nx show projects failed: ${graph.stderr}`);
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', lintScript, root], { cwd: root, input: JSON.stringify(probes), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  // Nx may print notices (e.g. about its project-graph cache) on stdout before the results.
  if (/will be skipped/i.test(run.stdout + run.stderr)) throw new Error(`a lint rule was skipped: ${run.stdout}${run.stderr}`);
  const marker = run.stdout.lastIndexOf('@@probe-results@@');
  if (marker < 0) throw new Error(`eslint printed no results: ${run.stdout}`);
  return JSON.parse(run.stdout.slice(marker + '@@probe-results@@'.length)) as string[][];
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const runnerImport = "import { main } from '../../../../apps/runner/src/main';\nexport const probe = main;\n";
const studiesImport = "import { runStudy } from '@ratecut/studies';\nexport const probe = runStudy;\n";
const contractsImport = "import { checkSchemaVersion } from '@ratecut/contracts';\nexport const probe = checkSchemaVersion;\n";

const PROBES = {
  coreForbidden: { project: 'libs/sim-core', code: lines(
    "import { readFileSync } from 'fs';",
    "import { get } from 'node:http';",
    "import { loadCatalog } from '@ratecut/data-loader';",
    'export const probe = [readFileSync, get, loadCatalog, Math.random()];',
  ) },
  coreClean: { project: 'libs/sim-core', code: 'export const probe = (x: number): number => x * 2;\n' },
  dataUsesCore: { project: 'libs/data-loader', code: "import { formatDay } from '@ratecut/sim-core';\nexport const probe = formatDay;\n" },
  dataUsesRunner: { project: 'libs/data-loader', code: runnerImport },
  dataUsesContracts: { project: 'libs/data-loader', code: contractsImport },
  contractsClean: { project: 'libs/contracts', code: "import { z } from 'zod';\nexport const probe = z.string();\n" },
  contractsForbidden: { project: 'libs/contracts', code: lines(
    "import { formatDay } from '@ratecut/sim-core';",
    "import { loadCatalog } from '@ratecut/data-loader';",
    "import { readFileSync } from 'node:fs';",
    'export const probe = [formatDay, loadCatalog, readFileSync];',
  ) },
  runnerUsesContracts: { project: 'apps/runner', code: contractsImport },
  runnerUsesStudies: { project: 'apps/runner', code: studiesImport },
  studiesUsesLower: { project: 'libs/studies', code: lines(
    "import { checkSchemaVersion } from '@ratecut/contracts';",
    "import { loadCatalog } from '@ratecut/data-loader';",
    "import { formatDay } from '@ratecut/sim-core';",
    "import { join } from 'node:path';",
    'export const probe = [checkSchemaVersion, loadCatalog, formatDay, join];',
  ) },
  studiesUsesRunner: { project: 'libs/studies', code: runnerImport },
  dataUsesStudies: { project: 'libs/data-loader', code: studiesImport },
  contractsUsesStudies: { project: 'libs/contracts', code: studiesImport },
  coreUsesStudies: { project: 'libs/sim-core', code: studiesImport },
} satisfies Record<string, Probe>;

describe('module boundaries', () => {
  jest.setTimeout(60_000);
  let rules: Record<keyof typeof PROBES, string[]>;
  beforeAll(() => {
    const names = Object.keys(PROBES) as (keyof typeof PROBES)[];
    const results = lintAll(names.map((n) => PROBES[n]));
    rules = Object.fromEntries(names.map((n, i) => [n, results[i]])) as typeof rules;
  });

  it('forbids I/O modules, Math.random and workspace imports in sim-core', () => {
    expect(rules.coreForbidden.filter((r) => r === 'no-restricted-imports')).toHaveLength(2);
    expect(rules.coreForbidden).toContain('@nx/enforce-module-boundaries');
    expect(rules.coreForbidden).toContain('no-restricted-properties');
  });

  it('lets data-loader use sim-core and contracts but not the runner', () => {
    expect(rules.dataUsesCore).toEqual([]);
    expect(rules.dataUsesContracts).toEqual([]);
    expect(rules.dataUsesRunner).toContain('@nx/enforce-module-boundaries');
  });

  it('keeps contracts to zod: no workspace library, no Node built-in', () => {
    expect(rules.contractsClean).toEqual([]);
    expect(rules.contractsForbidden.filter((r) => r === '@nx/enforce-module-boundaries')).toHaveLength(2);
    expect(rules.contractsForbidden).toContain('no-restricted-imports');
  });

  it('lets the runner use contracts and studies', () => {
    expect(rules.runnerUsesContracts).toEqual([]);
    expect(rules.runnerUsesStudies).toEqual([]);
  });

  it('lets studies use contracts, data-loader, sim-core and Node, but not the runner', () => {
    expect(rules.studiesUsesLower).toEqual([]);
    expect(rules.studiesUsesRunner).toContain('@nx/enforce-module-boundaries');
  });

  it('keeps studies out of the layers below them', () => {
    expect(rules.dataUsesStudies).toContain('@nx/enforce-module-boundaries');
    expect(rules.contractsUsesStudies).toContain('@nx/enforce-module-boundaries');
    expect(rules.coreUsesStudies).toContain('@nx/enforce-module-boundaries');
  });

  it('accepts clean sim-core code', () => {
    expect(rules.coreClean).toEqual([]);
  });
});
