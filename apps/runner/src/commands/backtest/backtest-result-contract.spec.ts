import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { backtestResultSchema } from '@ratecut/contracts';

describe('the backtest writer and the contracts schema', () => {
  it('the golden result file is a valid document, and the schema knows every key it holds', () => {
    const golden: unknown = JSON.parse(readFileSync(join(__dirname, '__golden__', 'backtest-fixture.json'), 'utf8'));
    const parsed = backtestResultSchema.safeParse(golden);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // Unknown keys would be dropped by the parse: the same text back means none were.
    expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(golden));
  });
});
