/**
 * Argument checks shared by the metrics. They throw only for programmer errors (a window
 * outside the array, arrays of different lengths, a meaningless `periodsPerYear`); everything
 * about the data itself is handled by the NaN rule in each metric. Internal to `metrics/`.
 */

/**
 * Throws a RangeError unless `start` and `end` are integers with
 * `0 <= start <= end <= length`. An empty window (`start === end`) is allowed: metrics
 * answer it with NaN.
 */
export function checkWindow(length: number, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length || start > end) {
    throw new RangeError(`window [${start}, ${end}) does not fit an array of length ${length}`);
  }
}

/** Throws a RangeError when two arrays that must be aligned period by period differ in length. */
export function checkSameLength(what: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) {
    throw new RangeError(`${what}: arrays must have the same length, got ${a.length} and ${b.length}`);
  }
}

/** Throws a RangeError unless `periodsPerYear` is a finite number above 0 (252 daily, 12 monthly). */
export function checkPeriodsPerYear(periodsPerYear: number): void {
  if (!Number.isFinite(periodsPerYear) || periodsPerYear <= 0) {
    throw new RangeError(`periodsPerYear must be a finite number above 0, got ${periodsPerYear}`);
  }
}
