import {
  BENCHMARK_WORKLOADS, checkTargets, ISSUE_17_TARGETS, parseMeasurementLine, parsePeakRssKiB, parsePeerOutput, parsePythonJson, PEER_PROGRAMS,
  peerRatios, type SpeedTarget,
} from './peer-comparison';

// Output in the shape the peer programs print: human lines, then one `RESULT {json}` line.
const NUMBA_BOOTSTRAP_STDOUT = [
  'mc_bootstrap numba 0.68.0 impl=blocks-parallel threads=2 (omp) N=1000000 H=252 seed=1',
  '  small pct  -28.00%   -9.00%    7.00%   26.00%   50.00%',
  '  time median 0.500s (min 0.450, max 0.700, 3 reps)  -> 504.0 M path-days/s',
  'RESULT {"H": 252, "N": 1000000, "bench": "mc_bootstrap", "compile_s": 4.25, "env": {"numba": "0.68.0", "numpy": "2.4.6", ' +
    '"python": "3.11.7", "threading_layer": "omp", "threads": 2}, "impl": "blocks-parallel", "lang": "numba", ' +
    '"timing": {"max_s": 0.7, "median_s": 0.5, "min_s": 0.45, "reps": 3, "times_s": [0.45, 0.5, 0.7]}}',
  '',
].join('\n');

const JS_SWEEP_STDOUT = [
  'backtest_sweep js combos=1200 window=9576 days',
  'RESULT {"bench":"backtest_sweep","lang":"js","impl":"loop","n_combos":1200,"timing":{"median_s":0.03,"min_s":0.029,"max_s":0.05,"reps":7},' +
    '"env":{"node":"v20.20.2","v8":"11.3"}}',
].join('\n');

const measurement = (name: string, seconds: number, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    name, seconds, minSeconds: seconds * 0.9, maxSeconds: seconds * 1.2, runs: 3, warmup: 1, paths: 1_000_000, rows: 252,
    targetSeconds: 2.5, withinTarget: true, peakRssMiB: 123.4, details: { seed: 1 }, ...extra,
  });

describe('parsePeerOutput', () => {
  it('reads the median, min, max, reps, threads and JIT time of the RESULT line', () => {
    const r = parsePeerOutput(NUMBA_BOOTSTRAP_STDOUT, 'mc_bootstrap');
    expect(r).toEqual({
      ok: true,
      value: {
        bench: 'mc_bootstrap', lang: 'numba', impl: 'blocks-parallel', seconds: 0.5, minSeconds: 0.45, maxSeconds: 0.7, runs: 3, threads: 2,
        compileSeconds: 4.25, env: { numba: '0.68.0', numpy: '2.4.6', python: '3.11.7', threading_layer: 'omp', threads: 2 },
      },
    });
  });

  it('gives 1 thread and a NaN JIT time when the program reports neither', () => {
    const r = parsePeerOutput(JS_SWEEP_STDOUT, 'backtest_sweep');
    if (!r.ok) throw new Error(r.message);
    expect(r.value.threads).toBe(1);
    expect(r.value.compileSeconds).toBeNaN();
    expect(r.value.seconds).toBe(0.03);
    expect(r.value.env).toEqual({ node: 'v20.20.2', v8: '11.3' });
  });

  it('takes the last RESULT line and ignores lines that only mention RESULT', () => {
    const first = JS_SWEEP_STDOUT.replace('"median_s":0.03', '"median_s":9');
    const r = parsePeerOutput(`${first}\n  a RESULT inside a line\n${JS_SWEEP_STDOUT}\n`, 'backtest_sweep');
    expect(r.ok && r.value.seconds).toBe(0.03);
  });

  it("reads Python's bare NaN and Infinity as null instead of failing", () => {
    const line = JS_SWEEP_STDOUT.replace('"n_combos":1200', '"z": NaN, "w": [Infinity, -Infinity]');
    const r = parsePeerOutput(line, 'backtest_sweep');
    expect(r.ok && r.value.seconds).toBe(0.03);
    expect(parsePythonJson('{"a": NaN, "b": [-Infinity, 1], "c": "NaN"}')).toEqual({ a: null, b: [null, 1], c: 'NaN' });
  });

  it('refuses output without a RESULT line, for another benchmark, or with a broken timing', () => {
    expect(parsePeerOutput('time median 0.5s\n', 'mc_bootstrap')).toEqual({ ok: false, message: 'no RESULT line in its output' });
    expect(parsePeerOutput(JS_SWEEP_STDOUT, 'mc_bootstrap')).toMatchObject({ ok: false, message: expect.stringContaining("'backtest_sweep'") });
    expect(parsePeerOutput('RESULT {"bench": "mc_bootstrap"', 'mc_bootstrap')).toMatchObject({ ok: false, message: expect.stringContaining('not JSON') });
    expect(parsePeerOutput('RESULT {"bench": "mc_bootstrap"}', 'mc_bootstrap')).toEqual({ ok: false, message: 'RESULT has no timing object' });
    const timing = (t: string): string => `RESULT {"bench": "mc_bootstrap", "timing": ${t}}`;
    for (const t of [
      '{"median_s": 0, "min_s": 0, "max_s": 0, "reps": 3}',
      '{"median_s": 0.5, "min_s": 0.4, "max_s": 0.3, "reps": 3}',
      '{"median_s": 0.5, "min_s": 0.4, "max_s": 0.6, "reps": 2.5}',
      '{"median_s": "0.5", "min_s": 0.4, "max_s": 0.6, "reps": 3}',
    ]) {
      expect(parsePeerOutput(timing(t), 'mc_bootstrap').ok).toBe(false);
    }
    expect(parsePeerOutput(timing('{"median_s": 0.5, "min_s": 0.4, "max_s": 0.6, "reps": 3}'), 'mc_bootstrap').ok).toBe(true);
  });
});

