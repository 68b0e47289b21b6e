import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitCacheFiles } from './commit-cache-files';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ratecut-commit-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('commitCacheFiles', () => {
  it('writes files and the catalog, replacing old ones, leaving no temporaries', () => {
    writeFileSync(join(dir, 'catalog.json'), 'old');
    commitCacheFiles(dir, [{ path: 'a/x.csv', content: 'x' }], 'new');
    expect(readFileSync(join(dir, 'a/x.csv'), 'utf8')).toBe('x');
    expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['a', 'catalog.json']);
    expect(readdirSync(join(dir, 'a'))).toEqual(['x.csv']);
  });

  it('on a failed write removes its temporaries and new folders, keeping the old files', () => {
    writeFileSync(join(dir, 'catalog.json'), 'old catalog');
    writeFileSync(join(dir, 'first.csv'), 'old first');
    expect(() =>
      commitCacheFiles(dir, [{ path: 'first.csv', content: 'new first' }, { path: 'sub/deep/new.csv', content: 'n' }, { path: 'first.csv/x.csv', content: 'b' }], 'new catalog'),
    ).toThrow();
    expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe('old catalog');
    expect(readFileSync(join(dir, 'first.csv'), 'utf8')).toBe('old first');
    expect(readdirSync(dir).sort()).toEqual(['catalog.json', 'first.csv']);
  });
});
