/**
 * `npm run bench -- --peers`: the workspace benchmarks, each in its own process (so its peak
 * memory is its own), then the peer reference programs of `../shared/peers` (numpy, plain
 * JavaScript, numba) in the same session, and the same-run ratios and target verdicts
 * (peer-comparison.ts). See README.md beside this file.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BENCHMARK_WORKLOADS, checkTargets, parseMeasurementLine, parsePeakRssKiB, parsePeerOutput, peerRatios, PEER_BENCH_NAMES, PEER_PROGRAMS,
  WORKLOAD_TITLES, type MeasuredBenchmark, type PeerMeasurement, type PeerProgram,
} from './peer-comparison';

const ROOT = path.resolve(__dirname, '..', '..');
// From the workspace root, not this file's folder: the benchmarks run bundled from dist/bench.
const RUN_JS = path.join(ROOT, 'tools', 'bench', 'run.js');

/** The environment variable naming the peers folder. */
export const PEERS_ENV_VAR = 'RATECUT_PEERS';

/** What `--peers` runs. */
export interface PeersSessionOptions {
  /** Selected workspace benchmarks, in run order. */
  readonly benchmarks: readonly string[];
  readonly json: boolean;
  /** `--data`, passed on to each benchmark process. */
  readonly data: string | undefined;
  /** `--peers-dir`. */
  readonly peersDir: string | undefined;
}

/**
 * `python -c PEAK_RSS_WRAPPER <timeout seconds> <command...>` runs the command and reports its
 * peak RSS: `ru_maxrss` of `RUSAGE_CHILDREN` (KiB on Linux) written to file descriptor 3 after the
 * child exits. The child's stdout and stderr pass through; the wrapper exits with the child's
 * code (124 after killing it at the timeout).
 */
const PEAK_RSS_WRAPPER = [
  'import os, resource, subprocess, sys',
  'try:',
  '    code = subprocess.call(sys.argv[2:], timeout=float(sys.argv[1]))',
  'except subprocess.TimeoutExpired:',
  "    sys.stderr.write('timed out after %s s\\n' % sys.argv[1])",
  '    code = 124',
  "os.write(3, ('%d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss).encode())",
  'sys.exit(code if code >= 0 else 128 - code)',
].join('\n');

/** A peer program may run this long before it is stopped and reported as failed. */
const PEER_TIMEOUT_SECONDS = 600;

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** The peers folder: `--peers-dir`, else `$RATECUT_PEERS`, else ../shared/peers next to the workspace. */
function resolvePeersDir(flag: string | undefined, programs: readonly PeerProgram[]): Outcome<{ dir: string; origin: string }> {
  const [value, origin] =
    flag !== undefined ? [flag, '--peers-dir'] : process.env[PEERS_ENV_VAR] ? [process.env[PEERS_ENV_VAR], `$${PEERS_ENV_VAR}`] : [path.join(ROOT, '..', 'shared', 'peers'), '../shared/peers'];
  const dir = path.resolve(value);
  const missing = [...new Set(programs.map((p) => p.script))].filter((s) => !fs.existsSync(path.join(dir, s)));
  if (missing.length === 0) return { ok: true, value: { dir, origin } };
  const what = fs.existsSync(dir) ? `${dir} lacks ${missing.join(', ')}` : `there is no folder ${dir}`;
  return { ok: false, message: `--peers: ${what} (peers folder from ${origin}); give --peers-dir <folder> or set $${PEERS_ENV_VAR}` };
}

/** The last line of a failed command's error output, for one-line messages. */
function lastErrorLine(r: SpawnSyncReturns<string>): string {
  if (r.error !== undefined) return r.error.message;
  const lines = `${r.stderr ?? ''}`.trim().split('\n');
  return lines[lines.length - 1] || `exit ${r.status ?? r.signal}`;
}

/** Runs `python -c code`; its trimmed stdout, or why it failed. */
function probePython(python: string, code: string): Outcome<string> {
  const r = spawnSync(python, ['-c', code], { encoding: 'utf8' });
  return r.status === 0 ? { ok: true, value: r.stdout.trim() } : { ok: false, message: lastErrorLine(r) };
}

