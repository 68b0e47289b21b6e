import { errorIssue } from '@ratecut/sim-core';
import type { SeriesFrequency, SeriesKind } from '@ratecut/sim-core';
import type { Issue } from '@ratecut/sim-core';
import { quoteExcerpt } from './excerpt';

/** Largest plausible simple return per period, as a decimal, by sampling frequency (`undefined`: no upper bound). */
export const MAX_PLAUSIBLE_RETURN: Readonly<Record<SeriesFrequency, number | undefined>> = {
  daily: 1,
  'daily-calendar': 1,
  monthly: 10,
  irregular: undefined,
};

/** Largest plausible absolute interest rate, as a decimal per period (100 %). */
export const MAX_PLAUSIBLE_RATE = 1;

/**
 * A rate series in a percent unit whose largest absolute value is below this (as a decimal,
 * i.e. 0.5 % in the file) is taken to be written in decimals: US policy and bill rates have
 * been above 0.5 % in every year since 1954 except 2009-2015 and 2020-2021.
 */
export const MIN_PLAUSIBLE_PEAK_RATE = 0.005;

/**
 * A risky return series (at least {@link MIN_RISKY_NEGATIVE_SHARE} of its periods negative,
 * at least {@link MIN_VOLATILITY_OBSERVATIONS} observations) whose annualised volatility is
 * below this (as a decimal) is taken to be 100 times too small: equity and factor returns have
 * annualised volatilities of 5 to 40 %, the same returns in decimals labelled percent 0.05 to 0.4 %.
 */
export const MIN_PLAUSIBLE_RISKY_VOLATILITY = 0.02;

/** Share of negative periods from which a return series counts as risky (a risk-free rate is almost never negative). */
export const MIN_RISKY_NEGATIVE_SHARE = 0.2;

/** Fewest observations for the volatility check. */
export const MIN_VOLATILITY_OBSERVATIONS = 24;

const PERIODS_PER_YEAR: Readonly<Record<SeriesFrequency, number | undefined>> = {
  daily: 252,
  'daily-calendar': 365,
  monthly: 12,
  irregular: undefined,
};

/** One loaded column to check: values already converted to decimals (see `loadedUnit`). */
export interface UnitCheckInput {
  readonly file: string;
  readonly kind: SeriesKind;
  readonly frequency: SeriesFrequency;
  /** Unit as written in the catalog, e.g. `percent per month`. */
  readonly catalogUnit: string;
  /** Loaded value = file value / divisor (100 for percent units, else 1). */
  readonly divisor: number;
  /** Column name, for messages. */
  readonly columnName: string;
  /** 1-based field number of the column. */
  readonly column: number;
  /** Loaded values (decimals for percent units). */
  readonly values: ArrayLike<number>;
  /** 1-based file line of each value. */
  readonly lines: ArrayLike<number>;
}

function pct(decimal: number): string {
  const p = decimal * 100;
  const text = Math.abs(p) >= 1e6 || (p !== 0 && Math.abs(p) < 1e-3) ? p.toExponential(2) : String(Number(p.toPrecision(4)));
  return `${text} %`;
}

const OPT_OUT = 'if the values really are right, set "checkUnits": false on this catalog entry';

/**
 * Checks that a loaded column's values are plausible for its kind and unit, so a file written
 * in decimals but labelled percent (or the reverse) fails loudly instead of giving numbers off
 * by a factor of 100. Issues are `implausible-unit` errors at the first offending value (or the
 * first value, for a whole-series check), saying what was found and expected:
 * - `return`: a simple return below −100 % (impossible), above +100 % in a day or +1,000 % in
 *   a month ({@link MAX_PLAUSIBLE_RETURN}): percent read as decimals; and, for a percent unit,
 *   a risky series (≥ 20 % of periods negative, ≥ 24 values) with an annualised volatility
 *   (sample standard deviation × √periods per year) under 2 %: decimals labelled percent;
 * - `rate`: a rate beyond ±100 % ({@link MAX_PLAUSIBLE_RATE}): percent (or basis points) read
 *   as decimals (or percent); and, for a percent unit, every value below 0.5 % in absolute
 *   value ({@link MIN_PLAUSIBLE_PEAK_RATE}): decimals labelled percent;
 * - `price` (values ≤ 0 are reported while reading), `level` and `events`: no check.
 * An empty column gives no issue.
 */
