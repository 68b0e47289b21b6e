import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { VERSION } from './cli/version';
import { captureIo } from './testing/capture-io';

const root = join(__dirname, '..', '..', '..');

describe('ratecut CLI', () => {
  it('lists the commands with --help', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toMatch(/Usage: ratecut <command>/);
    expect(io.out()).toMatch(/^ {2}cycles {2}/m);
  });

  it('prints a command\'s usage with <command> --help', async () => {
    const io = captureIo();
    expect(await main(['cycles', '--help'], io)).toBe(0);
    expect(io.out()).toMatch(/--format <fmt>/);
  });

  it('rejects an unknown command with exit code 2, suggesting a close one', async () => {
    const io = captureIo();
    expect(await main(['rotate'], io)).toBe(2);
    expect(io.err()).toBe("ratecut: unknown command 'rotate'. Commands: demo, cycles, backtest, simulate, now, validate, compare, merge, worker, report, fetch.\n");
    const typo = captureIo();
    expect(await main(['backtets'], typo)).toBe(2);
    expect(typo.err()).toMatch(/^ratecut: unknown command 'backtets'; did you mean 'backtest'\? Commands: /);
  });

  it('rejects a bad option in one line with exit code 2, suggesting a close option', async () => {
    const io = captureIo();
    expect(await main(['cycles', '--format', 'xml'], io)).toBe(2);
    expect(io.err()).toBe('ratecut cycles: --format "xml": expected one of table, csv, json (usage: ratecut cycles --help)\n');
    const io2 = captureIo();
    expect(await main(['cycles', '--pause-months', 'soon'], io2)).toBe(2);
    expect(io2.err()).toMatch(/--pause-months "soon": expected a whole number/);
    const typo = captureIo();
    expect(await main(['cycles', '--fromat', 'json'], typo)).toBe(2);
    expect(typo.err()).toBe('ratecut cycles: unknown option --fromat; did you mean --format? (usage: ratecut cycles --help)\n');
    const far = captureIo();
    expect(await main(['cycles', '--colour'], far)).toBe(2);
    expect(far.err()).toBe('ratecut cycles: unknown option --colour (usage: ratecut cycles --help)\n');
  });

  it('writes to stdout with --out - where one file is written, and refuses it where several are', async () => {
    const sample = join(root, 'data', 'sample');
    const plain = captureIo({}), dashed = captureIo({});
    expect(await main(['cycles', '--data', sample, '--format', 'json'], plain)).toBe(0);
    expect(await main(['cycles', '--data', sample, '--format', 'json', '--out', '-'], dashed)).toBe(0);
    expect(dashed.out()).toBe(plain.out());
    expect(dashed.err()).not.toMatch(/wrote/);
    const bt = captureIo({});
    expect(await main(['backtest', '--data', sample, '--out', '-'], bt)).toBe(2);
    expect(bt.err()).toMatch(/^ratecut backtest: --out -: a backtest writes a result file and its CSV side files/);
   }, 60_000); // each run loads the sample: seconds on a loaded machine

  it('tells a command\'s arguments from its options\' values, even when they are the same word', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-args-'));
    try {
      const sample = join(root, 'data', 'sample');
      const io = captureIo({}, dir);
      expect(await main(['simulate', 'all-cycles', '--data', sample, '--paths', '2000', '--strategy-paths', '0', '--out', 'all-cycles'], io)).toBe(0);
      expect(existsSync(join(dir, 'all-cycles.json'))).toBe(true);
      const two = captureIo({}, dir);
      expect(await main(['simulate', 'all-cycles', 'resumption', '--data', sample], two)).toBe(2);
      expect(two.err()).toMatch(/one scenario at a time, got "all-cycles", "resumption"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('prints the version with -V or --version, and a command\'s usage with help <command>', async () => {
    for (const flag of ['-V', '--version']) {
      const io = captureIo();
      expect(await main([flag], io)).toBe(0);
      expect(io.out()).toBe(`${VERSION}\n`);
    }
    const io = captureIo();
    expect(await main(['help', 'backtest'], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: ratecut backtest/);
    const bad = captureIo();
    expect(await main(['help', 'cycels'], bad)).toBe(2);
    expect(bad.err()).toMatch(/unknown command 'cycels'; did you mean 'cycles'\?/);
  });

  it('keeps the version equal to package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('runs as the `ratecut` bin', () => {
    const out = execFileSync(process.execPath, [join(root, 'apps/runner/bin/ratecut.js'), '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/cycles/);
  });
});
