import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main';
import { captureIo } from './capture-io';

/** A scenario on the fixture market (writeFixture): two 25 bp cuts, 3 months, every cycle's history; `paths` is the caller's. */
export const fixtureScenario = (paths: number): Record<string, unknown> => ({
  name: 'fixture-cuts', title: 'Fixture cuts', cutPath: { kind: 'meetings', cutsBp: [25, 25] }, horizon: { months: 3 },
  history: { kind: 'all-cycles' }, windowMonths: 12, method: { kind: 'stationary', meanBlock: 5 }, paths, seed: 7,
});

/** A temporary folder holding `scenario.json`, where `run` runs ratecut (in this process). */
export interface ScenarioFolder {
  readonly dir: string;
  run(args: string[]): Promise<{ code: number; out: string; err: string }>;
}

/** A fresh {@link ScenarioFolder} with `scenario` written as `scenario.json`. */
export function scenarioFolder(scenario: unknown, name = 'ratecut-run-'): ScenarioFolder {
  const dir = mkdtempSync(join(tmpdir(), name));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario, null, 2));
  return {
    dir,
    run: async (args) => {
      const io = captureIo({}, dir);
      const code = await main(args, io);
      return { code, out: io.out(), err: io.err() };
    },
  };
}

/** Every file of a folder (not its sub-folders, nor the names in `skip`), by name, as bytes. */
export function filesOf(dir: string, skip: readonly string[] = []): Record<string, Buffer> {
  return Object.fromEntries(readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !skip.includes(e.name)).map((e) => e.name).sort()
    .map((f) => [f, readFileSync(join(dir, f))]));
}

/**
 * The two commands the split-run tests run every way (in one process, in shards, on a queue),
 * on the fixture data in `data`: the scenario with strategies and a target, and a 300-combination
 * relative-momentum sweep.
 */
export function splitRunCommands(data: string): { readonly simulate: string[]; readonly sweep: string[] } {
  return {
    simulate: ['simulate', 'scenario.json', '--data', data, '--strategy-paths', '11000', '--target', 'small:+5%'],
    sweep: ['backtest', '--strategy', 'relative-momentum', '--sweep', 'k=1..6', '--sweep', 'threshold=0..0.049:0.001', '--data', data],
  };
}

/**
 * {@link splitRunCommands} as `it.each` rows: the case's name, its command and the file it
 * writes with `--out`.
 */
export function splitRunCases(data: string): [string, string[], string][] {
  const { simulate, sweep } = splitRunCommands(data);
  return [['simulate', simulate, 'r.json'], ['a sweep', sweep, 'r.csv']];
}
