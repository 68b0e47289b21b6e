/** A typed array that grows as values are appended (doubling its capacity), for columns of unknown length. */
export class GrowableArray<A extends Float64Array | Int32Array> {
  private data: A;
  private size = 0;

  constructor(private readonly make: (capacity: number) => A) {
    this.data = make(1024);
  }

  /** Number of values appended. */
  get length(): number {
    return this.size;
  }

  /** Appends a value. */
  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size] = value;
    this.size += 1;
  }

  /** Value `i` (no bounds check beyond the typed array's). */
  at(i: number): number {
    return this.data[i];
  }

  /** The values appended, as a view (no copy) valid until the next push. */
  view(): A {
    return this.data.subarray(0, this.size) as A;
  }
}

/** A growable array of float64 values. */
export function growableFloat64(): GrowableArray<Float64Array> {
  return new GrowableArray((n) => new Float64Array(n));
}

/** A growable array of int32 values. */
export function growableInt32(): GrowableArray<Int32Array> {
  return new GrowableArray((n) => new Int32Array(n));
}
