/** Hosts of the public sources; each can point at another server (tests, mirrors). */
export interface FetchBaseUrls {
  /** FRED; `/graph/fredgraph.csv?id=…` is appended. */
  readonly fred: string;
  /** Yahoo Finance chart API; `/v8/finance/chart/<symbol>` is appended. */
  readonly yahoo: string;
  /** Ken French data library; `/pages/faculty/ken.french/ftp/<file>.zip` is appended. */
  readonly kenFrench: string;
}

/** The real public hosts. */
export const DEFAULT_FETCH_BASE_URLS: FetchBaseUrls = {
  fred: 'https://fred.stlouisfed.org',
  yahoo: 'https://query1.finance.yahoo.com',
  kenFrench: 'https://mba.tuck.dartmouth.edu',
};

/** Environment variable mapping every source to one host, e.g. `http://127.0.0.1:8080`. */
export const FETCH_BASE_URL_ENV = 'RATECUT_FETCH_BASE_URL';

/** Base URLs from explicit overrides, else `RATECUT_FETCH_BASE_URL`, else the public hosts. */
export function resolveFetchBaseUrls(env: NodeJS.ProcessEnv, overrides: Partial<FetchBaseUrls> = {}): FetchBaseUrls {
  const one = env[FETCH_BASE_URL_ENV]?.trim();
  const base: FetchBaseUrls = one !== undefined && one !== '' ? { fred: one, yahoo: one, kenFrench: one } : DEFAULT_FETCH_BASE_URLS;
  const strip = (u: string): string => u.replace(/\/+$/, '');
  return {
    fred: strip(overrides.fred ?? base.fred),
    yahoo: strip(overrides.yahoo ?? base.yahoo),
    kenFrench: strip(overrides.kenFrench ?? base.kenFrench),
  };
}
