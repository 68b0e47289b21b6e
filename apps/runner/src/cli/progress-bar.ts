/**
 * A one-line progress bar on stderr, redrawn in place, shown only when stderr is a terminal
 * (so logs and pipes stay clean). Call `update(done, total)`, then `done()`.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): { update(done: number, total: number): void; done(): void } {
  const active = stream.isTTY === true;
  let last = -1;
  return {
    update(done, total) {
      if (!active || total <= 0) return;
      const pct = Math.floor((100 * done) / total);
      if (pct === last) return;
      last = pct;
      const width = 30, filled = Math.round((width * done) / total);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% (${done}/${total})`);
    },
    done() {
      if (active && last >= 0) stream.write('\n');
    },
  };
}
