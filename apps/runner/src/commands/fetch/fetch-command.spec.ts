import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog, loadSeries } from '@ratecut/data-loader';
import { main } from '../../main';
import { captureIo } from '../../testing/capture-io';
import { parseSeriesOption } from './fetch-command';

let http: Server;
let base = '';
let html = false;
const requests: string[] = [];

beforeAll(async () => {
  http = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (html) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Down for maintenance</body></html>');
    if (url.pathname === '/graph/fredgraph.csv' && url.searchParams.get('id') === 'DFF') {
      return void res.writeHead(200).end('observation_date,DFF\n2024-09-18,5.33\n2024-09-19,4.83\n');
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => http.close(() => resolve())));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ratecut-fetch-cmd-'));
  html = false;
  requests.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ratecut fetch', () => {
  it('downloads the chosen series into --out with a readable catalog, progress on stderr', async () => {
    const io = captureIo({ RATECUT_FETCH_BASE_URL: base }, dir);
    expect(await main(['fetch', '--out', 'cache', '--series', 'dff'], io)).toBe(0);
    expect(io.err()).toContain('[1/1] dff ...');
    expect(io.err()).toContain('catalog.json');
    expect(io.out()).toBe('');
    const catalog = loadCatalog(join(dir, 'cache'));
    if (!catalog.ok) throw new Error(JSON.stringify(catalog.issues));
    const dff = loadSeries(catalog.value, 'dff');
    expect(dff.ok && Array.from(dff.value.values)).toEqual([0.0533, 0.0483]);
    expect(requests).toEqual(['/graph/fredgraph.csv?id=DFF']);
  });

  it('prints what it wrote as JSON with --json, and nothing but errors on stderr with --quiet', async () => {
    const io = captureIo({ RATECUT_FETCH_BASE_URL: base }, dir);
    expect(await main(['fetch', '--out', 'cache', '--series', 'dff', '--json', '--quiet'], io)).toBe(0);
    expect(io.err()).toBe('');
    const doc = JSON.parse(io.out()) as { command: string; folder: string; catalog: string; files: string[]; series: string[] };
    expect(doc).toMatchObject({ command: 'fetch', folder: join(dir, 'cache'), catalog: join(dir, 'cache', 'catalog.json'), series: ['dff'] });
    expect(doc.files.length).toBeGreaterThan(0);
  });

  it('exits 1 naming the source and leaves the cache unchanged when a source changed its format', async () => {
    const io = captureIo({ RATECUT_FETCH_BASE_URL: base }, dir);
    expect(await main(['fetch', '--out', dir, '--series', 'dff'], io)).toBe(0);
    const before = readFileSync(join(dir, 'catalog.json'), 'utf8') + readFileSync(join(dir, 'fred/DFF.csv'), 'utf8');
    html = true;
    const io2 = captureIo({ RATECUT_FETCH_BASE_URL: base }, dir);
    expect(await main(['fetch', '--out', dir, '--series', 'dff'], io2)).toBe(1);
    expect(io2.err()).toContain('FRED DFF: expected a CSV with header "observation_date,DFF", got an HTML page');
    expect(readFileSync(join(dir, 'catalog.json'), 'utf8') + readFileSync(join(dir, 'fred/DFF.csv'), 'utf8')).toBe(before);
  });

  it('refuses --out naming a file before any download, in one line', async () => {
    writeFileSync(join(dir, 'afile'), 'x');
    const io = captureIo({ RATECUT_FETCH_BASE_URL: base }, dir);
    expect(await main(['fetch', '--out', 'afile', '--series', 'dff'], io)).toBe(2);
    expect(io.err()).toBe('ratecut fetch: --out afile is a file, not a folder; name a folder for the downloaded data\n');
    const under = captureIo({ RATECUT_FETCH_BASE_URL: base }, dir);
    expect(await main(['fetch', '--out', 'afile/cache', '--series', 'dff'], under)).toBe(2);
    expect(under.err()).toBe('ratecut fetch: --out afile/cache: a part of the path is a file, not a folder; choose another --out\n');
    expect(requests).toEqual([]);
    expect(readFileSync(join(dir, 'afile'), 'utf8')).toBe('x');
  });

  it('refuses a second fetch into the same folder while one runs', async () => {
    writeFileSync(join(dir, 'cache.lock'), `${process.pid}\n`);
    const io = captureIo({ RATECUT_FETCH_BASE_URL: base }, dir);
    expect(await main(['fetch', '--out', 'cache', '--series', 'dff'], io)).toBe(1);
    expect(io.err()).toBe(`ratecut fetch: cache is being written by another ratecut (pid ${process.pid}); wait for it to finish, or delete cache.lock if no ratecut is running\n`);
    expect(requests).toEqual([]);
  });

  it('fetches into the user\'s cache folder by default (XDG_CACHE_HOME, or RATECUT_CACHE), where cycles then finds it', async () => {
    const xdg = join(dir, 'xdg');
    const io = captureIo({ RATECUT_FETCH_BASE_URL: base, XDG_CACHE_HOME: xdg }, dir);
    expect(await main(['fetch', '--series', 'dff'], io)).toBe(0);
    expect(loadCatalog(join(xdg, 'ratecut')).ok).toBe(true);
    const named = captureIo({ RATECUT_FETCH_BASE_URL: base, XDG_CACHE_HOME: xdg, RATECUT_CACHE: 'mine' }, dir);
    expect(await main(['fetch', '--series', 'dff'], named)).toBe(0);
    expect(loadCatalog(join(dir, 'mine')).ok).toBe(true);
    const blank = captureIo({ RATECUT_FETCH_BASE_URL: base, RATECUT_CACHE: '' }, dir);
    expect(await main(['fetch', '--series', 'dff'], blank)).toBe(2);
    expect(blank.err()).toContain('RATECUT_CACHE: set but empty');
  });

  it('rejects unknown series names as a usage error', async () => {
    const io = captureIo({ RATECUT_FETCH_BASE_URL: base }, dir);
    expect(await main(['fetch', '--series', 'dff,nope'], io)).toBe(2);
    expect(io.err()).toContain('--series "dff,nope": expected a comma-separated list of rut, gspc');
    expect(requests).toEqual([]);
  });

  it('parses --series lists', () => {
    expect(parseSeriesOption(undefined)).toHaveLength(10);
    expect(parseSeriesOption('RUT, ff-size')).toEqual(['rut', 'ff-size']);
  });

  it('prints its usage', async () => {
    const io = captureIo();
    expect(await main(['fetch', '--help'], io)).toBe(0);
    expect(io.out()).toContain('Usage: ratecut fetch');
  });
});
