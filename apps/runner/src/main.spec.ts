import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

  it('rejects an unknown command with exit code 2', async () => {
    const io = captureIo();
    expect(await main(['rotate'], io)).toBe(2);
    expect(io.err()).toMatch(/unknown command 'rotate'/);
  });

  it('rejects a bad option with the usage and exit code 2', async () => {
    const io = captureIo();
    expect(await main(['cycles', '--format', 'xml'], io)).toBe(2);
    expect(io.err()).toMatch(/--format "xml": expected one of table, csv, json/);
    const io2 = captureIo();
    expect(await main(['cycles', '--pause-months', 'soon'], io2)).toBe(2);
    expect(io2.err()).toMatch(/--pause-months "soon": expected a whole number/);
  });

  it('keeps the version equal to package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('runs as the `ratecut` bin', () => {
    const out = execFileSync(process.execPath, [join(root, 'apps/runner/bin/ratecut.js'), '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/cycles/);
  });
});
