import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayInputPath, fingerprintInputs, sha256File } from './input-fingerprints';

describe('input fingerprints', () => {
  it('hashes the bytes of a file (FIPS 180-2 test vector "abc")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-fp-'));
    writeFileSync(join(dir, 'abc.txt'), 'abc');
    expect(sha256File(join(dir, 'abc.txt'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('names shipped facts ratecut:data/... and data files relative to the catalog folder', () => {
    expect(displayInputPath('/opt/ratecut/data/nber-business-cycles.json', '/data', '/opt/ratecut/data')).toBe('ratecut:data/nber-business-cycles.json');
    expect(displayInputPath('/data/yahoo/RUT.csv', '/data', '/opt/ratecut/data')).toBe('yahoo/RUT.csv');
    const dir = mkdtempSync(join(tmpdir(), 'ratecut-fp-'));
    writeFileSync(join(dir, 'x.csv'), '');
    expect(fingerprintInputs([join(dir, 'x.csv')], dir, '/nowhere')).toEqual([{ file: 'x.csv', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }]);
  });
});
