import fc from 'fast-check';
import { monthIndex } from '../time/day-number';
import { monthEndRowsInto } from './month-end-sweep';

describe('monthEndRowsInto', () => {
  it('marks the rows whose next data row is in another month (or missing), as the month-end schedule reads them (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 30_000 }),
        fc.nat(),
        fc.nat(),
        (steps, start, a, b) => {
          const days = new Int32Array(steps.length);
          let d = start;
          steps.forEach((s, i) => { d += s; days[i] = d; });
          const startRow = a % days.length, rows = 1 + (b % (days.length - startRow));
          const out = new Uint8Array(rows);
          const count = monthEndRowsInto(out, days, startRow, rows);
          let expected = 0;
          for (let i = 0; i < rows; i += 1) {
            const row = startRow + i;
            const end = row + 1 >= days.length || monthIndex(days[row + 1]) !== monthIndex(days[row]);
            expect(out[i]).toBe(end ? 1 : 0);
            expected += end ? 1 : 0;
          }
          expect(count).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
