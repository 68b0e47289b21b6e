/** How loaded values relate to the values in the file. */
export interface LoadedUnit {
  /** Unit of the loaded values, e.g. `decimal per year`. */
  readonly unit: string;
  /** Loaded value = file value / divisor. */
  readonly divisor: number;
}

/**
 * Unit conversion applied at load time. A catalog unit starting with `percent` is converted to
 * decimals (divided by 100) and renamed `decimal...`: `percent per year` becomes `decimal per
 * year`, `percent per month` becomes `decimal per month`, `percent` becomes `decimal`. Any
 * other unit (`index points`, `basis points`, `USD (adjusted)`) is left as it is.
 */
export function loadedUnit(catalogUnit: string): LoadedUnit {
  const m = /^percent(.*)$/i.exec(catalogUnit.trim());
  return m ? { unit: `decimal${m[1]}`, divisor: 100 } : { unit: catalogUnit, divisor: 1 };
}
