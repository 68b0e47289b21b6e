import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main';
import { captureIo } from './capture-io';
import { writeFixture } from './fixture-market';

/** A small simulate scenario on the fixture market (two analog cycles, 3-month horizon). */
export const FIXTURE_SCENARIO = {
  name: 'fixture-cuts', title: 'Fixture cuts', cutPath: { kind: 'meetings', cutsBp: [25, 25] }, horizon: { months: 3 },
  history: { kind: 'all-cycles' }, windowMonths: 12, method: { kind: 'stationary', meanBlock: 5 }, paths: 2000, seed: 7,
};

/**
 * The runs that write `spa.json` (`validate spa` over the strategies of `bt.json`, which must be
 * written first) and `sweep.csv` (a 4 × 3 `backtest --sweep` of relative momentum, k months ×
 * threshold) on the fixture market in `dataDir`.
 */
export function spaAndSweepRuns(dataDir: string): string[][] {
  return [
    ['validate', 'spa', 'bt.json', '--resamples', '300', '--out', 'spa.json'],
    ['backtest', '--strategy', 'relative-momentum', '--sweep', 'k=1..4', '--sweep', 'threshold=0..0.02:0.01', '--window=-3m..12m', '--data', dataDir, '--out', 'sweep.csv'],
  ];
}

/**
 * The runs that write `cycles.json` (`ratecut cycles --format json` on the fixture market in
 * `dataDir`) and `compare.json` (`ratecut compare --format json` of two one-strategy backtests,
 * `compare-a.json` with cut-trigger and `compare-b.json` with buy-and-hold small caps, written
 * first by the same runs), all in the working folder.
 */
export function cyclesAndCompareRuns(dataDir: string): string[][] {
  return [
    ['cycles', '--format', 'json', '--data', dataDir, '--out', 'cycles.json'],
    ['backtest', '--strategy', 'cut-trigger', '--window=-3m..12m', '--data', dataDir, '--out', 'compare-a.json'],
    ['backtest', '--strategy', 'buy-hold-small', '--window=-3m..12m', '--data', dataDir, '--out', 'compare-b.json'],
    ['compare', 'compare-a.json', 'compare-b.json', '--resamples', '300', '--format', 'json', '--out', 'compare.json'],
  ];
}

/**
 * Runs `ratecut cycles`, `ratecut backtest`, `ratecut simulate`, the `ratecut validate` tests and
 * `ratecut compare` in-process on the fixture market and returns the folder holding `cycles.json`,
 * `bt.json`, `sim.json`, `event.json`, `walk-forward.json`, `calibration.json`, `now.json`,
 * `spa.json`, `sweep.csv` and `compare.json` (for report tests).
 */
export async function writeFixtureResults(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ratecut-report-data-'));
  writeFixture(dataDir);
  const dir = mkdtempSync(join(tmpdir(), 'ratecut-report-'));
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(FIXTURE_SCENARIO));
  const runs: string[][] = [
    ['backtest', '--strategy', 'buy-hold-small', '--strategy', 'cut-trigger', '--strategy', 'static-mix', '--window=-3m..12m', '--data', dataDir, '--out', 'bt.json'],
    ['simulate', 'scenario.json', '--data', dataDir, '--target', 'small:+5%', '--target', 'large:+2%', '--strategy-paths', '20', '--workers', '1', '--out', 'sim.json'],
    ['validate', 'event', '--data', dataDir, '--resamples', '200', '--placebos', '500', '--out', 'event.json'],
    ['validate', 'walk-forward', '--strategy', 'static-mix', '--sweep', 'small=0..1:0.25', '--min-train', '1', '--count', 'first-cuts', '--window=-3m..6m', '--data', dataDir, '--out', 'walk-forward.json'],
    ['validate', 'calibration', 'all-cycles', '--paths', '500', '--data', dataDir, '--out', 'calibration.json'],
    ['now', '--horizon', '1m', '--analogs', '1', '--paths', '1000', '--data', dataDir, '--out', 'now.json'],
    ...spaAndSweepRuns(dataDir),
    ...cyclesAndCompareRuns(dataDir),
  ];
  for (const args of runs) {
    const io = captureIo({}, dir);
    const code = await main(args, io);
    if (code !== 0) throw new Error(`ratecut ${args.join(' ')} exited ${code}: ${io.err()}`);
  }
  return dir;
}
