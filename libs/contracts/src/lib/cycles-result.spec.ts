import { CYCLES_SCHEMA, cyclesResultSchema, type CyclesResultJson } from './cycles-result';

/** A small but complete cycles document, as the writer builds it. */
function document(): CyclesResultJson {
  return {
    schema: CYCLES_SCHEMA, ratecutVersion: '0.1.0',
    data: { catalog: 'catalog.json', origin: 'env', synthetic: false },
    conventions: { policyRate: 'p', cycleRule: 'c', recessionRule: 'r', anchor: 'a', counting: 'n', returns: 'simple', recessionSource: 'NBER' },
    rule: { minMoveBp: 25, pauseMonths: 4, recessionWindowMonths: 12 },
    counting: 'episodes',
    filter: { since: null, detected: 1 },
    cycles: [{
      id: '2020-03', firstCut: '2020-03-03', lastCut: '2020-03-15', cuts: 2, totalEasingBp: 150, rateBeforePct: 1.75, rateAfterPct: 0.25,
      resumption: false, open: false, basis: 'target-range', recession: true, recessionReason: 'in-recession', nberPeak: '2020-02',
      overlapsPrevious: null, episode: '2020-03', counted: true,
    }],
    pairs: [{
      id: 'rut-gspc', title: 'Russell 2000 vs S&P 500',
      small: { id: 'rut', title: 'Russell 2000', totalReturn: false }, large: { id: 'gspc', title: 'S&P 500', totalReturn: false },
      frequency: 'daily', returnBasis: 'price return', firstDate: '1987-09-10', lastDate: '2026-02-23',
      horizons: [{ label: '3m', steps: 63 }],
      cycles: [{ cycleId: '2020-03', anchorDate: '2020-03-02', horizons: [{ label: '3m', endDate: '2020-06-01', small: 0.05, large: 0.03, missing: null }] }],
      summary: [{ horizon: '3m', group: 'all', count: 1, meanSmall: 0.05, meanLarge: 0.03, meanDifference: 0.02, medianDifference: 0.02, shareSmallBeat: 1 }],
    }],
    skippedPairs: [{ id: 'iwm-spy', reason: 'the catalog has no series iwm, spy' }],
  };
}

describe('the ratecut.cycles/1 schema', () => {
  it('is written as ratecut.cycles/1', () => {
    expect(CYCLES_SCHEMA).toBe('ratecut.cycles/1');
  });

  it('reads what the writer writes, key order included, through a JSON round trip', () => {
    const doc = document();
    const parsed = cyclesResultSchema.parse(JSON.parse(JSON.stringify(doc)));
    expect(parsed).toEqual(doc);
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(doc));
  });

  it('keeps a synthetic notice as the first key and ignores keys of a newer minor version', () => {
    const doc = { notice: 'SYNTHETIC SAMPLE', ...document(), extra: 1 };
    const parsed = cyclesResultSchema.parse(doc);
    expect(Object.keys(parsed)[0]).toBe('notice');
    expect('extra' in parsed).toBe(false);
  });

  it('refuses a document with a missing or mistyped field, naming its path', () => {
    const doc = document() as unknown as { pairs: { frequency: string; cycles: { horizons: { small: unknown }[] }[] }[]; counting: string };
    doc.pairs[0].frequency = 'weekly';
    doc.pairs[0].cycles[0].horizons[0].small = '5%';
    doc.counting = 'all';
    const r = cyclesResultSchema.safeParse(doc);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['counting', 'pairs.0.cycles.0.horizons.0.small', 'pairs.0.frequency']);
  });
});