/** Runs one workspace benchmark as `node run.js --only <name> --json` and reads its JSON line. */
function runBenchmark(name: string, data: string | undefined): Outcome<MeasuredBenchmark & Record<string, unknown>> {
  const args = [RUN_JS, '--only', name, '--json', ...(data === undefined ? [] : ['--data', data])];
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024, env: { ...process.env, RATECUT_BENCH_BUILT: '1' },
  });
  if (r.status !== 0) return { ok: false, message: `its process exited ${r.error?.message ?? r.status ?? r.signal}` };
  const lines = r.stdout.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 1) return { ok: false, message: `expected one JSON line from its process, got ${lines.length}` };
  return parseMeasurementLine(lines[0]);
}

/** Runs one peer program under the peak-RSS wrapper and reads its RESULT line. */
function runPeer(program: PeerProgram, dir: string, python: string, pythonNumba: string): Outcome<PeerMeasurement> {
  const interpreter = program.runtime === 'node' ? process.execPath : program.runtime === 'numba' ? pythonNumba : python;
  const r = spawnSync(python, ['-c', PEAK_RSS_WRAPPER, String(PEER_TIMEOUT_SECONDS), interpreter, program.script, ...program.args], {
    cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) return { ok: false, message: `exited ${r.error?.message ?? r.status ?? r.signal}: ${lastErrorLine(r)}` };
  const timing = parsePeerOutput(r.stdout, PEER_BENCH_NAMES[program.workload]);
  if (!timing.ok) return timing;
  return { ok: true, value: { ...timing.value, id: program.id, workload: program.workload, label: program.label, peakRssMiB: parsePeakRssKiB(r.output[3]) } };
}

const time = (s: number): string => (!Number.isFinite(s) ? 'n/a' : s >= 1 ? `${s.toFixed(2)} s` : s >= 0.01 ? `${(s * 1e3).toFixed(1)} ms` : `${(s * 1e3).toFixed(2)} ms`);
const mib = (m: number): string => (Number.isFinite(m) ? `${m.toFixed(0)} MiB` : 'n/a');
const load = (): string => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const commandOf = (p: PeerProgram): string => `${p.runtime === 'node' ? 'node' : p.runtime === 'numba' ? '$PY_NUMBA' : '$PY'} ${[p.script, ...p.args].join(' ')}`;

/**
 * The `--peers` session: resolves the peers folder and Python (exit 2 when either is unusable,
 * before anything runs), runs every selected benchmark in its own process, then the peer programs
 * of the workloads those benchmarks have, and prints ratios and verdicts. numba programs are
 * skipped, with one line saying why, when `$PY_NUMBA` (default `$PY`) cannot import numba.
 * Resolves to the exit code: 0, 1 when a benchmark or peer failed, 2 for a setup error.
 */
export function runPeersSession(options: PeersSessionOptions): number {
  const { json } = options;
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  const note = (line: string): void => void (json ? process.stderr : process.stdout).write(`${line}\n`);
  const fail = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

  const workloads = new Set(options.benchmarks.map((b) => BENCHMARK_WORKLOADS[b]).filter((w) => w !== undefined));
  const wanted = PEER_PROGRAMS.filter((p) => workloads.has(p.workload));
  const peersDir = resolvePeersDir(options.peersDir, PEER_PROGRAMS);
  if (!peersDir.ok) {
    fail(peersDir.message);
    return 2;
  }
  const python = process.env['PY'] || 'python3';
  const numpy = probePython(python, 'import sys, numpy; print(sys.version.split()[0], numpy.__version__)');
  if (!numpy.ok) {
    fail(`--peers: ${python} (from ${process.env['PY'] ? '$PY' : 'the default python3'}) cannot import numpy: ${numpy.message}; set PY to a Python 3 with numpy`);
    return 2;
  }
  const pythonNumba = process.env['PY_NUMBA'] || python;
  const numba = probePython(pythonNumba, 'import numba; print(numba.__version__)');
  const missingPeers = new Map<string, string>();
  const [pyVersion, numpyVersion] = numpy.value.split(' ');

  if (!json) {
    out(`ratecut benchmarks with peers: node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs, load average ${load()}`);
    out(`peers: ${peersDir.value.dir} (${peersDir.value.origin}); Python ${pyVersion} + numpy ${numpyVersion} (${python})${numba.ok ? `; numba ${numba.value} (${pythonNumba})` : ''}`);
  }
  if (!numba.ok && wanted.some((p) => p.runtime === 'numba')) {
    const why = `${pythonNumba} (from ${process.env['PY_NUMBA'] ? '$PY_NUMBA' : process.env['PY'] ? '$PY' : 'the default python3'}) cannot import numba: ${numba.message}`;
    note(`numba columns skipped: ${why}. Set PY_NUMBA to a Python with numba (see tools/bench/README.md).`);
    for (const p of wanted) if (p.runtime === 'numba') missingPeers.set(p.id, 'skipped (numba not importable)');
  }
  let failed = false;

  if (!json) out('\nworkspace benchmarks, each in its own process (peak RSS is the process maximum, worker threads included):');
  const measured: MeasuredBenchmark[] = [];
  for (const name of options.benchmarks) {
    const m = runBenchmark(name, options.data);
    if (!m.ok) {
      fail(`${name}: ${m.message}`);
      failed = true;
      continue;
    }
    measured.push(m.value);
    if (json) out(JSON.stringify(m.value));
    else {
      const v = m.value;
      const runs = `${v.runs} runs${v.warmup > 0 ? ` after ${v.warmup} warm-up` : ''}`;
      out(`  ${v.name.padEnd(28)} median ${time(v.seconds).padStart(9)}  min ${time(v.minSeconds).padStart(9)}  ${runs.padEnd(24)} peak RSS ${mib(v.peakRssMiB).padStart(8)}  target < ${time(v.targetSeconds)}: ${v.withinTarget ? 'ok' : 'OVER TARGET'}`);
    }
  }

  const peers: PeerMeasurement[] = [];
  for (const workload of workloads) {
    if (!json) out(`\npeers: ${WORKLOAD_TITLES[workload]}; medians as each program reports them (its own repetitions after warm-up; numba's JIT compilation not included):`);
    for (const program of wanted.filter((p) => p.workload === workload)) {
      if (missingPeers.has(program.id)) continue;
      const r = runPeer(program, peersDir.value.dir, python, pythonNumba);
      if (!r.ok) {
        fail(`peer ${program.id} (${commandOf(program)}): ${r.message}`);
        missingPeers.set(program.id, 'failed');
        failed = true;
        continue;
      }
      const p = r.value;
      peers.push(p);
      if (json) out(JSON.stringify({ kind: 'peer', ...p, command: commandOf(program), peersDir: peersDir.value.dir }));
      else {
        const jit = Number.isFinite(p.compileSeconds) ? `, JIT ${time(p.compileSeconds)}` : '';
        out(`  ${p.label.padEnd(26)} median ${time(p.seconds).padStart(9)}  min ${time(p.minSeconds).padStart(9)}  ${`${p.runs} runs, ${p.threads} thread${p.threads === 1 ? '' : 's'}${jit}`.padEnd(30)} peak RSS ${mib(p.peakRssMiB).padStart(8)}   ${commandOf(program)}`);
      }
    }
  }

  const ratios = peerRatios(measured, peers);
  const verdicts = checkTargets(measured, peers, undefined, missingPeers);
  if (json) {
    for (const r of ratios) out(JSON.stringify({ kind: 'ratio', ...r }));
    for (const v of verdicts) out(JSON.stringify({ kind: 'target', ...v }));
  } else {
    if (ratios.length > 0) out('\nratios in this run: peer median / ratecut median (> 1: ratecut faster)');
    for (const name of [...new Set(ratios.map((r) => r.benchmark))]) {
      const b = measured.find((m) => m.name === name);
      out(`  ${name} (median ${time(b?.seconds ?? NaN)}, peak RSS ${mib(b?.peakRssMiB ?? NaN)}) against`);
      for (const r of ratios.filter((x) => x.benchmark === name)) out(`    ${r.peerLabel.padEnd(26)} ${time(r.peerSeconds).padStart(9)}  ratio ${r.ratio.toFixed(2)}`);
    }
    if (verdicts.length > 0) out('\ntargets (issues 11 and 17), in this run:');
    for (const v of verdicts) {
      const peer = PEER_PROGRAMS.find((p) => p.id === v.peer)?.label ?? v.peer;
      const limit = `${v.factor === 1 ? '' : `${v.factor} × `}${peer}`;
      const verdict = v.met === null ? `not judged (${v.reason ?? ''})` : `${v.met ? 'MET' : 'NOT MET'} (${time(v.benchmarkSeconds)} against ${time(v.limitSeconds)})`;
      out(`  ${v.benchmark} ≤ ${limit}: ${verdict}`);
    }
    out(`\nload average after: ${load()}`);
  }
  return failed ? 1 : 0;
}