describe('parsePeakRssKiB', () => {
  it('turns the KiB integer into MiB to 0.1 and anything else into NaN', () => {
    expect(parsePeakRssKiB('432948\n')).toBe(422.8); // 422.80 MiB
    expect(parsePeakRssKiB('2048')).toBe(2);
    expect(parsePeakRssKiB('1075')).toBe(1); // 1.0498 MiB
    for (const bad of ['', '  ', 'abc', '12.5', '-3', null, undefined]) expect(parsePeakRssKiB(bad)).toBeNaN();
  });
});

describe('parseMeasurementLine', () => {
  it("reads a benchmark's JSON line with its peak memory", () => {
    const r = parseMeasurementLine(measurement('bootstrap-1m-workers', 2.5));
    expect(r.ok && [r.value.name, r.value.seconds, r.value.peakRssMiB, r.value['details']]).toEqual(['bootstrap-1m-workers', 2.5, 123.4, { seed: 1 }]);
  });

  it('refuses lines that are not JSON or lack a numeric field', () => {
    expect(parseMeasurementLine('median 2.5 s').ok).toBe(false);
    expect(parseMeasurementLine('[1, 2]').ok).toBe(false);
    expect(parseMeasurementLine(measurement('x', 1, { peakRssMiB: undefined }))).toEqual({ ok: false, message: 'x: field peakRssMiB is not a number' });
    expect(parseMeasurementLine(measurement('x', 1, { withinTarget: 'yes' })).ok).toBe(false);
  });
});

