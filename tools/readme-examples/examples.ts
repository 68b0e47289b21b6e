import { between, elide } from './markers';

/** One example output in README.md: the command, what runs before it, and how it is abridged. */
export interface Example {
  /** The marker id in README.md (`<!-- example: ID -->`). */
  readonly id: string;
  /** `ratecut` arguments run before the shown command in the same folder (their output is not shown). */
  readonly setup?: readonly (readonly string[])[];
  /** The `ratecut` arguments shown and run. */
  readonly args: readonly string[];
  /** Text after the command in the caption (e.g. what ran before it). */
  readonly note?: string;
  /** Shortens the output (stdout and stderr interleaved, as a terminal shows them). */
  readonly abridge?: (lines: readonly string[]) => string[];
}

const before1984 = /^\s{2}(19[5-7]\d|198[0-3])-\d\d\s/;

/** The examples, in README order. */
export const EXAMPLES: readonly Example[] = [
  {
    id: 'cycles',
    args: ['cycles'],
    abridge: (lines) => {
      const firstOtherPair = lines.findIndex((l) => /^IWM vs SPY/.test(l));
      const head = firstOtherPair < 0 ? [...lines] : lines.slice(0, firstOtherPair);
      const shown = elide(head, (l) => before1984.test(l));
      return firstOtherPair < 0 ? shown : [...shown, 'IWM vs SPY …  and  Fama-French smallest vs largest size decile … (same layout)'];
    },
  },
  { id: 'backtest', args: ['backtest'] },
  {
    id: 'sweep',
    args: ['backtest', '--strategy', 'cut-trigger', '--sweep', 'holdMonths=3..24:3', '--sweep', 'minMoveBp=0..50:25', '--out', 'results/sweep-cut-trigger.csv'],
    // The elapsed time changes from run to run; the rest is the same.
    abridge: (lines) => lines.map((l) => l.replace(/ in [\d.]+ ms$/, '')),
  },
  { id: 'simulate', args: ['simulate', 'insurance-cuts', '--target', 'small:+20%', '--target', 'large:+11%'] },
  {
    id: 'compare',
    setup: [
      ['backtest', '--strategy', 'cut-trigger', '--out', 'results/cut-trigger.json'],
      ['backtest', '--strategy', 'relative-momentum', '--out', 'results/relative-momentum.json'],
    ],
    args: ['compare', 'results/cut-trigger.json', 'results/relative-momentum.json'],
    note: 'after `backtest --strategy cut-trigger --out results/cut-trigger.json` and the same for `relative-momentum`',
    abridge: (lines) => {
      // Keep the first and last three cycle rows of the per-cycle table.
      const start = lines.findIndex((l) => /^Total return per cycle window/.test(l));
      if (start < 0) return [...lines];
      const header = start + 1;
      let end = header + 1;
      while (end < lines.length && /^\s{2}\d{4}-\d\d/.test(lines[end])) end += 1;
      return elide(lines, (_l, i) => i > header + 3 && i < end - 3);
    },
  },
  {
    id: 'compare-all',
    setup: [['backtest', '--out', 'results/all.json']],
    args: ['compare', 'results/all.json'],
    note: 'after `backtest --out results/all.json`, every built-in strategy in one file',
    abridge: (lines) => between(lines, /deflated Sharpe/i),
  },
  {
    id: 'validate-event',
    args: ['validate', 'event'],
    abridge: (lines) => {
      // The first pair's table in full; the others have the same layout.
      const second = lines.findIndex((l) => /^iwm-spy: /.test(l));
      return second < 0 ? [...lines] : [...lines.slice(0, second), 'iwm-spy: … and ff-size: … (the same layout)'];
    },
  },
  {
    id: 'validate-spa',
    setup: [['backtest', '--out', 'results/all.json']],
    args: ['validate', 'spa', 'results/all.json'],
    note: 'after `backtest --out results/all.json`',
  },
  {
    id: 'validate-spa-sweep',
    args: ['validate', 'spa', '--strategy', 'relative-momentum', '--sweep', 'k=1..24', '--sweep', 'threshold=0..0.049:0.001', '--resamples', '1000'],
  },
  {
    id: 'validate-loco',
    args: ['validate', 'loco'],
  },
  {
    id: 'validate-loco-strategy',
    args: ['validate', 'loco', '--strategy', 'rate-regime'],
  },
  {
    id: 'validate-walk-forward',
    args: ['validate', 'walk-forward'],
  },
  {
    id: 'validate-calibration',
    args: ['validate', 'calibration'],
    abridge: (lines) => {
      // The first scenario (all-cycles) in full; the others have the same layout.
      const second = lines.findIndex((l, i) => i > 5 && /^[a-z-]+ \(/.test(l) && !l.startsWith('all-cycles'));
      const last = lines.length - 1;
      return second < 0 ? [...lines] : [...lines.slice(0, second), 'emergency-cuts, insurance-cuts, recession-easing, resumption: … (the same layout)', '', lines[last]];
    },
  },
  {
    id: 'now',
    args: ['now', '--today', '2026-12-04'],
  },
];
