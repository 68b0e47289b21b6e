import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError, type CommandIo } from '../../cli/command';
import { openCatalog } from '../../cli/open-catalog';
import { parseOptions } from '../../cli/parse-options';
import { backtestCommand } from '../backtest/backtest-command';
import { cyclesCommand } from '../cycles/cycles-command';
import { writeReport } from '../report/write-report';
import { simulateCommand } from '../simulate/simulate-command';

/** The printed cycle table starts here (the target era); the files and the backtest use every cycle. */
const DEMO_CYCLES_SINCE = '1984-01-01';

/** The two demo scenarios. */
const SCENARIOS = ['insurance-cuts', 'recession-easing'] as const;

/**
 * `ratecut demo`: runs cycles, backtest, two simulations and the report in this process, each
 * step through its own command, and lists the files written. Outputs of an earlier demo in
 * the same folder are replaced.
 */
export async function demoCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const o = parseOptions(args, { data: { type: 'string' }, 'allow-outside-data': { type: 'boolean' }, out: { type: 'string' } });
  const out = o.out ?? join('results', 'demo');
  const data = [...(o.data === undefined ? [] : ['--data', o.data]), ...(o['allow-outside-data'] === true ? ['--allow-outside-data'] : [])];
  const written: string[] = [];
  const seen = new Set<string>();
  // Every step loads the same data: print each warning (and the synthetic notice) once.
  const stderrOnce = (t: string): void => {
    for (const line of t.split('\n').filter((l) => l.length > 0)) {
      if (!seen.has(line)) { seen.add(line); io.stderr(`${line}\n`); }
    }
  };
  // Collect "wrote" lines from each step, print everything else as it comes.
  const step = (title: string): CommandIo => {
    io.stdout(`\n=== ${title} ===\n`);
    return {
      ...io,
      stdout: (t) => io.stdout(t.split('\n').filter((l) => { if (l.startsWith('wrote ')) { written.push(l.slice(6)); return false; } return true; }).join('\n')),
      stderr: stderrOnce,
    };
  };

  // Resolve the data once up front so a synthetic sample is announced on the first line.
  const opened = openCatalog({ ...io, stderr: stderrOnce }, o.data, { allowOutsideData: o['allow-outside-data'] });
  if (!opened) return 1;
  if (opened.syntheticNotice !== null) io.stdout(`${opened.syntheticNotice}\n`);

  let code = await cyclesCommand(
    [...data, '--since', DEMO_CYCLES_SINCE],
    step(`1. Fed easing cycles since ${DEMO_CYCLES_SINCE} (the FOMC target era; cycles.json and the backtest below use every detected cycle) and small vs large returns after the first cut`),
  );
  if (code !== 0) return code;
  code = await cyclesCommand([...data, '--format', 'json', '--out', join(out, 'cycles.json'), '--force'], { ...io, stdout: () => undefined, stderr: (t) => { if (t.startsWith('wrote ')) written.push(t.slice(6).trim()); else stderrOnce(t); } });
  if (code !== 0) return code;
  code = await backtestCommand([...data, '--out', join(out, 'backtest.json'), '--force'], step('2. Backtest of the built-in rotation strategies across easing cycles'));
  if (code !== 0) return code;
  const simulated: string[] = [];
  for (const [i, name] of SCENARIOS.entries()) {
    const stepIo = step(`${3 + i}. Monte Carlo: ${name} (P(small >= +20%) and P(small beats large))`);
    try {
      code = await simulateCommand(
        [name, ...data, '--paths', '50000', '--strategy-paths', '100', '--target', 'small:+20%', '--target', 'spread:0%', '--out', join(out, `${name}.json`), '--force'],
        stepIo,
      );
    } catch (e) {
      // A scenario whose analog cycles the data do not contain is reported and skipped.
      if (!(e instanceof UsageError)) throw e;
      stepIo.stdout(`skipped: ${e.message}\n`);
      continue;
    }
    if (code !== 0) return code;
    simulated.push(name);
  }
  const docs = ['backtest', ...simulated].map((n) => {
    const file = join(out, `${n}.json`);
    return { file, doc: JSON.parse(readFileSync(resolve(io.cwd, file), 'utf8')) as unknown };
  });
  written.push(writeReport(docs, join(out, 'report.html'), true, io.cwd));
  io.stdout(`\n=== Files ===\n${written.map((w) => `  ${w}`).join('\n')}\nOpen the report in a browser: ${written[written.length - 1]}\n`);
  return 0;
}
