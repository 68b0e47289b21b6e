import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeTempDir } from '../../testing';
import { readTextFile } from './read-text-file';

describe('readTextFile', () => {
  let dir = '';
  beforeAll(() => {
    dir = makeTempDir({ 'a.csv': 'date,x\n' });
  });
  afterAll(() => removeTempDir(dir));

  it('reads a file', () => {
    expect(readTextFile(path.join(dir, 'a.csv'))).toEqual({ ok: true, value: 'date,x\n', warnings: [] });
  });

  it('reports a missing file without throwing', () => {
    const file = path.join(dir, 'nope.csv');
    const r = readTextFile(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([expect.objectContaining({ code: 'missing-file', severity: 'error', file })]);
    expect(r.issues[0].message).toContain('file not found');
  });

  it('reports a folder as a missing file', () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    const r = readTextFile(path.join(dir, 'sub'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toContain('folder');
  });
});
