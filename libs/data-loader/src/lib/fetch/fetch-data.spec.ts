import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { loadCatalog } from '../catalog/load-catalog';
import { loadSeries } from '../catalog/load-series';
import { fetchData, type FetchDataOptions } from './fetch-data';
import { FetchError } from './fetch-error';

const FRED: Record<string, string[]> = {
  DFF: ['2024-09-16,5.33', '2024-09-17,5.33', '2024-09-18,5.33', '2024-09-19,4.83', '2024-09-20,4.83'],
  DFEDTAR: ['2008-12-10,1.00', '2008-12-15,1.00'],
  DFEDTARL: ['2008-12-16,0.00', '2008-12-17,0.00', '2008-12-18,0.00'],
  DFEDTARU: ['2008-12-16,0.25', '2008-12-17,0.25', '2008-12-18,0.25'],
  DTB3: ['2024-09-16,4.80', '2024-09-17,.', '2024-09-18,4.70'],
  TB3MS: ['2024-07-01,5.20', '2024-08-01,5.05', '2024-09-01,4.72'],
};

/** Yahoo bars: ISO day → close; timestamps at 13:30 UTC with gmtoffset -14400 (exchange day). */
const YAHOO_DAYS = ['2024-09-16', '2024-09-17', '2024-09-18', '2024-09-19', '2024-09-20'];

const KF_SIZE = [
  'This file was created using the 202602 CRSP database.',
  '',
  '  Average Value Weight Returns -- Monthly',
  ',<= 0,Lo 30,Med 40,Hi 30,Lo 10,2-Dec,Hi 10',
  '192607,  -99.99,    0.06,    1.53,    3.40,   -0.62,    0.57,    3.67',
  '192608,  -99.99,    3.14,    2.74,    2.90,    1.65,    2.51,    3.79',
  '192609,  -99.99,   -1.52,   -0.87,    0.83,    0.57,   -1.83,    1.26',
  '',
  '  Average Equal Weighted Returns -- Monthly',
  ',<= 0,Lo 30,Med 40,Hi 30,Lo 10,2-Dec,Hi 10',
  '192607,  -99.99,    1.00,    1.00,    1.00,    1.00,    1.00,    1.00',
  '',
].join('\r\n');
const KF_FACTORS = ['This file was created by CMPT_ME_BEME_RETS.', '', ',Mkt-RF,SMB,HML,RF', '192607,    2.89,   -2.55,   -2.39,    0.22', '192608,    2.64,   -1.14,    3.81,    0.25', ''].join('\r\n');

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

interface TestServer {
  readonly base: string;
  readonly requests: string[];
  /** Overrides tried before the normal fixtures; return true when handled. */
  readonly overrides: Handler[];
  /** Extra FRED rows appended to the fixtures (for incremental tests). */
  readonly extraFred: Record<string, string[]>;
  readonly extraYahooDays: string[];
  close(): Promise<void>;
}

function yahooJson(symbol: string, period1: number): string {
  const days = [...YAHOO_DAYS, ...server.extraYahooDays].filter((d) => Date.parse(`${d}T00:00:00Z`) / 1000 >= period1);
  const ts = days.map((d) => Date.parse(`${d}T13:30:00Z`) / 1000);
  const close = days.map((_, i) => 100 + i);
  return JSON.stringify({
    chart: {
      result: [
        {
          meta: { symbol, gmtoffset: -14400 },
          timestamp: ts,
          events: {},
          indicators: { quote: [{ open: close, high: close, low: close, close, volume: close.map(() => 1000) }], adjclose: [{ adjclose: close.map((c) => c - 1) }] },
        },
      ],
      error: null,
    },
  });
}

function serve(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  server.requests.push(url.pathname + url.search);
  for (const h of server.overrides) if (h(req, res, url)) return;
  if (url.pathname === '/graph/fredgraph.csv') {
    const id = url.searchParams.get('id') ?? '';
    const cosd = url.searchParams.get('cosd') ?? '0000';
    const rows = [...(FRED[id] ?? []), ...(server.extraFred[id] ?? [])].filter((r) => r >= cosd);
    res.writeHead(200, { 'content-type': 'text/csv' }).end(`observation_date,${id}\n${rows.join('\n')}\n`);
    return;
  }
  const chart = /^\/v8\/finance\/chart\/(.+)$/.exec(url.pathname);
  if (chart) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(yahooJson(decodeURIComponent(chart[1] ?? ''), Number(url.searchParams.get('period1'))));
    return;
  }
  if (url.pathname === '/pages/faculty/ken.french/ftp/Portfolios_Formed_on_ME_CSV.zip') {
    res.writeHead(200).end(Buffer.from(zipSync({ 'Portfolios_Formed_on_ME.csv': strToU8(KF_SIZE) })));
    return;
  }
  if (url.pathname === '/pages/faculty/ken.french/ftp/F-F_Research_Data_Factors_CSV.zip') {
    res.writeHead(200).end(Buffer.from(zipSync({ 'F-F_Research_Data_Factors.CSV': strToU8(KF_FACTORS) })));
    return;
  }
  res.writeHead(404).end('not found');
}

