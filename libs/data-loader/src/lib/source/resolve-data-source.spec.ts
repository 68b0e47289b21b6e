import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeTempDir } from '../../testing';
import { resolveDataSource } from './resolve-data-source';

const CATALOG = JSON.stringify({ catalog: 1, series: [] });
const SYNTHETIC = JSON.stringify({ catalog: 1, synthetic: true, series: [] });

describe('resolveDataSource', () => {
  let root = '';
  let ws = '';
  beforeEach(() => {
    root = makeTempDir({
      'flagdata/catalog.json': CATALOG,
      'envdata/catalog.json': SYNTHETIC,
      'empty/readme.txt': 'no catalog here',
      'usercache/ratecut/catalog.json': CATALOG,
      'ws/data/sample/catalog.json': SYNTHETIC,
    });
    ws = path.join(root, 'ws');
  });
  afterEach(() => removeTempDir(root));

  it('1. prefers the --data flag, as a folder or a catalog file, relative to cwd', () => {
    const r = resolveDataSource({ flag: 'flagdata', env: { RATECUT_DATA: path.join(root, 'envdata') }, cwd: root, workspaceRoot: ws });
    expect(r).toEqual({ ok: true, value: { catalogPath: path.join(root, 'flagdata', 'catalog.json'), origin: 'flag', synthetic: false }, warnings: [] });
    const file = resolveDataSource({ flag: path.join(root, 'flagdata', 'catalog.json'), env: {}, workspaceRoot: ws });
    expect(file.ok && file.value.catalogPath).toBe(path.join(root, 'flagdata', 'catalog.json'));
  });

  it('2. then RATECUT_DATA, reading the synthetic flag of that catalog', () => {
    const r = resolveDataSource({ env: { RATECUT_DATA: 'envdata' }, cwd: root, workspaceRoot: ws });
    expect(r.ok && r.value).toEqual({ catalogPath: path.join(root, 'envdata', 'catalog.json'), origin: 'env', synthetic: true });
  });

  it('3. then the fetch cache (the user\'s cache folder, or RATECUT_CACHE), 4. then the bundled sample', () => {
    const xdg = { XDG_CACHE_HOME: path.join(root, 'usercache') };
    const cache = resolveDataSource({ env: xdg, workspaceRoot: ws });
    expect(cache.ok && cache.value).toEqual({ catalogPath: path.join(root, 'usercache', 'ratecut', 'catalog.json'), origin: 'cache', synthetic: false });
    const named = resolveDataSource({ env: { ...xdg, RATECUT_CACHE: path.join(root, 'flagdata') }, workspaceRoot: ws });
    expect(named.ok && named.value.catalogPath).toBe(path.join(root, 'flagdata', 'catalog.json'));
    const given = resolveDataSource({ env: xdg, workspaceRoot: ws, cacheDir: path.join(root, 'envdata') });
    expect(given.ok && given.value).toEqual({ catalogPath: path.join(root, 'envdata', 'catalog.json'), origin: 'cache', synthetic: true });
    fs.rmSync(path.join(root, 'usercache'), { recursive: true });
    const sample = resolveDataSource({ env: xdg, workspaceRoot: ws });
    expect(sample.ok && sample.value).toEqual({ catalogPath: path.join(ws, 'data', 'sample', 'catalog.json'), origin: 'sample', synthetic: true });
  });

  it('an empty --data, or a RATECUT_DATA set but empty, is a bad option, never a fall-back to the cache or sample', () => {
    for (const flag of ['', '  ']) {
      const r = resolveDataSource({ flag, env: {}, cwd: root, workspaceRoot: ws });
      expect(!r.ok && r.issues).toEqual([expect.objectContaining({ code: 'bad-option', file: '--data', message: expect.stringContaining('an empty path') })]);
    }
    const env = resolveDataSource({ env: { RATECUT_DATA: '' }, cwd: root, workspaceRoot: ws });
    expect(!env.ok && env.issues).toEqual([expect.objectContaining({ code: 'bad-option', file: 'RATECUT_DATA', message: expect.stringContaining('set but empty') })]);
    const cache = resolveDataSource({ env: { RATECUT_CACHE: '' }, cwd: root, workspaceRoot: ws });
    expect(!cache.ok && cache.issues).toEqual([expect.objectContaining({ code: 'bad-option', file: 'RATECUT_CACHE', message: expect.stringContaining('set but empty') })]);
  });

  it('fails, without falling back, when the flag or RATECUT_DATA names a missing path', () => {
    const flag = resolveDataSource({ flag: 'nowhere', env: {}, cwd: root, workspaceRoot: ws });
    expect(flag.ok).toBe(false);
    if (!flag.ok) {
      expect(flag.issues[0]).toMatchObject({ code: 'missing-file', file: path.join(root, 'nowhere') });
      expect(flag.issues[0].message).toContain('--data points at a path that does not exist');
    }
    const env = resolveDataSource({ env: { RATECUT_DATA: path.join(root, 'nowhere') }, workspaceRoot: ws });
    expect(!env.ok && env.issues[0].message).toContain('RATECUT_DATA points at a path that does not exist');
    const noCatalog = resolveDataSource({ flag: path.join(root, 'empty'), env: {}, workspaceRoot: ws });
    expect(!noCatalog.ok && noCatalog.issues[0]).toMatchObject({ code: 'missing-file', file: path.join(root, 'empty', 'catalog.json') });
  });

  it('fails when there is neither cache nor sample', () => {
    const r = resolveDataSource({ env: {}, workspaceRoot: path.join(root, 'empty') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toContain('no data found');
  });
});
