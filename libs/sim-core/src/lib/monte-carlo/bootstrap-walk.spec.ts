import { zigguratNormal } from '../random/ziggurat-normal';
import { streamFor } from '../random/xoshiro128';
import { pathReturnsInto, simulateBootstrapPaths, type BootstrapMethod, type BootstrapOptions } from './bootstrap';
import { wasmWalkAvailable, WALK_BATCH_PATHS } from './bootstrap-walk';
import { makeJointSource, prepareSource, type JointWindow } from './joint-source';
import { allocatePathOutcomes } from './path-outcomes';

/** Fat-tailed daily-like returns, different in each window. */
function window(seed: number, n: number): JointWindow {
  const rng = streamFor(seed, 1);
  const small = new Float64Array(n), large = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const z = zigguratNormal(rng), scale = rng.nextFloat() < 0.05 ? 4 : 1;
    small[i] = Math.expm1(0.0003 + 0.013 * scale * z);
    large[i] = Math.expm1(0.0002 + 0.009 * scale * (0.8 * z + 0.6 * zigguratNormal(rng)));
  }
  return { small, large };
}

/** Element by element with Object.is (−0 and +0 told apart). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

describe('the WebAssembly walk', () => {
  it('is available on Node 20 (WebAssembly with 128-bit SIMD)', () => {
    expect(wasmWalkAvailable()).toBe(true);
  });

  const sources = {
    'one long window': prepareSource(makeJointSource([window(1, 3000)], 252)),
    'four windows, short ones included (wraps inside blocks)': prepareSource(makeJointSource([window(2, 7), window(3, 300), window(4, 1), window(5, 2600)], 252)),
  };
  const cases: [BootstrapMethod, number, number][] = [
    ['stationary', 21, 252], ['stationary', 1.5, 37], ['stationary', 250, 600], ['circular', 21, 252], ['circular', 5, 1], ['iid', 1, 130],
  ];

  it.each(Object.keys(sources))('gives the JavaScript walk\'s outcomes bit for bit (%s)', (name) => {
    const prepared = sources[name as keyof typeof sources];
    for (const [method, meanBlock, horizon] of cases) {
      // More paths than a batch, from a first path past 0, so batches and their ends are exercised.
      const options: BootstrapOptions = { method, meanBlock, horizon, seed: 77, firstPath: 123, pathCount: WALK_BATCH_PATHS + 905 };
      const js = allocatePathOutcomes(options.pathCount), wasm = allocatePathOutcomes(options.pathCount);
      simulateBootstrapPaths(prepared, { ...options, kernel: 'javascript' }, js);
      simulateBootstrapPaths(prepared, { ...options, kernel: 'wasm' }, wasm);
      for (const key of ['smallReturn', 'largeReturn', 'smallMaxDrawdown', 'largeMaxDrawdown'] as const) {
        expect([method, meanBlock, horizon, key, sameBits(js[key], wasm[key])]).toEqual([method, meanBlock, horizon, key, true]);
      }
    }
  });

  it('seeds like reseedInto for seeds and path indices past 2^32 (the high words)', () => {
    const prepared = sources['four windows, short ones included (wraps inside blocks)'];
    const options: BootstrapOptions = { method: 'stationary', meanBlock: 10, horizon: 63, seed: 2 ** 40 + 77, firstPath: 2 ** 33 + 5, pathCount: 3000 };
    const js = allocatePathOutcomes(3000), wasm = allocatePathOutcomes(3000);
    simulateBootstrapPaths(prepared, { ...options, kernel: 'javascript' }, js);
    simulateBootstrapPaths(prepared, { ...options, kernel: 'wasm' }, wasm);
    expect(sameBits(js.smallReturn, wasm.smallReturn) && sameBits(js.largeMaxDrawdown, wasm.largeMaxDrawdown)).toBe(true);
  });

  it('gives pathReturnsInto the same outcome with either kernel, and refuses an unknown one', () => {
    const prepared = sources['one long window'];
    const base = { method: 'stationary' as const, meanBlock: 21, horizon: 252, seed: 5 };
    const s = new Float64Array(252), l = new Float64Array(252);
    expect(pathReturnsInto(prepared, { ...base, kernel: 'wasm' }, 999, s, l)).toEqual(pathReturnsInto(prepared, { ...base, kernel: 'javascript' }, 999, s, l));
    expect(() => simulateBootstrapPaths(prepared, { ...base, firstPath: 0, pathCount: 1, kernel: 'simd' as never }, allocatePathOutcomes(1))).toThrow(RangeError);
  });
});