export function checkUnitPlausibility(input: UnitCheckInput): Issue[] {
  const { values, lines, kind, frequency, catalogUnit, divisor } = input;
  const n = values.length;
  if (n === 0) return [];
  const inPercent = divisor === 100;
  const col = quoteExcerpt(input.columnName);
  const unit = quoteExcerpt(catalogUnit);
  const at = (i: number) => ({ line: lines[i], column: input.column });
  const fileValue = (v: number) => String(Number((v * divisor).toPrecision(6)));
  const issue = (i: number, message: string) => [errorIssue('implausible-unit', input.file, message, at(i))];

  if (kind === 'return') {
    const max = MAX_PLAUSIBLE_RETURN[frequency];
    for (let i = 0; i < n; i += 1) {
      const v = values[i];
      if (v < -1 || (max !== undefined && v > max)) {
        const bound = v < -1 ? 'below −100 %, which is impossible for a simple return' : `above +${pct(max ?? 0)} in one ${frequency === 'monthly' ? 'month' : 'day'}, which no asset returns`;
        const hint = inPercent ? 'are the values something other than simple returns in percent (log-points, basis points, an index level)?' : `are the values in percent? then the catalog's unit should start with "percent"`;
        return issue(i, `${fileValue(v)} in column ${col} is a return of ${pct(v)} with unit ${unit}: ${bound}; ${hint}`);
      }
    }
    const perYear = PERIODS_PER_YEAR[frequency];
    if (inPercent && perYear !== undefined && n >= MIN_VOLATILITY_OBSERVATIONS) {
      let negative = 0;
      let mean = 0;
      let m2 = 0;
      for (let i = 0; i < n; i += 1) {
        // Welford (1962) one-pass variance.
        const v = values[i];
        if (v < 0) negative += 1;
        const d = v - mean;
        mean += d / (i + 1);
        m2 += d * (values[i] - mean);
      }
      const vol = Math.sqrt((m2 / (n - 1)) * perYear);
      if (negative / n >= MIN_RISKY_NEGATIVE_SHARE && vol < MIN_PLAUSIBLE_RISKY_VOLATILITY) {
        return issue(
          0,
          `column ${col} falls in ${Math.round((100 * negative) / n)} % of its ${n} periods yet has an annualised volatility of ${pct(vol)} with unit ${unit}; expected at least ${pct(MIN_PLAUSIBLE_RISKY_VOLATILITY)} for a risky return: the values look like decimals (0.012 for 1.2 %) labelled percent; fix the unit or the file, or ${OPT_OUT}`,
        );
      }
    }
    return [];
  }

  if (kind === 'rate') {
    let peak = 0;
    let peakAt = 0;
    for (let i = 0; i < n; i += 1) {
      const v = values[i];
      if (Math.abs(v) > MAX_PLAUSIBLE_RATE) {
        const hint = inPercent ? 'are the values in basis points?' : `are the values in percent? then the catalog's unit should start with "percent"`;
        return issue(i, `${fileValue(v)} in column ${col} is a rate of ${pct(v)} with unit ${unit}; expected a rate within ±${pct(MAX_PLAUSIBLE_RATE)}: ${hint}`);
      }
      if (Math.abs(v) > peak) {
        peak = Math.abs(v);
        peakAt = i;
      }
    }
    if (inPercent && peak < MIN_PLAUSIBLE_PEAK_RATE) {
      return issue(
        0,
        `every value in column ${col} is below ${fileValue(MIN_PLAUSIBLE_PEAK_RATE)} (the largest, ${fileValue(values[peakAt])} on line ${lines[peakAt]}, is ${pct(peak)}) with unit ${unit}; expected a rate in percent (5.25 for 5.25 %): the values look like decimals (0.0525); fix the unit or the file, or ${OPT_OUT}`,
      );
    }
  }
  return [];
}
