import { httpGet, retryAfterMs, type FetchFunction } from './http-get';

const noSleep = async (): Promise<void> => undefined;

describe('httpGet', () => {
  it('reports a DNS failure at once as offline, naming the host', async () => {
    let calls = 0;
    const fetchFn: FetchFunction = async () => {
      calls++;
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    };
    await expect(httpGet('https://fred.stlouisfed.org/graph/fredgraph.csv?id=DFF', 'FRED DFF', { fetch: fetchFn, sleep: noSleep })).rejects.toThrow(
      'FRED DFF: cannot reach fred.stlouisfed.org: offline? (ENOTFOUND)',
    );
    expect(calls).toBe(1);
  });

  it('retries a reset connection with doubling delays, then succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const fetchFn: FetchFunction = async () => {
      if (++calls < 3) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
      return new Response('ok');
    };
    const body = await httpGet('http://127.0.0.1:1/x', 'test', { fetch: fetchFn, sleep: async (ms) => void delays.push(ms), baseDelayMs: 10 });
    expect(new TextDecoder().decode(body)).toBe('ok');
    expect(delays).toEqual([10, 20]);
  });

  it('does not retry a 404', async () => {
    let calls = 0;
    const fetchFn: FetchFunction = async () => (calls++, new Response('no', { status: 404 }));
    await expect(httpGet('http://127.0.0.1:1/x', 'test', { fetch: fetchFn, sleep: noSleep })).rejects.toThrow(/test: HTTP 404/);
    expect(calls).toBe(1);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates; undefined otherwise', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(10_000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
