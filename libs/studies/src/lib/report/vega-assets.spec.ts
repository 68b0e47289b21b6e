import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFolder, readVegaBundles, VEGA_BUNDLES } from './vega-assets';

describe('Vega bundles', () => {
  it('finds each package folder from this library, through the package entry', () => {
    for (const { name } of VEGA_BUNDLES) {
      const dir = packageFolder(name);
      expect((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string }).name).toBe(name);
      expect(require.resolve(name).startsWith(dir)).toBe(true);
    }
    expect(() => packageFolder('ratecut-no-such-package')).toThrow();
  });

  it('reads the three browser bundles in load order, with versions, ready to inline', () => {
    const bundles = readVegaBundles();
    expect(bundles.map((b) => b.name)).toEqual(['vega', 'vega-lite', 'vega-embed']);
    for (const [i, b] of bundles.entries()) {
      const file = join(packageFolder(b.name), VEGA_BUNDLES[i].file);
      expect(existsSync(file)).toBe(true);
      expect(b.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(b.script.length).toBeGreaterThan(10_000);
      expect(b.script).not.toMatch(/<\/script/i);
    }
  });
});
