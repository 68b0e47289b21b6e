import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrationResultSchema, eventStudyResultSchema, outOfSampleResultSchema, spaResultSchema } from '@ratecut/contracts';
import { main } from '../../main';
import { captureIo } from '../../testing/capture-io';
import { writeFixture } from '../../testing/fixture-market';

function setUp(): { data: string; cwd: string } {
  const data = mkdtempSync(join(tmpdir(), 'ratecut-validate-data-'));
  writeFixture(data);
  return { data, cwd: mkdtempSync(join(tmpdir(), 'ratecut-validate-')) };
}

describe('ratecut validate event', () => {
  jest.setTimeout(60_000);

  it('prints the event-study tables, and with --out writes the document --json prints', async () => {
    const { data, cwd } = setUp();
    const io = captureIo({}, cwd);
    expect(await main(['validate', 'event', '--data', data, '--resamples', '500', '--placebos', '500'], io)).toBe(0);
    expect(io.out()).toMatch(/^Event study of first cuts: small minus large return after the first cut/);
    expect(io.out()).toMatch(/^ {2}horizon {2}group +n +mean +interval +median +interval +placebo p +pctile +any date: mean/m);
    expect(io.out()).toMatch(/^ {2}3m +all +\d+ /m);
    expect(io.out()).toMatch(/^Base \(--anchor effective\): the close before the first cut's effective date\./m);
    const json = captureIo({}, cwd);
    expect(await main(['validate', 'event', '--data', data, '--resamples', '500', '--placebos', '500', '--out', 'ev.json', '--json'], json)).toBe(0);
    const doc = JSON.parse(json.out()) as unknown;
    expect(eventStudyResultSchema.safeParse(doc).success).toBe(true);
    expect(readFileSync(join(cwd, 'ev.json'), 'utf8')).toBe(json.out());
    expect(json.err()).toBe(`wrote ${join(cwd, 'ev.json')}\n`);
    expect((doc as { commandLine: string }).commandLine).toMatch(/^ratecut validate event --data \S+ --resamples 500 --placebos 500 --out ev\.json$/);
  });

  it('runs the Reality Check and the SPA test over a backtest file\'s strategies', async () => {
    const { data, cwd } = setUp();
    expect(await main(['backtest', '--data', data, '--out', 'bt.json'], captureIo({}, cwd))).toBe(0);
    const io = captureIo({}, cwd);
    expect(await main(['validate', 'spa', 'bt.json', '--resamples', '300', '--out', 'spa.json'], io)).toBe(0);
    expect(io.out()).toMatch(/^Data snooping over the strategies of bt\.json against /);
    expect(io.out()).toMatch(/^White's Reality Check \(2000\): +p [<\d.]+$/m);
    expect(io.out()).toMatch(/^Hansen's SPA \(2005\): +p [<\d.]+ \(consistent; lower [<\d.]+, upper [<\d.]+\)$/m);
    const doc = spaResultSchema.parse(JSON.parse(readFileSync(join(cwd, 'spa.json'), 'utf8')));
    expect(doc.strategies.length).toBe(7);
    expect(doc.spa.pLower).toBeLessThanOrEqual(doc.spa.pConsistent);
    expect(doc.spa.pConsistent).toBeLessThanOrEqual(doc.spa.pUpper);
    // The same seed, the same numbers.
    const again = captureIo({}, cwd);
    expect(await main(['validate', 'spa', 'bt.json', '--resamples', '300', '--json'], again)).toBe(0);
    expect(JSON.parse(again.out()).spa).toEqual(doc.spa);
    // The deflated Sharpe ratio beside the tests is the one ratecut compare gives for the file.
    expect(io.out()).toMatch(/^Deflated Sharpe \(2014\): +P [\d.]+ that \S+'s excess Sharpe -?[\d.]+ beats the [\d.]+ expected from the best of \d+ with no skill$/m);
    const compared = captureIo({}, cwd);
    expect(await main(['compare', 'bt.json', '--json'], compared)).toBe(0);
    const dsr = (JSON.parse(compared.out()) as { deflatedSharpe: { probability: number; bestSharpe: number; trials: number }[] }).deflatedSharpe[0];
    expect(doc.deflatedSharpe?.trials).toBe(dsr.trials);
    expect(doc.deflatedSharpe?.probability).toBeCloseTo(dsr.probability, 12);
    expect(doc.deflatedSharpe?.bestSharpe).toBeCloseTo(dsr.bestSharpe, 12);
    const wrong = captureIo({}, cwd);
    expect(await main(['validate', 'spa', 'spa.json'], wrong)).toBe(1);
    expect(wrong.err()).toMatch(/spa\.json/);
    const stray = captureIo({}, cwd);
    expect(await main(['validate', 'spa', 'bt.json', '--placebos', '500'], stray)).toBe(2);
    expect(stray.err()).toBe('ratecut validate: --placebos is not an option of validate spa (usage: ratecut validate --help)\n');
  });

  it('runs them over the combinations of a sweep (3 blocks), the same for any number of workers', async () => {
    const { data, cwd } = setUp();
    const args = ['validate', 'spa', '--data', data, '--strategy', 'static-mix', '--sweep', 'small=0..1:0.005', '--resamples', '200', '--json'];
    const one = captureIo({}, cwd);
    expect(await main(args, one)).toBe(0);
    const doc = spaResultSchema.parse(JSON.parse(one.out()));
    expect(doc.source).toBe('sweep of static-mix over small (201 combinations, rut-gspc)');
    expect(doc.benchmark).toBe('buy-hold-large');
    expect(doc.strategies.map((s) => s.label).slice(0, 2)).toEqual(['small=0', 'small=0.005']);
    // small=0 holds only the large leg: the benchmark, no trial.
    expect(doc.strategies[0].tested).toBe(false);
    const two = captureIo({}, cwd);
    expect(await main([...args, '--workers', '2'], two)).toBe(0);
    expect(JSON.parse(two.out())).toEqual({ ...doc, commandLine: doc.commandLine });
    const both = captureIo({}, cwd);
    expect(await main(['validate', 'spa', 'bt.json', '--sweep', 'small=0..1'], both)).toBe(2);
    expect(both.err()).toMatch(/give a backtest result file or a --sweep, not both/);
  });

  it('says which tests there are, in one line, exit 2', async () => {
    const none = captureIo();
    expect(await main(['validate'], none)).toBe(2);
    expect(none.err()).toBe("ratecut validate: name a test: event (the event study of first cuts), spa (Reality Check and SPA over a backtest's strategies), loco or walk-forward (parameters chosen on some cycles, tested on another), calibration (the simulator against held-out cycles) (usage: ratecut validate --help)\n");
    const typo = captureIo();
    expect(await main(['validate', 'evnt'], typo)).toBe(2);
    expect(typo.err()).toBe("ratecut validate: unknown test 'evnt'; did you mean 'event'? Tests: event, spa, loco, walk-forward, calibration (usage: ratecut validate --help)\n");
    const anchor = captureIo();
    expect(await main(['validate', 'event', '--anchor', 'close'], anchor)).toBe(2);
    expect(anchor.err()).toBe('ratecut validate: --anchor "close": expected one of effective, announcement, cut-day (usage: ratecut validate --help)\n');
    const bad = captureIo();
    expect(await main(['validate', 'event', '--resamples', '5'], bad)).toBe(2);
    expect(bad.err()).toMatch(/--resamples "5": expected a whole number 100 to 1,000,000/);
  });
});

describe('ratecut validate loco and walk-forward', () => {
  jest.setTimeout(60_000);
  // The fixture has two first cuts; counted one by one with a short window, both are covered.
  const cycles = ['--count', 'first-cuts', '--window=-3m..6m'];

  it('walks forward over a grid: the table, --json and --out, the same for any number of workers', async () => {
    const { data, cwd } = setUp();
    const args = ['validate', 'walk-forward', '--data', data, '--strategy', 'static-mix', '--sweep', 'small=0..1:0.1', '--min-train', '1', ...cycles];
    const io = captureIo({}, cwd);
    expect(await main(args, io)).toBe(0);
    expect(io.out()).toMatch(/^Walk-forward \(each cycle from the 2nd on, chosen on those before it\) validation of static-mix over small \(11\): 11 combinations, rut-gspc against buy-hold-large, 2 counted cycles$/m);
    expect(io.out()).toMatch(/^ {2}cycle +trained on +chosen +in-sample +out-of-sample +full-sample choice$/m);
    expect(io.out()).toMatch(/^ {2}2020-03 +1 +small=\S+ +[+-]\d+\.\d +[+-]\d+\.\d (beat|lost) +[+-]\d+\.\d$/m);
    expect(io.out()).toMatch(/^Out of sample: mean excess [+-]\d+\.\d pp; the choice beat buy-hold-large in [01] of 1 held-out cycles\.$/m);
    const json = captureIo({}, cwd);
    expect(await main([...args, '--json', '--out', 'wf.json'], json)).toBe(0);
    const doc = outOfSampleResultSchema.parse(JSON.parse(json.out()));
    expect(readFileSync(join(cwd, 'wf.json'), 'utf8')).toBe(json.out());
    expect(doc).toMatchObject({ schema: 'ratecut.out-of-sample/1', method: 'walk-forward', objective: 'mean-excess', minTrain: 1, candidates: 11 });
    expect(doc.cycles.map((c) => c.id)).toEqual(['2019-08', '2020-03']);
    expect(doc.folds.map((f) => f.test)).toEqual(['2020-03']);
    const two = captureIo({}, cwd);
    expect(await main([...args, '--json', '--workers', '2', '--objective', 'mean-excess'], two)).toBe(0);
    expect({ ...JSON.parse(two.out()), commandLine: '' }).toEqual({ ...doc, commandLine: '' });
  });

  it('says what is missing: too few cycles, options of the other test, --out without one strategy', async () => {
    const { data, cwd } = setUp();
    const few = captureIo({}, cwd);
    expect(await main(['validate', 'loco', '--data', data, '--strategy', 'cut-trigger'], few)).toBe(2);
    expect(few.err()).toMatch(/leave-one-cycle-out needs at least 3 counted cycles in the data; rut-gspc has 1/);
    const usage = async (args: string[], message: RegExp): Promise<void> => {
      const io = captureIo({}, cwd);
      expect(await main(['validate', ...args, '--data', data], io)).toBe(2);
      expect(io.err()).toMatch(message);
    };
    await usage(['loco', '--strategy', 'cut-trigger', '--min-train', '2'], /--min-train is not an option of validate loco/);
    await usage(['loco', '--out', 'x.json'], /--out writes one study: name its --strategy/);
    await usage(['walk-forward', '--sweep', 'small=0..1'], /--sweep needs --strategy <built-in>/);
    await usage(['loco', '--strategy', 'buy-hold-small'], /buy-hold-small has no default grid: give --sweep/);
    await usage(['loco', '--strategy', 'static-mix', '--objective', 'cagr'], /--objective "cagr": expected one of mean-excess, sharpe/);
    await usage(['loco', '--strategy', 'static-mix', '--resamples', '100'], /--resamples is not an option of validate loco/);
  });
});

describe('ratecut validate calibration', () => {
  jest.setTimeout(60_000);

  it('holds out each analog of the named scenarios: the table, --json and --out, the same on 2 threads', async () => {
    const { data, cwd } = setUp();
    const args = ['validate', 'calibration', 'all-cycles', 'insurance-cuts', '--data', data, '--paths', '1000'];
    const io = captureIo({}, cwd);
    expect(await main(args, io)).toBe(0);
    expect(io.out()).toMatch(/^Calibration of the scenario simulator: each analog cycle held out in turn, its scenario simulated from the other analogs \(1000 paths each\)$/m);
    expect(io.out()).toMatch(/^all-cycles \(All easing cycles\): 252 trading days, stationary, rut-gspc .*; analogs 2019-08, 2020-03$/m);
    expect(io.out()).toMatch(/^ {2}2019-08 +1 +[+-]\d+\.\d% +0\.\d\d /m);
    expect(io.out()).toMatch(/^ {2}spread +2 +\d+% +\d+% +\d\.\d{3} +(\d ){4}\d$/m);
    expect(io.out()).toMatch(/^ {2}not held out: 2019-08 \(no other analog cycle to draw from\)$/m);
    const json = captureIo({}, cwd);
    expect(await main([...args, '--json', '--out', 'cal.json'], json)).toBe(0);
    const doc = calibrationResultSchema.parse(JSON.parse(json.out()));
    expect(readFileSync(join(cwd, 'cal.json'), 'utf8')).toBe(json.out());
    expect(doc.scenarios.map((s) => [s.name, s.folds.length])).toEqual([['all-cycles', 2], ['insurance-cuts', 0]]);
    const two = captureIo({}, cwd);
    expect(await main([...args, '--json', '--workers', '2'], two)).toBe(0);
    expect(two.out()).toBe(json.out().replace(' --out cal.json', ''));
  });

  it('says what is wrong: an unknown scenario (exit 1), a bad --paths or --method (exit 2)', async () => {
    const { data, cwd } = setUp();
    const unknown = captureIo({}, cwd);
    expect(await main(['validate', 'calibration', 'nope', '--data', data], unknown)).toBe(1);
    expect(unknown.err()).toMatch(/nope: error bad-scenario: no such scenario file, and not a built-in \(built-ins: all-cycles, /);
    const paths = captureIo({}, cwd);
    expect(await main(['validate', 'calibration', '--paths', '5', '--data', data], paths)).toBe(2);
    expect(paths.err()).toMatch(/--paths "5": expected a whole number of paths, 100 to 1,000,000/);
    const method = captureIo({}, cwd);
    expect(await main(['validate', 'calibration', '--method', 'garch', '--data', data], method)).toBe(2);
    expect(method.err()).toMatch(/--method "garch": expected stationary, circular, iid, student-t, rate-sensitivity/);
  });
});

describe('ratecut validate --report', () => {
  jest.setTimeout(120_000);
  const p3 = (x: number): string => (x < 0.001 ? '&lt;0.001' : x.toFixed(3));
  const pp = (x: number | null): string => (x === null ? 'n/a' : `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} pp`);
  const headline = (html: string): string => /<div class="headline">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';

  it('writes the SPA report with --out in one set, or alone; its headline gives the document\'s p-values', async () => {
    const { data, cwd } = setUp();
    expect(await main(['backtest', '--data', data, '--out', 'bt.json'], captureIo({}, cwd))).toBe(0);
    const io = captureIo({}, cwd);
    expect(await main(['validate', 'spa', 'bt.json', '--resamples', '300', '--out', 'spa.json', '--report', 'spa.html'], io)).toBe(0);
    expect(io.err()).toContain(`wrote ${join(cwd, 'spa.json')}`);
    expect(io.err()).toContain(`wrote ${join(cwd, 'spa.html')}`);
    const doc = spaResultSchema.parse(JSON.parse(readFileSync(join(cwd, 'spa.json'), 'utf8')));
    const html = readFileSync(join(cwd, 'spa.html'), 'utf8');
    const top = headline(html);
    expect(top).toContain(`<b>${doc.best}</b>`);
    expect(top).toContain(`Reality Check p = ${p3(doc.realityCheck.pValue)}, SPA p = ${p3(doc.spa.pConsistent)}, deflated Sharpe P = ${doc.deflatedSharpe?.probability?.toFixed(2)}`);
    expect(top).toContain(doc.spa.pConsistent < 0.05 ? '<b>significant at 5 %</b>' : '<b>not significant at 5 %</b>');
    expect(html).toContain('spa.json (ratecut.spa/1)');
    // Alone (no --out): the report names the document as not written.
    const alone = captureIo({}, cwd);
    expect(await main(['validate', 'spa', 'bt.json', '--resamples', '300', '--report', 'alone.html'], alone)).toBe(0);
    expect(alone.err()).toBe(`wrote ${join(cwd, 'alone.html')}\n`);
    const again = readFileSync(join(cwd, 'alone.html'), 'utf8');
    expect(headline(again)).toBe(top);
    expect(again).toContain('validate spa (no --out) (ratecut.spa/1)');
    // ratecut report reads the written document to the same headline.
    expect(await main(['report', 'spa.json', '--out', 'from-file.html'], captureIo({}, cwd))).toBe(0);
    expect(headline(readFileSync(join(cwd, 'from-file.html'), 'utf8'))).toBe(top);
  });

  it('refuses a bad --report path before running, and writes nothing (not even --out)', async () => {
    const { data, cwd } = setUp();
    mkdirSync(join(cwd, 'adir'));
    writeFileSync(join(cwd, 'afile'), 'x');
    for (const report of ['adir', 'afile/r.html']) {
      const io = captureIo({}, cwd);
      expect(await main(['validate', 'event', '--data', data, '--resamples', '200', '--placebos', '200', '--out', 'ev.json', '--report', report], io)).not.toBe(0);
      expect(io.err()).toContain(report === 'adir' ? 'adir is a folder; name a file to write instead' : 'afile/r.html');
      expect(existsSync(join(cwd, 'ev.json'))).toBe(false);
    }
    const dash = captureIo({}, cwd);
    expect(await main(['validate', 'event', '--data', data, '--report', '-'], dash)).toBe(2);
    expect(dash.err()).toMatch(/--report -: the report is an HTML file; name it/);
    expect(readdirSync(cwd).sort()).toEqual(['adir', 'afile']);
  });

  it('writes the event-study, walk-forward and calibration reports, each headline from its document', async () => {
    const { data, cwd } = setUp();
    const ev = captureIo({}, cwd);
    expect(await main(['validate', 'event', '--data', data, '--resamples', '200', '--placebos', '500', '--json', '--report', 'ev.html'], ev)).toBe(0);
    const event = eventStudyResultSchema.parse(JSON.parse(ev.out()));
    const pair = event.pairs[0];
    const h = pair.horizons.find((x) => x.label === '12m') ?? pair.horizons[pair.horizons.length - 1];
    const all = h.groups.find((g) => g.group === 'all');
    const evTop = headline(readFileSync(join(cwd, 'ev.html'), 'utf8'));
    expect(evTop).toContain(`After the ${all?.count === 1 ? 'one first cut' : `${all?.count} first cuts`} in ${pair.title.replace(/&/g, '&amp;')}`);
    expect(evTop).toContain(`averaged <b>${pp(all?.mean ?? null)}</b>`);
    expect(evTop).toContain(`against ${pp(h.baseline.mean)} from any date`);
    if (all?.placebo) expect(evTop).toContain(p3(all.placebo.pTwoSided));

    const wf = captureIo({}, cwd);
    expect(await main(['validate', 'walk-forward', '--data', data, '--strategy', 'static-mix', '--sweep', 'small=0..1:0.25', '--min-train', '1', '--count', 'first-cuts', '--window=-3m..6m', '--json', '--report', 'wf.html'], wf)).toBe(0);
    const oos = outOfSampleResultSchema.parse(JSON.parse(wf.out()));
    const wfTop = headline(readFileSync(join(cwd, 'wf.html'), 'utf8'));
    expect(wfTop).toContain(`beat buy-hold-large in <b>${oos.folds.filter((f) => f.beat).length} of ${oos.folds.length}</b> tested cycles`);
    expect(wfTop).toContain(`mean excess <b>${pp(oos.summary.outOfSampleMean)}</b> out of sample against ${pp(oos.summary.inSampleMean)}`);

    const cal = captureIo({}, cwd);
    expect(await main(['validate', 'calibration', 'all-cycles', '--paths', '500', '--data', data, '--json', '--report', 'cal.html'], cal)).toBe(0);
    const calibration = calibrationResultSchema.parse(JSON.parse(cal.out()));
    let n = 0, in90 = 0;
    for (const s of calibration.scenarios) for (const leg of ['small', 'large', 'spread'] as const) { n += s.calibration[leg].n; in90 += Math.round((s.calibration[leg].coverage90 ?? 0) * s.calibration[leg].n); }
    expect(headline(readFileSync(join(cwd, 'cal.html'), 'utf8'))).toContain(`the 90 % intervals held <b>${in90} of ${n}</b> realized outcomes`);
  });
});