describe('peerRatios', () => {
  const peers = [
    { id: 'numpy-bootstrap', workload: 'bootstrap' as const, label: 'numpy vec', seconds: 10 },
    { id: 'numpy-sweep', workload: 'sweep' as const, label: 'numpy vec', seconds: 0.4 },
    { id: 'numba-blocks-parallel', workload: 'bootstrap' as const, label: 'numba blocks --parallel', seconds: 0.5 },
  ];

  it('divides each peer median by the benchmark median, per workload, in benchmark then peer order', () => {
    const rows = peerRatios(
      [
        { name: 'sweep-relative-momentum-workers', seconds: 0.08 },
        { name: 'cli-help', seconds: 0.5 },
        { name: 'bootstrap-1m-workers', seconds: 2 },
      ],
      peers,
    );
    expect(rows.map((r) => [r.benchmark, r.peer, r.workload])).toEqual([
      ['sweep-relative-momentum-workers', 'numpy-sweep', 'sweep'],
      ['bootstrap-1m-workers', 'numpy-bootstrap', 'bootstrap'],
      ['bootstrap-1m-workers', 'numba-blocks-parallel', 'bootstrap'],
    ]);
    expect(rows[0].ratio).toBeCloseTo(5, 12);
    expect(rows[1].ratio).toBeCloseTo(5, 12);
    expect(rows[2].ratio).toBeCloseTo(0.25, 12);
    expect(rows[2]).toMatchObject({ benchmarkSeconds: 2, peerSeconds: 0.5, peerLabel: 'numba blocks --parallel' });
  });

  it('gives NaN for a zero or non-finite median and follows a given workload table', () => {
    expect(peerRatios([{ name: 'bootstrap-1m-single-thread', seconds: 0 }], peers).map((r) => r.ratio)).toEqual([NaN, NaN]);
    expect(peerRatios([{ name: 'sweep-relative-momentum-workers', seconds: NaN }], peers)[0].ratio).toBeNaN();
    expect(peerRatios([{ name: 'new-sweep', seconds: 0.1 }], peers, { 'new-sweep': 'sweep' }).map((r) => r.ratio)).toEqual([4]);
    expect(peerRatios([{ name: 'toString', seconds: 1 }], peers)).toEqual([]);
  });
});

describe('checkTargets', () => {
  const peers = [
    { id: 'numba-blocks-parallel', seconds: 0.5 },
    { id: 'numba-daily-parallel', seconds: 0.01 },
    { id: 'numba-monthly', seconds: 0.002 },
  ];

  it('meets a target when the median is at most factor × the peer median', () => {
    const v = checkTargets(
      [
        { name: 'bootstrap-1m-workers', seconds: 0.45 },
        { name: 'sweep-relative-momentum-workers', seconds: 0.08 },
        { name: 'momentum-sweep-monthly', seconds: 0.003 },
      ],
      peers,
      ISSUE_17_TARGETS,
    );
    expect(v.map((x) => [x.benchmark, x.peer, x.met])).toEqual([
      ['bootstrap-1m-workers', 'numba-blocks-parallel', true],
      ['momentum-sweep-monthly', 'numba-daily-parallel', true],
      ['momentum-sweep-monthly', 'numba-monthly', true],
    ]);
    expect(v[2].limitSeconds).toBeCloseTo(0.003, 15);
    expect(checkTargets([{ name: 'bootstrap-1m-workers', seconds: 0.51 }], peers, ISSUE_17_TARGETS)[0].met).toBe(false);
    expect(checkTargets([{ name: 'momentum-sweep-monthly', seconds: 0.0031 }], peers)[1]).toMatchObject({ met: false, factor: 1.5 });
    const exact: SpeedTarget[] = [{ benchmark: 'b', peer: 'numba-blocks-parallel', factor: 2 }];
    expect(checkTargets([{ name: 'b', seconds: 1 }], peers, exact)[0].met).toBe(true);
  });

  it('leaves out targets of benchmarks that did not run and says why a missing peer cannot be judged', () => {
    const v = checkTargets([{ name: 'momentum-sweep-monthly', seconds: 0.005 }, { name: 'sweep-relative-momentum-workers', seconds: 0.005 }], [], ISSUE_17_TARGETS, new Map([['numba-daily-parallel', 'skipped (numba not importable)']]));
    expect(v).toHaveLength(2);
    expect(v[0]).toMatchObject({ benchmark: 'momentum-sweep-monthly', met: null, reason: 'numba-daily-parallel skipped (numba not importable)' });
    expect(v[0].limitSeconds).toBeNaN();
    expect(checkTargets([{ name: 'bootstrap-1m-workers', seconds: 1 }], [])[0].reason).toBe('numba-blocks-parallel did not run');
    expect(checkTargets([{ name: 'bootstrap-1m-workers', seconds: NaN }], peers)[0]).toMatchObject({ met: null, reason: 'a median is not finite' });
  });
});

describe('the peer tables', () => {
  it('name each peer once, and every target names a mapped benchmark and a known peer of its workload', () => {
    const ids = PEER_PROGRAMS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of ISSUE_17_TARGETS) {
      const peer = PEER_PROGRAMS.find((p) => p.id === t.peer);
      expect(peer?.workload).toBe(BENCHMARK_WORKLOADS[t.benchmark]);
    }
  });
});
