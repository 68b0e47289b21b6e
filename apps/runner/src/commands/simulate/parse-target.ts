import { UsageError } from '../../cli/command';
import type { SimulateTarget as Target } from '@ratecut/studies/simulate';

/** The accepted `--target` forms, shown in every error about one. */
export const TARGET_FORMS =
  'leg:level with leg small, large or spread, and level a percentage with a % sign (small:+20%, large:11%, spread:-2.5%) ' +
  'or a decimal strictly between -1 and 1 (small:0.20, spread:-0.05)';

/**
 * Parses a `--target`: the probability that a leg's horizon return is at least a level.
 *
 * Accepted levels: a percentage with a `%` sign (`+20%`, `20%`, `-5%`, `12.5%`), or a decimal
 * return strictly between −1 and 1 (`0.20`, `-0.05`, `.2`). A bare number of magnitude 1 or
 * more (`small:+20`, `small:1`) is ambiguous (20 % or +2,000 %?) and refused; so are levels
 * below −100 % for a single leg (a long position cannot lose more than everything).
 * Every refusal is a {@link UsageError} that lists the accepted forms.
 */
export function parseTarget(text: string): Target {
  const trimmed = text.trim();
  const refuse = (why: string): never => { throw new UsageError(`--target ${JSON.stringify(text)}: ${why}; expected ${TARGET_FORMS}`); };
  const m = /^(small|large|spread):([+-]?(?:\d+(?:\.\d+)?|\.\d+))(%?)$/.exec(trimmed);
  if (!m) return refuse('not a target');
  const leg = m[1] as Target['leg'];
  const number = Number(m[2]);
  const percent = m[3] === '%';
  if (!percent && Math.abs(number) >= 1) {
    return refuse(`${m[2]} without % is ambiguous (${m[2]}% or a decimal return of ${number >= 0 ? '+' : ''}${number * 100}%?): write ${m[2]}% for a percentage, or ${(number / 100).toString()} as a decimal`);
  }
  const level = percent ? number / 100 : number;
  if (leg !== 'spread' && level < -1) refuse(`a ${leg}-cap return cannot be below -100%`);
  return { leg, level, text: trimmed };
}
