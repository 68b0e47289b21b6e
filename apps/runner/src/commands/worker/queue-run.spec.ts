import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestRedis, type TestRedis } from '@ratecut/studies/testing';
import { writeFixture } from '../../testing/fixture-market';
import { filesOf, fixtureScenario, scenarioFolder, splitRunCases, splitRunCommands, type ScenarioFolder } from '../../testing/scenario-folder';

/**
 * `--queue` and `ratecut worker` end to end, on a real Redis (Debian's redis-server, started on
 * a random loopback port and stopped by pid): workers are processes of the compiled CLI
 * (dist/cli, built before the tests), stopped by pid; the submitter runs in this process.
 */
const root = join(__dirname, '..', '..', '..', '..', '..');
const BIN = join(root, 'dist', 'cli', 'ratecut.js');
const PLAIN_ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'FORCE_COLOR'));

const data = mkdtempSync(join(tmpdir(), 'ratecut-queue-data-'));
writeFixture(data);
const folder = (): ScenarioFolder => scenarioFolder(fixtureScenario(60_000), 'ratecut-queue-');

/** A `ratecut worker` process of the compiled CLI in `cwd`, with what it printed so far. */
interface WorkerProcess { readonly child: ChildProcess; log: string }

describe('ratecut --queue and ratecut worker on a real Redis', () => {
  jest.setTimeout(240_000);
  let redis: TestRedis;
  let n = 0;
  const workers: WorkerProcess[] = [];
  const prefix = (): string => `cli${process.pid}-${(n += 1)}`;
  /** A worker in an empty folder with no data: it needs neither, the submitter stores the study in Redis. */
  const startWorker = (p: string): WorkerProcess => {
    const cwd = mkdtempSync(join(tmpdir(), 'ratecut-queue-worker-'));
    const child = spawn(process.execPath, [BIN, 'worker', '--queue', redis.url, '--prefix', p, '--lock-seconds', '2'], { cwd, env: { ...PLAIN_ENV, RATECUT_DATA: join(cwd, 'no-data') }, stdio: ['ignore', 'pipe', 'pipe'] });
    const w: WorkerProcess = { child, log: '' };
    child.stdout?.on('data', (b: Buffer) => { w.log += b.toString(); });
    child.stderr?.on('data', (b: Buffer) => { w.log += b.toString(); });
    workers.push(w);
    return w;
  };
  const stopWorkers = async (): Promise<void> => {
    await Promise.all(workers.splice(0).map((w) => new Promise<void>((resolve) => {
      if (w.child.exitCode !== null || w.child.signalCode !== null) { resolve(); return; }
      w.child.once('exit', () => resolve());
      process.kill(w.child.pid as number, 'SIGTERM');
    })));
  };

  beforeAll(async () => { redis = await startTestRedis(); });
  afterEach(stopWorkers);
  afterAll(async () => { await stopWorkers(); await redis.dispose(); });

  const { simulate } = splitRunCommands(data);

  it.each(splitRunCases(data))('%s (workers without the data): in one process = 1 worker = 3 workers = 3 workers with one SIGKILLed mid-block = shards merged in shuffled order, byte for byte', async (_, command, out) => {
    const local = folder();
    expect((await local.run([...command, '--out', out, '--workers', '2'])).code).toBe(0);
    const want = filesOf(local.dir, ['scenario.json']);

    for (const [count, kill] of [[1, false], [3, false], [3, true]] as const) {
      const f = folder();
      const p = prefix();
      const started = Array.from({ length: count }, () => startWorker(p));
      const submitted = f.run([...command, '--out', out, '--queue', redis.url, '--prefix', p]);
      let victim: WorkerProcess | undefined;
      let victimBlock = '';
      if (kill) {
        // The first worker to start a block is killed at once, holding it.
        while (victim === undefined) {
          victim = started.find((w) => / block \d+ of \d+: started/.test(w.log));
          if (victim === undefined) await new Promise((r) => setTimeout(r, 5));
        }
        process.kill(victim.child.pid as number, 'SIGKILL');
        victimBlock = (/ (block \d+ of \d+): started/.exec(victim.log) as RegExpExecArray)[1];
      }
      const r = await submitted;
      expect([r.code, r.err]).toEqual([0, expect.stringMatching(/wrote /)]);
      const got = filesOf(f.dir, ['scenario.json']);
      expect(Object.keys(got)).toEqual(Object.keys(want));
      for (const name of Object.keys(want)) expect([count, kill, name, got[name].equals(want[name])]).toEqual([count, kill, name, true]);
      if (victim !== undefined) {
        // The killed worker never finished the block; another one ran it.
        expect(victim.log).not.toContain(`${victimBlock}: done`);
        expect(started.filter((w) => w !== victim).some((w) => w.log.includes(`${victimBlock}: done`))).toBe(true);
      }
      await stopWorkers();
    }

    // Static shards of the same command, merged in shuffled order, give the same files too.
    const sharded = folder();
    for (const k of [2, 3, 1]) expect((await sharded.run([...command, '--shard', `${k}/3`, '--out', `parts/p${k}.json`])).code).toBe(0);
    const merged = folder();
    expect((await merged.run(['merge', ...[3, 1, 2].map((k) => join(sharded.dir, 'parts', `p${k}.json`)), '--out', out])).code).toBe(0);
    const fromShards = filesOf(merged.dir, ['scenario.json']);
    for (const name of Object.keys(want)) expect([name, fromShards[name].equals(want[name])]).toEqual([name, true]);
  });

  it('finishes, with the same files, when Redis restarts mid-run: workers and the submitter wait for it and say so', async () => {
    const command = [...simulate, '--paths', '200000'];
    const local = folder();
    expect((await local.run([...command, '--out', 'r.json'])).code).toBe(0);
    const f = folder();
    const p = prefix();
    const started = [startWorker(p), startWorker(p)];
    const submitted = f.run([...command, '--out', 'r.json', '--queue', redis.url, '--prefix', p]);
    while (!started.some((w) => / block \d+ of 20: done/.test(w.log))) await new Promise((r) => setTimeout(r, 5));
    await redis.stop();
    await new Promise((r) => setTimeout(r, 500));
    await redis.start();
    const r = await submitted;
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+\/0.*; waiting for it\n[\s\S]*connected to Redis at redis:\/\/127\.0\.0\.1:\d+\/0 again/);
    for (const w of started) expect(w.log).toMatch(/lost the connection to Redis[\s\S]*connected to Redis at .* again/);
    const want = filesOf(local.dir, ['scenario.json']), got = filesOf(f.dir, ['scenario.json']);
    expect(Object.keys(got)).toEqual(Object.keys(want));
    for (const name of Object.keys(want)) expect([name, got[name].equals(want[name])]).toEqual([name, true]);
  });

  it('refuses bad --queue and --prefix values, and --queue with --shard or --workers, as usage errors (exit 2)', async () => {
    const f = folder();
    mkdirSync(join(f.dir, 'out'));
    for (const [args, message] of [
      [['--queue', 'http://127.0.0.1:6379'], /--queue\/--prefix: "http:\/\/127\.0\.0\.1:6379": a http URL; expected redis:\/\/host\[:port\]\[\/db\]/],
      [['--queue', 'redis://127.0.0.1:99999'], /not a URL|port/],
      [['--queue', redis.url, '--prefix', 'a:b'], /prefix "a:b": expected 1 to 64 letters, digits/],
      [['--prefix', 'x'], /--prefix names the key prefix of a --queue/],
      [['--queue', redis.url, '--shard', '1/2'], /--queue and --shard are two ways to split a run; give one/],
      [['--queue', redis.url, '--workers', '2'], /with --queue the blocks run on `ratecut worker` processes/],
    ] as const) {
      const r = await f.run([...simulate, ...args, '--out', 'out/r.json']);
      expect([r.code, r.err]).toEqual([2, expect.stringMatching(message)]);
    }
    const noQueue = await f.run(['worker']);
    expect([noQueue.code, noQueue.err]).toEqual([2, expect.stringMatching(/name the queue to take blocks from: --queue redis:\/\/host:port/)]);
    const unreachable = await f.run(['worker', '--queue', 'redis://127.0.0.1:1']);
    expect([unreachable.code, unreachable.err]).toEqual([1, expect.stringMatching(/^error: cannot reach Redis at redis:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/)]);
    const single = await f.run(['backtest', '--data', data, '--queue', redis.url]);
    expect([single.code, single.err]).toEqual([2, expect.stringMatching(/--queue runs the combinations of a --sweep/)]);
    expect(readdirSync(join(f.dir, 'out'))).toEqual([]);
  });
});
