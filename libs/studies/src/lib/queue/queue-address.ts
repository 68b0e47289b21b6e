/**
 * Where a study's job queue is: a Redis server (`redis://[user:password@]host[:port][/db]`, or
 * `rediss://` for TLS) and the key prefix every key of ratecut's queues starts with, so several
 * teams or test runs can share one server.
 */
export interface QueueAddress {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  readonly tls: boolean;
  /** The key prefix (BullMQ's `prefix`). */
  readonly prefix: string;
  /** The address as given, without its password, for messages. */
  readonly text: string;
}

/** The key prefix when none is given. */
export const DEFAULT_QUEUE_PREFIX = 'ratecut';

const PREFIX = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Parses a Redis URL and a key prefix into a {@link QueueAddress}.
 *
 * @throws RangeError naming what is wrong: not a redis:// or rediss:// URL, a port outside
 * 1–65535, a database that is not a whole number 0–15... (Redis's default of 16), a path or
 * query beyond the database, or a prefix with characters other than letters, digits, `_`, `.`
 * and `-` (BullMQ keys are `prefix:queue:id`, so no `:`).
 */
export function parseQueueAddress(url: string, prefix: string = DEFAULT_QUEUE_PREFIX): QueueAddress {
  const expected = 'expected redis://host[:port][/db] (e.g. redis://127.0.0.1:6379/0)';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RangeError(`${JSON.stringify(url)}: not a URL; ${expected}`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new RangeError(`${JSON.stringify(url)}: a ${u.protocol.replace(/:$/, '')} URL; ${expected}`);
  if (u.hostname === '') throw new RangeError(`${JSON.stringify(url)}: no host; ${expected}`);
  const port = u.port === '' ? 6379 : Number(u.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`${JSON.stringify(url)}: port ${u.port} is not 1 to 65535`);
  const path = u.pathname.replace(/^\//, '');
  if (!/^\d{0,5}$/.test(path) || (path !== '' && Number(path) > 65535)) throw new RangeError(`${JSON.stringify(url)}: the path must be a database number (e.g. /0), found /${path}`);
  if (u.search !== '' || u.hash !== '') throw new RangeError(`${JSON.stringify(url)}: no query or fragment expected; ${expected}`);
  if (!PREFIX.test(prefix)) throw new RangeError(`prefix ${JSON.stringify(prefix)}: expected 1 to 64 letters, digits, "_", "." or "-" (no ":")`);
  const username = u.username === '' ? undefined : decodeURIComponent(u.username);
  const password = u.password === '' ? undefined : decodeURIComponent(u.password);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const shown = `${u.protocol}//${username === undefined ? '' : `${username}${password === undefined ? '' : ':***'}@`}${u.host}${path === '' ? '' : `/${path}`}`;
  return {
    host, port, db: path === '' ? 0 : Number(path), tls: u.protocol === 'rediss:', prefix, text: shown,
    ...(username === undefined ? {} : { username }), ...(password === undefined ? {} : { password }),
  };
}

/**
 * ioredis options for an address, as BullMQ wants them for connections that must outlive a
 * Redis restart: commands wait for the connection to come back (`maxRetriesPerRequest: null`)
 * instead of failing, and ioredis reconnects with its back-off.
 */
export function redisOptions(address: QueueAddress): {
  host: string; port: number; db: number; username?: string; password?: string; tls?: object; maxRetriesPerRequest: null;
} {
  return {
    host: address.host, port: address.port, db: address.db, maxRetriesPerRequest: null,
    ...(address.username === undefined ? {} : { username: address.username }),
    ...(address.password === undefined ? {} : { password: address.password }),
    ...(address.tls ? { tls: {} } : {}),
  };
}

/**
 * Resolves once Redis at `address` answers a PING, or rejects with an Error saying it could not
 * be reached (after `attempts` tries `delayMs` apart), so a mistyped address fails fast instead
 * of waiting forever as the queue's own connections would.
 */
export async function checkReachable(address: QueueAddress, attempts = 3, delayMs = 300): Promise<void> {
  const { default: Redis } = await import('ioredis');
  let last = '';
  for (let i = 0; i < attempts; i += 1) {
    const client = new Redis({ ...redisOptions(address), lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
    client.on('error', (e: Error) => { last = e.message; });
    try {
      await client.connect();
      await client.ping();
      return;
    } catch (e) {
      if (last === '') last = (e as Error).message;
    } finally {
      client.disconnect();
    }
    if (i + 1 < attempts) await new Promise((r) => setTimeout(r, delayMs));
  }
  throw new Error(`cannot reach Redis at ${address.text}: ${last || 'no answer'}`);
}

/** The events of an ioredis client that {@link watchConnection} follows. */
interface ConnectionEvents {
  on(event: 'close' | 'ready', listener: () => void): unknown;
  on(event: 'error', listener: (e: Error) => void): unknown;
}

/**
 * Watches `client`'s connection to Redis at `address` (a client the caller uses anyway),
 * telling `notice` once when it is lost (with the last error, if any) and once when it is back,
 * so a user watching a long run sees a Redis restart as two lines, not as silence or a flood of
 * errors (the queue's own connections wait for Redis quietly). Returns a function to call before
 * closing the client, so the close is not told as a loss.
 */
export function watchConnection(client: ConnectionEvents, address: QueueAddress, notice: (message: string) => void): () => void {
  let lost = false, stopped = false;
  let last = '';
  client.on('error', (e) => { last = e.message; });
  client.on('close', () => {
    if (lost || stopped) return;
    lost = true;
    notice(`lost the connection to Redis at ${address.text}${last === '' ? '' : ` (${last})`}; waiting for it`);
  });
  client.on('ready', () => {
    if (!lost || stopped) return;
    lost = false;
    last = '';
    notice(`connected to Redis at ${address.text} again`);
  });
  return () => { stopped = true; };
}
