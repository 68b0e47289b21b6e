import type { CommandIo } from './command';
import { coloursOf, styleOf } from './output-style';

/** A progress display: `update(done, total)` as work completes, then `done()`. */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

/** Options of {@link progressBar}. */
export interface ProgressOptions {
  /** Milliseconds since some origin (default `performance.now`); tests pass a fake clock. */
  readonly now?: () => number;
  /** Least time between two redraws, in ms (default 100); the first and the last are always drawn. */
  readonly everyMs?: number;
}

/** `1.2 s`, `45 s`, `3 min 05 s`. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** `950/s`, `12.5k/s`: units of work per second. */
function formatRate(perSecond: number): string {
  if (perSecond >= 10_000) return `${(perSecond / 1000).toFixed(0)}k/s`;
  if (perSecond >= 1000) return `${(perSecond / 1000).toFixed(1)}k/s`;
  return `${perSecond >= 10 ? perSecond.toFixed(0) : perSecond.toFixed(1)}/s`;
}

/**
 * One line of progress on stderr, redrawn in place: the bar, the percentage, the units done,
 * the time elapsed, the rate and the time left (estimated from the rate so far). Drawn only when
 * stderr is a terminal and not under `--quiet`, so logs and pipes stay clean; `done()` leaves
 * the last line with the total time.
 */
export function progressBar(io: CommandIo, label: string, options: ProgressOptions = {}): Progress {
  const style = styleOf(io);
  const active = style.terminal && !style.quiet;
  const now = options.now ?? (() => performance.now());
  const everyMs = options.everyMs ?? 100;
  const c = coloursOf(io);
  const started = now();
  let drawnAt = -Infinity, drawn = false, lastDone = 0, lastTotal = 0;
  const draw = (done: number, total: number, final: boolean): void => {
    const elapsed = now() - started;
    const width = 24, filled = Math.round((width * done) / total);
    const pct = Math.floor((100 * done) / total);
    const rate = elapsed > 0 ? (done * 1000) / elapsed : 0;
    const timing = final || done >= total
      ? `in ${formatSeconds(elapsed)}`
      : `${formatSeconds(elapsed)}, ${rate > 0 ? `${formatRate(rate)}, ETA ${formatSeconds(((total - done) / rate) * 1000)}` : 'ETA n/a'}`;
    io.stderr(`\r${label} [${c.green('#'.repeat(filled))}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${done}/${total} ${c.dim(timing)}\x1b[K`);
    drawn = true;
    drawnAt = now();
  };
  return {
    update(done, total) {
      if (!active || total <= 0) return;
      lastDone = done;
      lastTotal = total;
      if (done < total && now() - drawnAt < everyMs) return;
      draw(done, total, false);
    },
    done() {
      if (!active || !drawn) return;
      draw(lastDone, lastTotal, true);
      io.stderr('\n');
    },
  };
}

/**
 * A note on stderr while something without steps runs (`loading data from <path> ...`), erased
 * when `done()` is called; on a terminal only, and not under `--quiet`.
 */
export function statusLine(io: CommandIo, text: string): { done(): void } {
  const style = styleOf(io);
  if (!style.terminal || style.quiet) return { done: () => undefined };
  io.stderr(`${coloursOf(io).dim(text)}`);
  return { done: () => io.stderr('\r\x1b[K') };
}
