import type { CommandSpec } from '../cli/command';
import { CYCLES_USAGE } from './cycles/cycles-usage';

/** Every command of the CLI, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'cycles',
    summary: 'Fed easing cycles from real data, with small vs large returns after each first cut',
    usage: CYCLES_USAGE,
    load: async () => (await import('./cycles/cycles-command')).cyclesCommand,
  },
];
