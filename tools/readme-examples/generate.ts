/**
 * Regenerates README.md's example outputs: each `<!-- example: ID -->` region is replaced by a
 * caption naming the exact command and a code block with what that command printed on the real
 * data (stdout and stderr interleaved), run in a scratch folder. `--bench FILE` (the lines of
 * `npm run bench -- --json`) also fills the `bench` region with a table of the measured times and
 * the machine they come from. `--check` only validates the markers. Never edit a region by hand.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXAMPLES, type Example } from './examples';
import { findRegions, replaceRegions } from './markers';

interface Options {
  readonly bench?: string;
  readonly only?: readonly string[];
  readonly check: boolean;
}

function parse(args: readonly string[]): Options {
  let bench: string | undefined, only: string[] | undefined, check = false;
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i];
    if (a === '--check') check = true;
    else if (a === '--bench' && args[i + 1] !== undefined) bench = args[(i += 1)];
    else if (a === '--only' && args[i + 1] !== undefined) only = args[(i += 1)].split(',');
    else throw new Error(`unknown argument '${a}'; expected --bench FILE, --only id,..., --check`);
  }
  return { check, ...(bench === undefined ? {} : { bench }), ...(only === undefined ? {} : { only }) };
}

const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/** Runs `ratecut args` in `cwd`; returns its interleaved output, or throws with it on a non-zero exit. */
function ratecut(root: string, cwd: string, dataDir: string, args: readonly string[]): string {
  const log = path.join(cwd, '.output');
  const fd = fs.openSync(log, 'w');
  try {
    const r = spawnSync(process.execPath, [path.join(root, 'apps/runner/bin/ratecut.js'), ...args], {
      cwd, stdio: ['ignore', fd, fd], env: { ...process.env, RATECUT_DATA: dataDir, NO_COLOR: '1' },
    });
    const text = fs.readFileSync(log, 'utf8');
    if (r.status !== 0) throw new Error(`ratecut ${args.join(' ')} exited ${r.status}:\n${text}`);
    return text;
  } finally {
    fs.closeSync(fd);
    fs.rmSync(log, { force: true });
  }
}

function exampleBody(root: string, dataDir: string, ex: Example): string[] {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ratecut-readme-'));
  try {
    for (const s of ex.setup ?? []) ratecut(root, cwd, dataDir, s);
    const text = ratecut(root, cwd, dataDir, ex.args)
      .split(dataDir).join('../shared/data')
      .split(cwd + path.sep).join('');
    const lines = text.replace(/\n+$/, '').split('\n').map((l) => l.replace(/\s+$/, ''));
    const shown = ex.abridge ? ex.abridge(lines) : lines;
    const command = `RATECUT_DATA=../shared/data npx ratecut ${ex.args.map(quote).join(' ')}`;
    const abridged = shown.length !== lines.length ? ', abridged' : '';
    return [`Output on the real data (\`${command}\`${ex.note ? `, ${ex.note}` : ''}${abridged}):`, '', '```', ...shown, '```'];
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

interface BenchLine {
  readonly name: string;
  readonly seconds: number;
  readonly minSeconds: number;
  readonly maxSeconds: number;
  readonly runs: number;
  readonly targetSeconds?: number;
  readonly withinTarget?: boolean;
}

const secs = (s: number): string => (s < 1 ? `${(s * 1000).toPrecision(3)} ms` : `${s.toPrecision(3)} s`);

function benchBody(file: string): string[] {
  const rows = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l) as BenchLine);
  const cpu = os.cpus();
  const stamp = fs.statSync(file).mtime.toISOString().slice(0, 10);
  return [
    `Measured by \`npm run bench\` on ${stamp}: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} (a shared machine: absolute times drift 2–3× between runs).`,
    '',
    '| benchmark | median | min | max | runs | target |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| \`${r.name}\` | ${secs(r.seconds)} | ${secs(r.minSeconds)} | ${secs(r.maxSeconds)} | ${r.runs} | ${r.targetSeconds === undefined ? '' : `< ${secs(r.targetSeconds)}${r.withinTarget === false ? ' (missed)' : ''}`} |`),
  ];
}

/** Entry point: returns the process exit code. */
export async function main(args: readonly string[], root: string): Promise<number> {
  try {
    const o = parse(args);
    const readme = path.join(root, 'README.md');
    const lines = fs.readFileSync(readme, 'utf8').split('\n');
    const ids = new Set(findRegions(lines).map((r) => r.id));
    const known = new Set([...EXAMPLES.map((e) => e.id), 'bench']);
    const unknown = [...ids].filter((id) => !known.has(id));
    const missing = [...known].filter((id) => !ids.has(id));
    if (unknown.length || missing.length) {
      throw new Error(`README.md: ${[unknown.length ? `unknown example ids: ${unknown.join(', ')}` : '', missing.length ? `no region for: ${missing.join(', ')}` : ''].filter(Boolean).join('; ')}`);
    }
    if (o.check) { process.stdout.write(`README.md: ${ids.size} example regions, all known\n`); return 0; }
    const dataDir = path.resolve(process.env['RATECUT_DATA'] || path.join(root, '..', 'shared', 'data'));
    if (!fs.existsSync(path.join(dataDir, 'catalog.json'))) throw new Error(`${dataDir} holds no catalog.json: set RATECUT_DATA to the real data folder`);
    const bodies = new Map<string, string[]>();
    for (const ex of EXAMPLES) {
      if (o.only && !o.only.includes(ex.id)) continue;
      process.stderr.write(`running example ${ex.id}: ratecut ${ex.args.join(' ')}\n`);
      bodies.set(ex.id, exampleBody(root, dataDir, ex));
    }
    if (o.bench !== undefined) bodies.set('bench', benchBody(o.bench));
    const tmp = `${readme}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, replaceRegions(lines, bodies).join('\n'));
    fs.renameSync(tmp, readme);
    process.stderr.write(`README.md: regenerated ${[...bodies.keys()].join(', ')}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`readme-examples: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
