import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadUmdBundle, packageFolder, packageVersion, readVegaRuntime, VEGA_LITE_COMPILER, VEGA_RUNTIME } from './vega-assets';

describe('Vega assets', () => {
  it('finds each package folder from this library, through the package entry', () => {
    for (const { name } of [VEGA_RUNTIME, VEGA_LITE_COMPILER]) {
      const dir = packageFolder(name);
      expect((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string }).name).toBe(name);
      expect(require.resolve(name).startsWith(dir)).toBe(true);
      expect(packageVersion(name)).toMatch(/^\d+\.\d+\.\d+/);
    }
    expect(() => packageFolder('ratecut-no-such-package')).toThrow();
  });

  it('reads the Vega runtime, with its version, ready to inline', () => {
    const runtime = readVegaRuntime();
    expect(runtime.name).toBe('vega');
    expect(runtime.version).toBe(packageVersion('vega'));
    expect(runtime.script.length).toBeGreaterThan(100_000);
    expect(runtime.script).not.toMatch(/<\/script/i);
    expect(runtime.script).toBe(readFileSync(join(packageFolder('vega'), VEGA_RUNTIME.file), 'utf8').replace(/<\/script/gi, '<\\/script'));
  });

  it('loads a UMD bundle as a CommonJS module with the dependencies given, and refuses others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-umd-'));
    const file = join(dir, 'bundle.js');
    writeFileSync(file, '!function(g,f){"object"==typeof exports&&"undefined"!=typeof module?f(exports,require("dep")):f(g.x={},g.dep)}(this,function(e,d){e.twice=function(n){return d.k*n}});');
    expect((loadUmdBundle(file, { dep: { k: 2 } }) as { twice(n: number): number }).twice(21)).toBe(42);
    expect(() => loadUmdBundle(file)).toThrow(/requires 'dep'/);
    const vega = loadUmdBundle(join(packageFolder('vega'), VEGA_RUNTIME.file)) as { version: string; parse: unknown };
    expect(vega.version).toBe(packageVersion('vega'));
    expect(typeof vega.parse).toBe('function');
  });
});
