import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Redis server started for a test (Debian's `redis-server`), on a random loopback port. */
export interface TestRedis {
  readonly port: number;
  /** `redis://127.0.0.1:<port>/0` */
  readonly url: string;
  /** The server process's pid (it is stopped by pid). */
  pid(): number;
  /** Stops the server (SIGTERM: it writes its append-only file first) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts the server again on the same port and folder, with the data it had. */
  start(): Promise<void>;
  /** Stops the server and removes its folder. */
  dispose(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts `redis-server` on a random loopback port with its data in a fresh temporary folder,
 * persisted in an append-only file (so a restart keeps the queue), and resolves once it accepts
 * connections. Throws with the install command when `redis-server` is not on the PATH.
 */
export async function startTestRedis(): Promise<TestRedis> {
  if (spawnSync('redis-server', ['--version']).error !== undefined) {
    throw new Error('redis-server is not installed: the queue tests need a real Redis (Debian: apt-get install redis-server)');
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ratecut-redis-'));
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--protected-mode', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = p;
    await new Promise<void>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start on port ${port} within 10 s:\n${log}`)), 10_000);
      p.stdout?.on('data', (b: Buffer) => {
        log += b.toString();
        if (/Ready to accept connections/.test(log)) { clearTimeout(timer); resolve(); }
      });
      p.once('exit', (code) => { clearTimeout(timer); reject(new Error(`redis-server exited with code ${code}:\n${log}`)); });
    });
  };
  const stop = async (): Promise<void> => {
    const p = child;
    child = undefined;
    if (p === undefined || p.exitCode !== null) return;
    await new Promise<void>((resolve) => { p.once('exit', () => resolve()); process.kill(p.pid as number, 'SIGTERM'); });
  };
  await start();
  return {
    port, url: `redis://127.0.0.1:${port}/0`,
    pid: () => child?.pid ?? -1,
    stop, start,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
