import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeTempDir } from '../../testing';
import { isInsideFolder, locateDataFile, realPathOf } from './data-folder';

describe('data folder confinement', () => {
  let dir = '';
  let outside = '';
  beforeAll(() => {
    dir = fs.realpathSync(makeTempDir({ 'data/a.csv': 'x', 'data/sub/b.csv': 'x' }));
    outside = fs.realpathSync(makeTempDir({ 'o.csv': 'x' }));
    fs.symlinkSync(path.join(outside, 'o.csv'), path.join(dir, 'data', 'out.csv'));
    fs.symlinkSync(path.join(dir, 'data', 'sub'), path.join(dir, 'data', 'in-link'));
    fs.symlinkSync(path.join(dir, 'data'), path.join(dir, 'data-link'));
  });
  afterAll(() => [dir, outside].forEach(removeTempDir));

  it('isInsideFolder: the folder itself and anything below it, nothing else', () => {
    expect(isInsideFolder('/d', '/d')).toBe(true);
    expect(isInsideFolder('/d', '/d/x/y')).toBe(true);
    expect(isInsideFolder('/d', '/d/..x')).toBe(true);
    expect(isInsideFolder('/d', '/dx')).toBe(false);
    expect(isInsideFolder('/d', '/')).toBe(false);
    expect(isInsideFolder('/d/x', '/d')).toBe(false);
  });

  it('realPathOf follows links and keeps a missing tail as written', () => {
    expect(realPathOf(path.join(dir, 'data', 'in-link', 'b.csv'))).toBe(path.join(dir, 'data', 'sub', 'b.csv'));
    expect(realPathOf(path.join(dir, 'data-link', 'new', '..', 'later.csv'))).toBe(path.join(dir, 'data', 'later.csv'));
  });

  it('locateDataFile: relative, climbing, absolute and linked paths', () => {
    const data = path.join(dir, 'data');
    expect(locateDataFile(data, 'a.csv').inside).toBe(true);
    expect(locateDataFile(data, 'in-link/b.csv').inside).toBe(true);
    expect(locateDataFile(data, 'sub/../a.csv').inside).toBe(true);
    expect(locateDataFile(data, 'missing/later.csv').inside).toBe(true);
    expect(locateDataFile(data, '../data-link/a.csv').inside).toBe(true);
    expect(locateDataFile(data, '../x.csv').inside).toBe(false);
    expect(locateDataFile(data, '/etc/passwd').inside).toBe(false);
    expect(locateDataFile(data, 'out.csv')).toMatchObject({ inside: false, realPath: path.join(outside, 'o.csv') });
    // A catalog reached through a linked folder is confined to the real folder.
    expect(locateDataFile(path.join(dir, 'data-link'), 'a.csv')).toMatchObject({ inside: true, realFolder: data });
  });
});
