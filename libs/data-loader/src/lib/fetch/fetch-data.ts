import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogEntry } from '../catalog/catalog-schema';
import { commitCacheFiles, type CacheFile } from './commit-cache-files';
import { resolveFetchBaseUrls, type FetchBaseUrls } from './fetch-base-urls';
import { FetchError } from './fetch-error';
import { deriveFedTargetCsv } from './fed-target-csv';
import { downloadFredCsv, lastCsvDate } from './fred-download';
import type { RetryPolicy } from './http-get';
import { downloadKenFrenchCsv, FF_SIZE_VW_SECTION, normalizeKenFrenchSection } from './ken-french-zip';
import { downloadYahooCsv } from './yahoo-chart';

/** Names accepted by `ratecut fetch --series`, each one source download (or a small group). */
export const FETCH_SERIES_KEYS = ['rut', 'gspc', 'iwm', 'spy', 'vix', 'dff', 'fed-target', 'tbill', 'ff-size', 'ff-factors'] as const;

/** One of {@link FETCH_SERIES_KEYS}. */
export type FetchSeriesKey = (typeof FETCH_SERIES_KEYS)[number];

/** Options of {@link fetchData}. */
export interface FetchDataOptions {
  /** Cache folder; created when missing. */
  readonly outDir: string;
  /** What to fetch (default: everything). */
  readonly series?: readonly FetchSeriesKey[];
  /** Host overrides; otherwise `RATECUT_FETCH_BASE_URL` from `env`, otherwise the public hosts. */
  readonly baseUrls?: Partial<FetchBaseUrls>;
  readonly env?: NodeJS.ProcessEnv;
  readonly retry?: RetryPolicy;
  /** Clock for `fetchedAt` and Yahoo's `period2` (default: now). */
  readonly now?: () => Date;
  /** Called before and after each download. */
  readonly onProgress?: (event: { readonly key: FetchSeriesKey; readonly index: number; readonly total: number; readonly phase: 'start' | 'done' }) => void;
}

/** What {@link fetchData} wrote. */
export interface FetchDataResult {
  readonly catalogPath: string;
  /** Paths written, relative to the cache folder (catalog.json last). */
  readonly files: readonly string[];
  readonly entries: readonly CatalogEntry[];
}

