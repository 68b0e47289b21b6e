import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCatalog } from '../catalog/load-catalog';
import { loadEasingCycles } from '../fed/load-easing-cycles';
import { loadCuratedCycles } from './curated-cycles';
import { shippedFactsFolder } from './shipped-facts';

const repoData = resolve(__dirname, '..', '..', '..', '..', '..', 'data');

describe('the shipped facts', () => {
  it('are found in the data/ above the module: the repository\'s for the sources', () => {
    expect(shippedFactsFolder()).toBe(repoData);
  });

  it('are found in a package\'s own data/ (as the library\'s build copies them), and a missing folder is a clear error', () => {
    const pkg = mkdtempSync(join(tmpdir(), 'ratecut-facts-pkg-'));
    mkdirSync(join(pkg, 'data'));
    mkdirSync(join(pkg, 'src', 'lib', 'facts'), { recursive: true });
    writeFileSync(join(pkg, 'data', 'nber-business-cycles.json'), '{}');
    expect(shippedFactsFolder(join(pkg, 'src', 'lib', 'facts'))).toBe(join(pkg, 'data'));
    const bare = mkdtempSync(join(tmpdir(), 'ratecut-facts-none-'));
    expect(() => shippedFactsFolder(bare)).toThrow(/ratecut's facts \(data\/nber-business-cycles\.json\) were not found in any folder above /);
  });

  it('are what loadEasingCycles and loadCuratedCycles read when given no file', () => {
    const catalog = loadCatalog(join(repoData, 'sample'));
    if (!catalog.ok) throw new Error('the sample catalog does not load');
    const byDefault = loadEasingCycles(catalog.value);
    const explicit = loadEasingCycles(catalog.value, join(repoData, 'nber-business-cycles.json'));
    expect(byDefault.ok && explicit.ok).toBe(true);
    expect(byDefault).toEqual(explicit);
    expect(loadCuratedCycles()).toEqual(loadCuratedCycles(join(repoData, 'easing-cycles.json')));
  });
});
