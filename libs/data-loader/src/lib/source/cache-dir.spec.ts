import * as path from 'node:path';
import { cacheDir } from './cache-dir';

describe('cacheDir', () => {
  const home = '/home/ana';
  it('follows the XDG rules on Linux', () => {
    expect(cacheDir({ env: {}, platform: 'linux', home })).toBe('/home/ana/.cache/ratecut');
    expect(cacheDir({ env: { XDG_CACHE_HOME: '/var/cache/ana' }, platform: 'linux', home })).toBe('/var/cache/ana/ratecut');
    // A relative XDG_CACHE_HOME is invalid by the specification and ignored.
    expect(cacheDir({ env: { XDG_CACHE_HOME: 'cache' }, platform: 'linux', home })).toBe('/home/ana/.cache/ratecut');
  });

  it('uses the platform folders on macOS and Windows', () => {
    expect(cacheDir({ env: {}, platform: 'darwin', home })).toBe('/home/ana/Library/Caches/ratecut');
    expect(cacheDir({ env: { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, platform: 'win32', home })).toBe(path.join('C:\\Users\\ana\\AppData\\Local', 'ratecut', 'Cache'));
  });

  it('takes RATECUT_CACHE first, resolved against the current folder, and ignores a blank one', () => {
    expect(cacheDir({ env: { RATECUT_CACHE: '/data/rc', XDG_CACHE_HOME: '/x' }, platform: 'linux', home })).toBe('/data/rc');
    expect(cacheDir({ env: { RATECUT_CACHE: 'rc' }, platform: 'linux', home })).toBe(path.resolve('rc'));
    expect(cacheDir({ env: { RATECUT_CACHE: ' ' }, platform: 'linux', home })).toBe('/home/ana/.cache/ratecut');
  });
});
