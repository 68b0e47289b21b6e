import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { CommandIo } from '../../cli/command';
import { openCatalog } from '../../cli/open-catalog';
import { parseOptions } from '../../cli/parse-options';
import { styleOf } from '../../cli/output-style';
import { toJsonText } from '../../cli/json-text';
import { replaceFolder } from '@ratecut/studies/output';
import { backtestCommand } from '../backtest/backtest-command';
import { cyclesCommand } from '../cycles/cycles-command';
import { reportCommand } from '../report/report-command';
import { simulateCommand } from '../simulate/simulate-command';

/** The printed cycle table starts here (the target era); the files and the backtest use every cycle. */
const DEMO_CYCLES_SINCE = '1984-01-01';

/** The two demo scenarios. */
const SCENARIOS = ['insurance-cuts', 'recession-easing'] as const;

/** True for the names of files a demo writes (so an earlier demo's folder may be replaced). */
const isDemoFile = (name: string): boolean =>
  /^(?:cycles\.json|report\.html|(?:backtest|insurance-cuts|recession-easing)\.(?:json|[a-z]+\.csv))$/.test(name);

/**
 * `ratecut demo`: runs cycles, backtest, two simulations and the report in this process, each
 * step through its own command (the demo computes nothing itself), and lists the files
 * written. The report shows the cycle table first (the direct answer), then the backtest and
 * the simulations. The output folder is replaced as a whole (`replaceFolder` of @ratecut/studies): the steps write
 * into a staging folder beside it, which is swapped in only when every step succeeded, so the
 * folder never mixes two runs. A folder holding other files is refused.
 */
export async function demoCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const o = parseOptions(args, { data: { type: 'string' }, 'allow-outside-data': { type: 'boolean' }, out: { type: 'string' } });
  const out = o.out ?? join('results', 'demo');
  // The writing steps run inside the staging folder: relative data paths are made absolute.
  const data = [
    ...(o.data === undefined ? [] : ['--data', o.data === '' || isAbsolute(o.data) ? o.data : resolve(io.cwd, o.data)]),
    ...(o['allow-outside-data'] === true ? ['--allow-outside-data'] : []),
  ];
  const envData = io.env['RATECUT_DATA'];
  const env = envData === undefined || envData === '' || isAbsolute(envData) ? io.env : { ...io.env, RATECUT_DATA: resolve(io.cwd, envData) };
  const style = styleOf(io);
  const written: string[] = [];
  const seen = new Set<string>();
  // Every step loads the same data: print each warning (and the synthetic notice) once.
  const stderrOnce = (t: string): void => {
    for (const line of t.split('\n').filter((l) => l.length > 0)) {
      if (!seen.has(line)) { seen.add(line); io.stderr(`${line}\n`); }
    }
  };
  // The steps print their tables (not their JSON) under the demo's titles, or nothing under --json;
  // the files they write are collected for the list at the end.
  const stepIo = (x: CommandIo, stdout: boolean): CommandIo => ({
    ...x, style: { ...style, json: false }, stderr: stderrOnce, stdout: stdout && !style.json ? x.stdout : () => undefined,
    onWritten: (paths) => { written.push(...paths); },
  });
  const step = (title: string): CommandIo => {
    if (!style.json) io.stdout(`\n=== ${title} ===\n`);
    return stepIo(io, true);
  };

  // Resolve the data once up front so a synthetic sample is announced on the first line.
  const opened = openCatalog({ ...io, stderr: stderrOnce }, o.data, { allowOutsideData: o['allow-outside-data'] });
  if (!opened) return 1;
  if (opened.syntheticNotice !== null && !style.json) io.stdout(`${opened.syntheticNotice}\n`);

  const code = await cyclesCommand(
    [...data, '--since', DEMO_CYCLES_SINCE],
    step(`1. Fed easing cycles since ${DEMO_CYCLES_SINCE} (the FOMC target era; cycles.json and the backtest below use every detected cycle) and small vs large returns after the first cut`),
  );
  if (code !== 0) return code;
  const replaced = await replaceFolder(out, { cwd: io.cwd, mayReplace: (entries) => entries.every(isDemoFile), commit: (c: number) => c === 0 }, async (staging): Promise<number> => {
    // Each step writes into the staging folder with paths relative to it (as recorded in the files).
    const inStage = (x: CommandIo): CommandIo => ({ ...x, cwd: staging, env });
    let c = await cyclesCommand([...data, '--format', 'json', '--out', 'cycles.json', '--force'], inStage(stepIo(io, false)));
    if (c !== 0) return c;
    c = await backtestCommand([...data, '--out', 'backtest.json', '--force'], inStage(step('2. Backtest of the built-in rotation strategies across easing cycles')));
    if (c !== 0) return c;
    const simulated: string[] = [];
    for (const [i, name] of SCENARIOS.entries()) {
      const stepIo = step(`${3 + i}. Monte Carlo: ${name} (P(small >= +20%) and P(small beats large))`);
      // A scenario whose analog cycles the data do not contain is reported and skipped (no file written).
      c = await simulateCommand(
        [name, ...data, '--paths', '50000', '--strategy-paths', '100', '--target', 'small:+20%', '--target', 'spread:0%', '--out', `${name}.json`, '--force'],
        inStage(stepIo),
        { skipUncovered: true },
      );
      if (c !== 0) return c;
      if (existsSync(join(staging, `${name}.json`))) simulated.push(name);
    }
    // The cycle table first: it answers the seed question (do small caps beat large caps after the first cut?).
    c = await reportCommand(['cycles', 'backtest', ...simulated].map((n) => `${n}.json`).concat(['--out', 'report.html', '--force']), inStage(stepIo(io, false)));
    if (c !== 0) return c;
    // The files are listed where they will be once the staging folder is swapped in.
    for (const [i, w] of written.entries()) if (w.startsWith(staging)) written[i] = join(resolve(io.cwd, out), w.slice(staging.length));
    return 0;
  });
  if (replaced.value !== 0) return replaced.value;
  const report = written[written.length - 1];
  if (style.json) {
    io.stdout(toJsonText({ ...(opened.syntheticNotice === null ? {} : { notice: opened.syntheticNotice }), command: 'demo', folder: resolve(io.cwd, out), files: written, report }));
  } else {
    io.stdout(`\n=== Files ===\n${written.map((w) => `  ${w}`).join('\n')}\nOpen the report in a browser: ${report}\n`);
  }
  return 0;
}
