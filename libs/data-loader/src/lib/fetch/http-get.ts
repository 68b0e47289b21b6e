import { FetchError } from './fetch-error';

/** The subset of the WHATWG `fetch` used here, so tests can pass their own. */
export type FetchFunction = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>;

/** How {@link httpGet} retries. Delays are injectable so tests run fast. */
export interface RetryPolicy {
  /** Total attempts, including the first (default 3). */
  readonly attempts?: number;
  /** Delay before the second attempt in ms; doubled before each further one (default 500). */
  readonly baseDelayMs?: number;
  /** Upper bound for a server's `Retry-After`, in ms (default 60 000). */
  readonly maxRetryAfterMs?: number;
  /** Waits `ms` milliseconds (default: a real timer). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Per-request timeout in ms (default 120 000). */
  readonly timeoutMs?: number;
  readonly fetch?: FetchFunction;
}

const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; depth < 4 && cur !== null && typeof cur === 'object'; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Parses `Retry-After` (seconds or an HTTP date) into ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GETs `url` and returns the body as bytes. Retries network errors, HTTP 5xx and 429 with
 * exponential back-off (`baseDelayMs`, ×2 each time; a 429's `Retry-After` is honoured, capped).
 * A DNS failure or refused connection ends as "cannot reach <host>: offline?"; any other
 * failure as a {@link FetchError} naming `source`.
 */
export async function httpGet(url: string, source: string, policy: RetryPolicy = {}): Promise<Uint8Array> {
  const attempts = policy.attempts ?? 3;
  const sleep = policy.sleep ?? realSleep;
  const doFetch: FetchFunction = policy.fetch ?? ((u, init) => fetch(u, init));
  const host = new URL(url).host;
  let delay = policy.baseDelayMs ?? 500;
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait = delay;
    try {
      const response = await doFetch(url, {
        headers: { 'User-Agent': 'Mozilla/5.0 (compatible; ratecut-fetch)', Accept: '*/*' },
        signal: AbortSignal.timeout(policy.timeoutMs ?? 120_000),
      });
      if (response.ok) return new Uint8Array(await response.arrayBuffer());
      await response.arrayBuffer().catch(() => undefined);
      lastProblem = `HTTP ${response.status} ${response.statusText} from ${host}`;
      if (response.status !== 429 && response.status < 500) throw new FetchError(source, `${lastProblem} for ${url}`);
      if (response.status === 429) {
        const after = retryAfterMs(response.headers.get('retry-after'));
        if (after !== undefined) wait = Math.min(after, policy.maxRetryAfterMs ?? 60_000);
      }
    } catch (e) {
      if (e instanceof FetchError) throw e;
      const code = errorCode(e);
      if (code !== undefined && OFFLINE_CODES.has(code)) {
        if (code !== 'ECONNREFUSED' || attempt === attempts) throw new FetchError(source, `cannot reach ${host}: offline? (${code})`);
      }
      lastProblem = `network error talking to ${host}: ${code ?? (e instanceof Error ? e.message : String(e))}`;
    }
    if (attempt < attempts) {
      await sleep(wait);
      delay *= 2;
    }
  }
  throw new FetchError(source, `${lastProblem} (gave up after ${attempts} attempts)`);
}
