/**
 * Regenerates README.md's example outputs: each `<!-- example: ID -->` region is replaced by a
 * caption naming the exact command and a code block with what that command printed on the real
 * data (stdout and stderr interleaved), run in a scratch folder. `--check` only validates the
 * markers; `--verify` regenerates in memory and fails when README.md differs (CI). Never edit a
 * region by hand.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXAMPLES, type Example } from './examples';
import { findRegions, replaceRegions } from './markers';

interface Options {
  readonly only?: readonly string[];
  readonly check: boolean;
  /** Regenerate in memory and fail (exit 1, naming the regions and their first difference) when README.md differs. */
  readonly verify: boolean;
}

function parse(args: readonly string[]): Options {
  let only: string[] | undefined, check = false, verify = false;
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i];
    if (a === '--check') check = true;
    else if (a === '--verify') verify = true;
    else if (a === '--only' && args[i + 1] !== undefined) only = args[(i += 1)].split(',');
    else throw new Error(`unknown argument '${a}'; expected --only id,..., --check, --verify`);
  }
  return { check, verify, ...(only === undefined ? {} : { only }) };
}

const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

/** Runs `ratecut args` in `cwd`; returns its interleaved output, or throws with it on a non-zero exit. */
function ratecut(root: string, cwd: string, dataDir: string, args: readonly string[]): string {
  const log = path.join(cwd, '.output');
  const fd = fs.openSync(log, 'w');
  try {
    const r = spawnSync(process.execPath, [path.join(root, 'dist/cli/ratecut.js'), ...args], {
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

/** Entry point: returns the process exit code. */
export async function main(args: readonly string[], root: string): Promise<number> {
  try {
    const o = parse(args);
    const readme = path.join(root, 'README.md');
    const lines = fs.readFileSync(readme, 'utf8').split('\n');
    const ids = new Set(findRegions(lines).map((r) => r.id));
    const known = new Set(EXAMPLES.map((e) => e.id));
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
    const updated = replaceRegions(lines, bodies);
    if (o.verify) {
      const stale = findRegions(updated).filter((r) => {
        const before = findRegions(lines).find((b) => b.id === r.id);
        return before === undefined || lines.slice(before.open + 1, before.close).join('\n') !== updated.slice(r.open + 1, r.close).join('\n');
      });
      if (stale.length === 0) { process.stderr.write(`README.md: the ${bodies.size} example outputs are what the code prints\n`); return 0; }
      for (const r of stale) {
        const before = findRegions(lines).find((b) => b.id === r.id);
        const old = before === undefined ? [] : lines.slice(before.open + 1, before.close), now = updated.slice(r.open + 1, r.close);
        let k = 0;
        while (k < old.length && k < now.length && old[k] === now[k]) k += 1;
        process.stderr.write(`README.md: example ${r.id} differs from what the code prints, from its line ${k + 1}:\n  README: ${old[k] ?? '(end)'}\n  code:   ${now[k] ?? '(end)'}\n`);
      }
      process.stderr.write('run `npm run docs:examples` to regenerate them\n');
      return 1;
    }
    const tmp = `${readme}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, updated.join('\n'));
    fs.renameSync(tmp, readme);
    process.stderr.write(`README.md: regenerated ${[...bodies.keys()].join(', ')}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`readme-examples: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
