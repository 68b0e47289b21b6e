import { createColors } from 'picocolors';
import type { Colors } from 'picocolors/types';
import type { CommandIo } from './command';

/**
 * How a run speaks, decided once by `main` from the global flags, the environment and the
 * streams, and carried in {@link CommandIo.style}.
 */
export interface OutputStyle {
  /** `--json`: stdout holds one JSON document and nothing else (messages stay on stderr). */
  readonly json: boolean;
  /** `--quiet`: stderr holds errors and the synthetic-sample notice only. */
  readonly quiet: boolean;
  /** stderr is a terminal: progress is drawn there, redrawn in place. */
  readonly terminal: boolean;
  /** Colours on stderr (see {@link colourWanted}). */
  readonly color: boolean;
}

/** The style of a run without flags, on streams that are not terminals (tests, pipes). */
export const PLAIN_STYLE: OutputStyle = { json: false, quiet: false, terminal: false, color: false };

/** The style of `io`: {@link PLAIN_STYLE} when it names none. */
export function styleOf(io: CommandIo): OutputStyle {
  return io.style ?? PLAIN_STYLE;
}

const isSet = (v: string | undefined): boolean => v !== undefined && v !== '';

/**
 * Whether messages on a stream are coloured: `FORCE_COLOR` set to anything but `0` or `false`
 * forces colour on, `NO_COLOR` set and not empty turns it off (https://no-color.org), and
 * otherwise a terminal other than `TERM=dumb` gets colour. FORCE_COLOR=0 turns it off too.
 */
export function colourWanted(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (isSet(force)) return force !== '0' && force !== 'false';
  if (force === '') return true; // `FORCE_COLOR=` (set, empty) means on, as in Node and chalk
  if (isSet(env['NO_COLOR'])) return false;
  return isTerminal && env['TERM'] !== 'dumb';
}

/** The colour functions of `io`'s style (identity functions when colour is off). */
export function coloursOf(io: CommandIo): Colors {
  const on = styleOf(io).color;
  return on ? ON : OFF;
}

const ON = createColors(true);
const OFF = createColors(false);
