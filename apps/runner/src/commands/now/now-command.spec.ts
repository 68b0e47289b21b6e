import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nowResultSchema } from '@ratecut/contracts';
import { main } from '../../main';
import { captureIo } from '../../testing/capture-io';
import { writeFixture } from '../../testing/fixture-market';

function setUp(): { data: string; cwd: string } {
  const data = mkdtempSync(join(tmpdir(), 'ratecut-now-data-'));
  writeFixture(data);
  return { data, cwd: mkdtempSync(join(tmpdir(), 'ratecut-now-')) };
}

describe('ratecut now', () => {
  jest.setTimeout(60_000);
  // The fixture: cycles 2019-08 and 2020-03, data to 2021-12-31; a month ahead leaves 2019-08 a continuation.
  const base = ['now', '--horizon', '1m', '--analogs', '1', '--paths', '1000', '--today', '2022-01-10'];

  it('places the latest cycle, tells the data\'s age against --today, prices the claim; --json and --out write the document', async () => {
    const { data, cwd } = setUp();
    const io = captureIo({}, cwd);
    expect(await main([...base, '--data', data], io)).toBe(0);
    expect(io.out()).toMatch(/^Now: the 2020-03 easing cycle \(recession, resumption\), first cut 2020-03-04, base close 2020-03-03; rut-gspc/);
    expect(io.out()).toMatch(/^Step \d+: \d+ trading days after the base close, at the data's last close 2021-12-31, 10 days before 2022-01-10: ratecut fetch brings the data up to date\.$/m);
    expect(io.out()).toMatch(/^So far: small [+-]\d+\.\d%, large [+-]\d+\.\d%, spread [+-]\d+\.\d pp after 2 cuts \(150 bp\); the spread is higher than in [01] of the 1 past cycle at this step\.$/m);
    expect(io.out()).toMatch(/^ {2}P\(small at least \+20\.0%\) +\d+\.\d% +n\/a$/m);
    expect(io.out()).toMatch(/^ {2}P\(spread at least \+9\.0 pp\) +\d+\.\d% +n\/a$/m);
    expect(io.out()).toMatch(/^warning: only 1 past cycle with data after step \d+: the forecast rests on very few episodes$/m);
    const json = captureIo({}, cwd);
    expect(await main([...base, '--data', data, '--json', '--out', 'now.json', '--target', 'small:+5%'], json)).toBe(0);
    const doc = nowResultSchema.parse(JSON.parse(json.out()));
    expect(readFileSync(join(cwd, 'now.json'), 'utf8')).toBe(json.out());
    expect(doc.forecast.analogs).toEqual(['2019-08']);
    expect(doc.forecast.targets.map((t) => t.target)).toEqual(['small:+5%']);
    expect(doc.commandLine).not.toMatch(/--today/);
    const two = captureIo({}, cwd);
    expect(await main([...base, '--data', data, '--json', '--target', 'small:+5%', '--workers', '2'], two)).toBe(0);
    expect({ ...JSON.parse(two.out()), commandLine: '' }).toEqual({ ...doc, commandLine: '' });
  });

  it('writes the report with --out in one set, or alone; its headline gives the document\'s numbers; a bad --report path writes nothing', async () => {
    const { data, cwd } = setUp();
    const io = captureIo({}, cwd);
    expect(await main([...base, '--data', data, '--json', '--out', 'now.json', '--report', 'now.html'], io)).toBe(0);
    expect(io.err()).toBe(`wrote ${join(cwd, 'now.json')}\nwrote ${join(cwd, 'now.html')}\n`);
    const doc = nowResultSchema.parse(JSON.parse(io.out()));
    const html = readFileSync(join(cwd, 'now.html'), 'utf8');
    const top = /<div class="headline">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    const pct = (x: number | null, signed: boolean): string => (x === null ? 'n/a' : `${signed && x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);
    expect(top).toContain(`At step ${doc.current.step} of the ${doc.current.id} cycle (${doc.current.stepDate}), small caps are ${pct(doc.current.atStep.small, true)} and large caps ${pct(doc.current.atStep.large, true)}`);
    expect(top).toContain(`higher than in <b>${doc.rank.below} of ${doc.rank.of}</b> past cycles`);
    expect(top).toContain(`P(small beats large) = <b>${pct(doc.forecast.smallBeatsLarge, false)}</b>`);
    expect(top).toContain(`P(small caps at least +20%) = ${pct(doc.forecast.targets[0].probability, false)}`);
    expect(html).not.toContain('P(small:+20%)');
    const alone = captureIo({}, cwd);
    expect(await main([...base, '--data', data, '--report', 'alone.html'], alone)).toBe(0);
    expect(alone.err()).toBe(`wrote ${join(cwd, 'alone.html')}\n`);
    expect(readFileSync(join(cwd, 'alone.html'), 'utf8')).toContain('now (no --out) (ratecut.now/1)');
    mkdirSync(join(cwd, 'adir'));
    const bad = captureIo({}, cwd);
    expect(await main([...base, '--data', data, '--out', 'again.json', '--report', 'adir'], bad)).not.toBe(0);
    expect(bad.err()).toContain('adir is a folder; name a file to write instead');
    expect(existsSync(join(cwd, 'again.json'))).toBe(false);
  });

  it('places a cycle at an earlier step with --step', async () => {
    const { data, cwd } = setUp();
    const io = captureIo({}, cwd);
    expect(await main([...base, '--data', data, '--step', '100'], io)).toBe(0);
    expect(io.out()).toMatch(/^Step 100: 100 trading days after the base close, the close of 2020-07-2\d \(--step; the data go on to 2021-12-31\)\.$/m);
  });

  it('says what is wrong: a bad horizon, target or date (exit 2), an unknown cycle or no analog (exit 2)', async () => {
    const { data, cwd } = setUp();
    const run = async (args: string[]): Promise<{ code: number; err: string }> => {
      const io = captureIo({}, cwd);
      const code = await main(['now', '--data', data, ...args], io);
      return { code, err: io.err() };
    };
    expect(await run(['--horizon', '12y'])).toEqual({ code: 2, err: expect.stringMatching(/--horizon "12y": expected months 1 to 60, e\.g\. 12m/) });
    expect(await run(['--target', 'small:+20'])).toEqual({ code: 2, err: expect.stringMatching(/--target "small:\+20": \+20 without % is ambiguous/) });
    expect(await run(['--today', '2022-13-01'])).toEqual({ code: 2, err: expect.stringMatching(/--today "2022-13-01": expected a date YYYY-MM-DD/) });
    expect(await run(['--cycle', '1999-01'])).toEqual({ code: 2, err: expect.stringMatching(/--cycle 1999-01: no such cycle with rut-gspc data; cycles: 2019-08, 2020-03/) });
    expect(await run(['--horizon', '12m'])).toEqual({ code: 2, err: expect.stringMatching(/no past cycle of rut-gspc has 252 rows of data after step \d+: nothing to forecast from \(try a shorter --horizon\)/) });
  });
});