const YAHOO: Record<'rut' | 'gspc' | 'iwm' | 'spy' | 'vix', { symbol: string; title: string; adjusted: boolean; kind: 'price' | 'level' }> = {
  rut: { symbol: '^RUT', title: 'Russell 2000 price index (^RUT)', adjusted: false, kind: 'price' },
  gspc: { symbol: '^GSPC', title: 'S&P 500 price index (^GSPC)', adjusted: false, kind: 'price' },
  iwm: { symbol: 'IWM', title: 'iShares Russell 2000 ETF (IWM), dividend-adjusted close', adjusted: true, kind: 'price' },
  spy: { symbol: 'SPY', title: 'SPDR S&P 500 ETF (SPY), dividend-adjusted close', adjusted: true, kind: 'price' },
  vix: { symbol: '^VIX', title: 'CBOE Volatility Index (^VIX)', adjusted: false, kind: 'level' },
};

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function firstCsvDate(text: string): string | undefined {
  const line = text.split(/\r?\n/).find((l, i) => i > 0 && l.trim() !== '');
  return line?.split(',')[0]?.replace(/"/g, '').trim();
}

function dateRange(text: string, monthly = false): { first?: string; last?: string } {
  const fix = (d: string | undefined): string | undefined => (d === undefined ? undefined : monthly && /^\d{6}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4)}` : d);
  const first = fix(firstCsvDate(text)), last = fix(lastCsvDate(text));
  return { ...(first === undefined ? {} : { first }), ...(last === undefined ? {} : { last }) };
}

function readExisting(dir: string, path: string): string | undefined {
  const full = join(dir, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

function readCatalogSeries(dir: string): Record<string, unknown>[] {
  const path = join(dir, 'catalog.json');
  if (!existsSync(path)) return [];
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as { series?: unknown };
    return Array.isArray(json.series) ? (json.series as Record<string, unknown>[]) : [];
  } catch (e) {
    throw new FetchError('cache', `${path} is not valid JSON (${e instanceof Error ? e.message : String(e)}); move it away and fetch again`);
  }
}

/**
 * Downloads the chosen series from FRED, Yahoo Finance and the Ken French data library into
 * `outDir`, incrementally where a previous download exists, and writes `catalog.json` (entries with
 * `sha256` and `fetchedAt`; entries of series not fetched this time are kept). Everything is
 * downloaded and checked in memory first and then committed all-or-nothing, so on any error
 * (a {@link FetchError}) the folder is exactly as before.
 */
export async function fetchData(options: FetchDataOptions): Promise<FetchDataResult> {
  const dir = options.outDir;
  const urls = resolveFetchBaseUrls(options.env ?? {}, options.baseUrls);
  const retry = options.retry ?? {};
  const now = (options.now ?? (() => new Date()))();
  const fetchedAt = now.toISOString();
  const keys = FETCH_SERIES_KEYS.filter((k) => (options.series ?? FETCH_SERIES_KEYS).includes(k));
  const previous = readCatalogSeries(dir);
  const files: CacheFile[] = [];
  const entries: CatalogEntry[] = [];
  const add = (path: string, content: string, entry?: Readonly<Record<string, unknown>>): void => {
    files.push({ path, content });
    if (entry !== undefined) entries.push({ ...entry, file: path, sha256: sha256(content), fetchedAt } as unknown as CatalogEntry);
  };
  const fred = (id: string, path: string): Promise<string> => downloadFredCsv(urls.fred, id, readExisting(dir, path), retry);

  for (const [index, key] of keys.entries()) {
    options.onProgress?.({ key, index, total: keys.length, phase: 'start' });
    switch (key) {
      case 'rut':
      case 'gspc':
      case 'iwm':
      case 'spy':
      case 'vix': {
        const y = YAHOO[key];
        const path = `yahoo/${y.symbol.replace('^', '')}.csv`;
        const text = await downloadYahooCsv(urls.yahoo, y.symbol, readExisting(dir, path), retry, now);
        add(path, text, {
          id: key, title: y.title, format: 'yahoo', date: 'Date', dateFormat: 'YYYY-MM-DD', value: y.adjusted ? 'Adj Close' : 'Close',
          columns: ['Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'], kind: y.kind, ...(y.kind === 'price' ? { totalReturn: y.adjusted } : {}),
          frequency: 'daily', unit: y.adjusted ? 'USD (adjusted)' : 'index points', ...dateRange(text), source: 'Yahoo Finance',
        });
        break;
      }
      case 'dff': {
        const text = await fred('DFF', 'fred/DFF.csv');
        add('fred/DFF.csv', text, {
          id: 'dff', title: 'Effective federal funds rate (FRED DFF)', format: 'fred', value: 'DFF', kind: 'rate', frequency: 'daily-calendar',
          unit: 'percent per year', ...dateRange(text), source: 'FRED (Board of Governors H.15)',
        });
        break;
      }
      case 'fed-target': {
        const point = await fred('DFEDTAR', 'fred/DFEDTAR.csv');
        const lower = await fred('DFEDTARL', 'fred/DFEDTARL.csv');
        const upper = await fred('DFEDTARU', 'fred/DFEDTARU.csv');
        add('fred/DFEDTAR.csv', point);
        add('fred/DFEDTARL.csv', lower);
        add('fred/DFEDTARU.csv', upper);
        const derived = deriveFedTargetCsv(point, lower, upper);
        add('fred/fed_target_daily.csv', derived, {
          id: 'fed-target', title: 'FOMC policy target: DFEDTAR point target, then DFEDTARL/DFEDTARU range (derived, every calendar day)',
          format: 'csv', date: 'date', dateFormat: 'YYYY-MM-DD', value: 'target_upper_pct', columns: ['target_lower_pct', 'target_upper_pct', 'target_mid_pct'],
          kind: 'rate', frequency: 'daily-calendar', unit: 'percent per year', ...dateRange(derived), source: 'FRED',
        });
        break;
      }
      case 'tbill': {
        const daily = await fred('DTB3', 'fred/DTB3.csv');
        const monthly = await fred('TB3MS', 'fred/TB3MS.csv');
        add('fred/DTB3.csv', daily, {
          id: 'tbill-3m-daily', title: '3-month Treasury bill, secondary market (FRED DTB3)', format: 'fred', value: 'DTB3', kind: 'rate',
          frequency: 'daily', unit: 'percent per year', ...dateRange(daily), source: 'FRED',
        });
        add('fred/TB3MS.csv', monthly, {
          id: 'tbill-3m-monthly', title: '3-month Treasury bill, secondary market (FRED TB3MS)', format: 'fred', value: 'TB3MS', kind: 'rate',
          frequency: 'monthly', unit: 'percent per year', ...dateRange(monthly), source: 'FRED',
        });
        break;
      }
      case 'ff-size': {
        const csv = await downloadKenFrenchCsv(urls.kenFrench, 'Portfolios_Formed_on_ME_CSV.zip', retry, FF_SIZE_VW_SECTION);
        const norm = normalizeKenFrenchSection(csv.text, csv.name, FF_SIZE_VW_SECTION);
        const common = { kind: 'return', totalReturn: true, frequency: 'monthly', unit: 'percent per month', source: 'Kenneth R. French data library' } as const;
        add('ken-french/ME_portfolios_VW_monthly.normalized.csv', norm.csv, {
          id: 'ff-size-vw', title: 'Fama-French portfolios formed on size (ME), value-weighted monthly returns (normalized column names)',
          format: 'csv', date: 'yyyymm', dateFormat: 'YYYYMM', value: 'Lo10', columns: norm.columns, ...common, ...dateRange(norm.csv, true), missing: ['-99.99', '-999'],
        });
        add(`ken-french/${csv.name}`, csv.text, {
          id: 'ff-size-original', title: `Fama-French ${csv.name} as published, section "${FF_SIZE_VW_SECTION}"`, format: 'ken-french',
          section: FF_SIZE_VW_SECTION, value: 'Lo 10', columns: ['Lo 10', 'Hi 10'], ...common, ...dateRange(norm.csv, true),
        });
        break;
      }
      case 'ff-factors': {
        const csv = await downloadKenFrenchCsv(urls.kenFrench, 'F-F_Research_Data_Factors_CSV.zip', retry);
        add(`ken-french/${csv.name}`, csv.text, {
          id: 'ff-factors-monthly', title: 'Fama-French 3 factors (Mkt-RF, SMB, HML, RF), monthly, as published', format: 'ken-french',
          value: 'Mkt-RF', columns: ['Mkt-RF', 'SMB', 'HML', 'RF'], kind: 'return', frequency: 'monthly', unit: 'percent per month', source: 'Kenneth R. French data library',
        });
        break;
      }
    }
    options.onProgress?.({ key, index, total: keys.length, phase: 'done' });
  }

  const newIds = new Set(entries.map((e) => e.id));
  const series = [...previous.filter((e) => !newIds.has(String(e['id']))), ...entries];
  const catalog = {
    catalog: 1,
    about: 'Downloaded by `ratecut fetch` from FRED, Yahoo Finance and the Ken French data library. Paths are relative to this file; run the command again to update.',
    series,
  };
  commitCacheFiles(dir, files, `${JSON.stringify(catalog, null, 2)}\n`);
  return { catalogPath: join(dir, 'catalog.json'), files: [...files.map((f) => f.path), 'catalog.json'], entries };
}
