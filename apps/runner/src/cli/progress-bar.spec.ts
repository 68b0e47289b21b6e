import { captureIo } from '../testing/capture-io';
import { PLAIN_STYLE } from './output-style';
import { formatSeconds, progressBar, statusLine } from './progress-bar';

const terminal = { ...PLAIN_STYLE, terminal: true };

/** A clock the test moves by hand. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1000;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

describe('progressBar', () => {
  it('draws the share done, the elapsed time, the rate and the time left on a terminal', () => {
    const io = { ...captureIo(), style: terminal };
    const clock = fakeClock();
    const bar = progressBar({ ...io }, 'simulate', { now: clock.now });
    clock.advance(2000);
    bar.update(250, 1000);
    // 250 in 2 s: 125 a second, 750 left: 6 s.
    expect(io.err()).toBe('\rsimulate [######..................]  25% 250/1000 2.0 s, 125/s, ETA 6.0 s\x1b[K');
    clock.advance(2000);
    bar.update(1000, 1000);
    bar.done();
    const lines = io.err().split('\r');
    expect(lines[lines.length - 1]).toBe('simulate [########################] 100% 1000/1000 in 4.0 s\x1b[K\n');
  });

  it('redraws at most every 100 ms, but always the end', () => {
    const io = { ...captureIo(), style: terminal };
    const clock = fakeClock();
    const bar = progressBar(io, 'x', { now: clock.now });
    bar.update(1, 10);
    clock.advance(50);
    bar.update(2, 10);
    expect(io.err().split('\r').length - 1).toBe(1);
    clock.advance(60);
    bar.update(3, 10);
    bar.update(10, 10);
    expect(io.err().split('\r').length - 1).toBe(3);
  });

  it('draws nothing when stderr is not a terminal, or under --quiet', () => {
    for (const style of [PLAIN_STYLE, { ...terminal, quiet: true }]) {
      const io = { ...captureIo(), style };
      const bar = progressBar(io, 'x');
      bar.update(1, 2);
      bar.update(2, 2);
      bar.done();
      const status = statusLine(io, 'loading data from /data ...');
      status.done();
      expect(io.err()).toBe('');
    }
  });

  it('shows a status line while data loads, erased when done', () => {
    const io = { ...captureIo(), style: terminal };
    const status = statusLine(io, 'loading data from /data ...');
    expect(io.err()).toBe('loading data from /data ...');
    status.done();
    expect(io.err()).toBe('loading data from /data ...\r\x1b[K');
  });

  it('words durations', () => {
    expect(formatSeconds(1234)).toBe('1.2 s');
    expect(formatSeconds(45_400)).toBe('45 s');
    expect(formatSeconds(185_000)).toBe('3 min 05 s');
  });
});