let server: TestServer;
let http: Server;

beforeAll(async () => {
  http = createServer(serve);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  server = {
    base: `http://127.0.0.1:${port}`,
    requests: [],
    overrides: [],
    extraFred: {},
    extraYahooDays: [],
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
});
afterAll(() => server.close());

let dir: string;
const sleeps: number[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ratecut-fetch-'));
  server.requests.length = 0;
  server.overrides.length = 0;
  sleeps.length = 0;
  for (const k of Object.keys(server.extraFred)) delete server.extraFred[k];
  server.extraYahooDays.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function options(extra: Partial<FetchDataOptions> = {}): FetchDataOptions {
  return {
    outDir: dir,
    env: { RATECUT_FETCH_BASE_URL: server.base },
    retry: { sleep: async (ms) => void sleeps.push(ms) },
    now: () => new Date('2024-09-21T00:00:00Z'),
    ...extra,
  };
}

/** Every file under the cache folder with its bytes, for before/after comparisons. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        out[`${p.slice(root.length)}/`] = '';
        walk(p);
      } else out[p.slice(root.length)] = readFileSync(p).toString('base64');
    }
  };
  walk(root);
  return out;
}

describe('fetchData against a local server', () => {
  it('fetches every source into a catalog that loadCatalog and loadSeries read', async () => {
    const events: string[] = [];
    const result = await fetchData(options({ onProgress: (e) => events.push(`${e.phase}:${e.key}`) }));
    expect(result.files[result.files.length - 1]).toBe('catalog.json');
    expect(events).toContain('done:ff-factors');
    const catalog = loadCatalog(dir);
    if (!catalog.ok) throw new Error(JSON.stringify(catalog.issues));
    const ids = catalog.value.series.map((e) => e.id).sort();
    expect(ids).toEqual(['dff', 'fed-target', 'ff-factors-monthly', 'ff-size-original', 'ff-size-vw', 'gspc', 'iwm', 'rut', 'spy', 'tbill-3m-daily', 'tbill-3m-monthly', 'vix']);
    for (const id of ['rut', 'gspc', 'iwm', 'spy', 'vix', 'dff', 'fed-target', 'fed-target:target_lower_pct', 'tbill-3m-daily', 'tbill-3m-monthly',
      'ff-size-vw:Lo10', 'ff-size-vw:Hi10', 'ff-size-original:Lo 10', 'ff-size-original:Hi 10', 'ff-factors-monthly:SMB']) {
      const s = loadSeries(catalog.value, id);
      if (!s.ok) throw new Error(`${id}: ${JSON.stringify(s.issues)}`);
    }
    const lo10 = loadSeries(catalog.value, 'ff-size-vw:Lo10');
    const lo10orig = loadSeries(catalog.value, 'ff-size-original:Lo 10');
    expect(lo10.ok && lo10orig.ok && Array.from(lo10.value.values)).toEqual(lo10orig.ok ? Array.from(lo10orig.value.values) : []);
    expect(readFileSync(join(dir, 'yahoo/RUT.csv'), 'utf8').split('\n').slice(0, 2)).toEqual(['Date,Open,High,Low,Close,Adj Close,Volume', '2024-09-16,100,100,100,100,99,1000']);
    expect(readFileSync(join(dir, 'fred/fed_target_daily.csv'), 'utf8').split('\n').slice(0, 8)).toEqual([
      'date,target_lower_pct,target_upper_pct,target_mid_pct',
      '2008-12-10,1.0000,1.0000,1.0000',
      '2008-12-11,1.0000,1.0000,1.0000',
      '2008-12-12,1.0000,1.0000,1.0000',
      '2008-12-13,1.0000,1.0000,1.0000',
      '2008-12-14,1.0000,1.0000,1.0000',
      '2008-12-15,1.0000,1.0000,1.0000',
      '2008-12-16,0.0000,0.2500,0.1250',
    ]);
    expect(readFileSync(join(dir, 'ken-french/ME_portfolios_VW_monthly.normalized.csv'), 'utf8').split('\n')[1]).toBe('192607,,0.06,1.53,3.40,-0.62,0.57,3.67');
    const raw = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as { series: { id: string; sha256: string; fetchedAt: string; file: string; first?: string; last?: string }[] };
    const dff = raw.series.find((e) => e.id === 'dff');
    expect(dff).toMatchObject({ fetchedAt: '2024-09-21T00:00:00.000Z', first: '2024-09-16', last: '2024-09-20' });
    expect(dff?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(raw.series.find((e) => e.id === 'ff-size-vw')).toMatchObject({ first: '1926-07', last: '1926-09' });
    expect(server.requests.every((r) => !r.includes('cosd'))).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.ratecut-fetch-'))).toEqual([]);
  });

  it('second fetch asks only for newer dates (cosd, period1) and appends them', async () => {
    await fetchData(options({ series: ['dff', 'rut'] }));
    server.requests.length = 0;
    server.extraFred['DFF'] = ['2024-09-21,4.83'];
    server.extraYahooDays.push('2024-09-23');
    await fetchData(options({ series: ['dff', 'rut'], now: () => new Date('2024-09-24T00:00:00Z') }));
    expect(server.requests).toContain('/graph/fredgraph.csv?id=DFF&cosd=2024-09-21');
    const period1 = String(Date.parse('2024-09-21T00:00:00Z') / 1000);
    expect(server.requests.some((r) => r.startsWith('/v8/finance/chart/%5ERUT?') && r.includes(`period1=${period1}`))).toBe(true);
    expect(readFileSync(join(dir, 'fred/DFF.csv'), 'utf8').trim().split('\n').slice(-2)).toEqual(['2024-09-20,4.83', '2024-09-21,4.83']);
    const rut = readFileSync(join(dir, 'yahoo/RUT.csv'), 'utf8').trim().split('\n');
    expect(rut).toHaveLength(7);
    expect(rut[6]).toMatch(/^2024-09-23,/);
    const catalog = loadCatalog(dir);
    expect(catalog.ok && loadSeries(catalog.value, 'dff').ok).toBe(true);
  });

  it('keeps catalog entries of series not fetched this time', async () => {
    await fetchData(options({ series: ['dff'] }));
    await fetchData(options({ series: ['tbill'] }));
    const raw = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as { series: { id: string }[] };
    expect(raw.series.map((e) => e.id).sort()).toEqual(['dff', 'tbill-3m-daily', 'tbill-3m-monthly']);
  });

  describe('failures leave the cache byte-identical', () => {
    let before: Record<string, string>;
    beforeEach(async () => {
      await fetchData(options({ series: ['dff', 'ff-size'] }));
      server.extraFred['DFF'] = ['2024-09-21,4.83'];
      server.requests.length = 0;
      before = snapshot(dir);
    });
    afterEach(() => expect(snapshot(dir)).toEqual(before));

    it('HTTP 500 is retried with back-off, then reported', async () => {
      server.overrides.push((_req, res, url) => (url.pathname.startsWith('/v8/') ? (res.writeHead(500).end('boom'), true) : false));
      const p = fetchData(options({ series: ['dff', 'rut'] }));
      await expect(p).rejects.toThrow(FetchError);
      await expect(p).rejects.toThrow(/Yahoo \^RUT: HTTP 500 .*gave up after 3 attempts/);
      expect(sleeps).toEqual([500, 1000]);
      expect(server.requests.filter((r) => r.startsWith('/v8/'))).toHaveLength(3);
    });

    it('429 honours Retry-After and then succeeds', async () => {
      let n = 0;
      server.overrides.push((_req, res, url) => (url.pathname.startsWith('/graph/') && n++ === 0 ? (res.writeHead(429, { 'retry-after': '7' }).end(), true) : false));
      server.overrides.push((_req, res, url) => (url.pathname.startsWith('/pages/') ? (res.writeHead(503).end(), true) : false));
      await expect(fetchData(options({ series: ['dff', 'ff-size'] }))).rejects.toThrow(/Ken French Portfolios_Formed_on_ME_CSV.zip: HTTP 503/);
      expect(sleeps).toEqual([7000, 500, 1000]);
    });

    it('a truncated zip is a format error naming the source', async () => {
      const zip = zipSync({ 'Portfolios_Formed_on_ME.csv': strToU8(KF_SIZE) });
      server.overrides.push((_req, res, url) => (url.pathname.endsWith('ME_CSV.zip') ? (res.writeHead(200).end(Buffer.from(zip.subarray(0, zip.length - 30))), true) : false));
      await expect(fetchData(options({ series: ['dff', 'ff-size'] }))).rejects.toThrow(/Ken French Portfolios_Formed_on_ME_CSV.zip: expected a zip archive.*corrupt or truncated/);
    });

    it('an HTML page where CSV was expected is a format error', async () => {
      server.overrides.push((_req, res, url) => (url.searchParams.get('id') === 'DFF' ? (res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Maintenance</body></html>'), true) : false));
      await expect(fetchData(options({ series: ['dff'] }))).rejects.toThrow('FRED DFF: expected a CSV with header "observation_date,DFF", got an HTML page');
    });

    it('a FRED CSV with another header is a format error', async () => {
      server.overrides.push((_req, res, url) => (url.searchParams.get('id') === 'DFF' ? (res.writeHead(200).end('observation_date,SOMETHING\n2024-09-21,1\n'), true) : false));
      await expect(fetchData(options({ series: ['dff'] }))).rejects.toThrow(/FRED DFF: expected a CSV with header/);
    });

    it('a refused connection says the host cannot be reached', async () => {
      const dead = createServer();
      await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
      const port = (dead.address() as AddressInfo).port;
      await new Promise<void>((resolve) => dead.close(() => resolve()));
      await expect(fetchData(options({ series: ['dff'], env: { RATECUT_FETCH_BASE_URL: `http://127.0.0.1:${port}` } }))).rejects.toThrow(
        `FRED DFF: cannot reach 127.0.0.1:${port}: offline? (ECONNREFUSED)`,
      );
    });
  });
});
