import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { COMMANDS } from './commands/registry';
import { main } from './main';
import { captureIo } from './testing/capture-io';

/** This process's environment without colour: Nx runs the tests with FORCE_COLOR set, and the spawned CLI would colour its messages. */
const PLAIN_ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'FORCE_COLOR'));

/**
 * The compiled CLI (dist/cli, built by tools/build-cli on `npm ci` and before the tests): what
 * it bundles, and that it prints and writes what the sources do. These tests read the build,
 * so they need it (`npm run build-cli`).
 */
const root = join(__dirname, '..', '..', '..');
const BIN = join(root, 'dist', 'cli', 'ratecut.js');
const SAMPLE = join(root, 'data', 'sample');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourcesUnder(p) : p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

function runBin(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...PLAIN_ENV, RATECUT_DATA: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the compiled CLI', () => {
  it('bundles each command of the registry apart, as commands/<name>.js', async () => {
    for (const c of COMMANDS) {
      const bundle = join(root, 'dist', 'cli', 'commands', `${c.name}.js`);
      expect(existsSync(bundle)).toBe(true);
      const exported = (require(bundle) as Record<string, unknown>)[`${c.name}Command`];
      expect(typeof exported).toBe('function');
      expect(typeof (await c.load())).toBe('function');
    }
    expect(readFileSync(BIN, 'utf8')).toContain('require("./commands/cycles.js")');
  }, 60_000);

  it('bundles each study executor apart, exporting it by its exportName, where worker threads look for it', () => {
    // A study names its executor's module by __filename; the build points it at executors/<file>.js.
    const executors = sourcesUnder(join(root, 'libs', 'studies', 'src', 'lib'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/module: __filename,[\s\S]{0,80}?exportName: '(\w+)'/g)].map((m) => ({ file: basename(f, '.ts'), name: m[1] })));
    expect(executors.length).toBeGreaterThanOrEqual(6);
    for (const { file, name } of executors) {
      const bundle = join(root, 'dist', 'cli', 'executors', `${file}.js`);
      expect(existsSync(bundle)).toBe(true);
      expect(typeof (require(bundle) as Record<string, unknown>)[name]).toBe('function');
      const users = COMMANDS.filter((c) => readFileSync(join(root, 'dist', 'cli', 'commands', `${c.name}.js`), 'utf8').includes(`join(__dirname, "../executors/${file}.js")`));
      expect(users.length).toBeGreaterThan(0); // some command runs it, and names its bundle
    }
  }, 60_000);

  it('is built (npm ci and npm test build it: npm run build-cli)', () => {
    expect(existsSync(BIN)).toBe(true);
    expect(existsSync(join(root, 'dist', 'cli', 'commands', 'cycles.js'))).toBe(true);
    expect(existsSync(join(root, 'dist', 'cli', 'commands', 'block-worker.js'))).toBe(true);
  }, 60_000);

  it('prints what the sources print', async () => {
    const args = ['cycles', '--data', SAMPLE, '--format', 'json'];
    const io = captureIo();
    expect(await main(args, io)).toBe(0);
    const compiled = runBin(args, root);
    expect(compiled.status).toBe(0);
    expect(compiled.stdout).toBe(io.out());
    const help = runBin(['--help'], root);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: ratecut <command>/);
  }, 60_000);

  it('reports the commands\' usage and file errors as the sources do (its two bundles hold two copies of the error classes)', async () => {
    const cases: { args: string[]; env: NodeJS.ProcessEnv }[] = [
      { args: ['cycles'], env: { RATECUT_DATA: '' } },
      { args: ['report', 'missing.json', '--out', 'r.html'], env: {} },
    ];
    for (const { args, env } of cases) {
      const io = captureIo(env, root);
      const code = await main(args, io);
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8', env: { ...PLAIN_ENV, ...env } });
      expect(code).not.toBe(3);
      expect([r.status, r.stderr]).toEqual([code, io.err()]);
    }
  }, 60_000);

  it('runs a sweep on two worker threads, which load the executors from the bundle, with the sources\' numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-compiled-'));
    try {
      const args = ['backtest', '--data', SAMPLE, '--strategy', 'static-mix', '--sweep', 'small=0..1:0.004', '--workers', '2'];
      const compiled = runBin([...args, '--out', 'compiled.csv'], dir);
      expect(compiled.stderr).not.toMatch(/error|failed/i);
      expect(compiled.status).toBe(0);
      expect(await main([...args, '--workers', '1', '--out', 'sources.csv'], captureIo({}, dir))).toBe(0);
      // All but the command line (which names the output file); the table is the same for any worker count.
      const body = (f: string): string => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => !l.startsWith('# ratecut ')).join('\n');
      expect(body('compiled.csv').split('\n').length).toBeGreaterThan(250);
      expect(body('compiled.csv')).toBe(body('sources.csv'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
