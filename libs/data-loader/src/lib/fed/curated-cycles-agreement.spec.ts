import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectEasingCycles, formatDay, parseIsoDay, policyRateOn } from '@ratecut/sim-core';
import { loadCatalog, loadCuratedCycles, loadPolicyRateHistory } from '../../index';

const dataDir = process.env['RATECUT_DATA'] ?? resolve(__dirname, '../../../../../../shared/data');
const describeReal = existsSync(join(dataDir, 'catalog.json')) ? describe : describe.skip;
const curatedFile = resolve(__dirname, '../../../../../data/easing-cycles.json');

describeReal('policy-rate history and cycle detection on the real data', () => {
  const catalog = loadCatalog(dataDir);
  if (!catalog.ok) throw new Error(JSON.stringify(catalog.issues));
  const history = loadPolicyRateHistory(catalog.value);
  if (!history.ok) throw new Error(JSON.stringify(history.issues));
  const h = history.value;

  it('uses the target from 1982-09-27 and the DFF proxy before', () => {
    const first = h.basis.indexOf('target-point');
    expect(formatDay(h.days[first])).toBe('1982-09-27');
    expect(h.basis.slice(0, first).every((b) => b === 'effective-proxy')).toBe(true);
    expect(formatDay(h.days[0])).toBe('1954-07-01');
    expect(h.basis[h.basis.length - 1]).toBe('target-range');
    expect(policyRateOn(h, parseIsoDay('2008-12-15'))).toBeCloseTo(0.01, 12);
    expect(policyRateOn(h, parseIsoDay('2008-12-16'))).toBeCloseTo(0.0025, 12);
    const i = h.days.indexOf(parseIsoDay('2008-12-16'));
    expect(h.lower[i]).toBe(0);
    expect(h.mid[i]).toBeCloseTo(0.00125, 12);
  });

  it('agrees with the curated easing cycles of data/easing-cycles.json', () => {
    const curated = loadCuratedCycles(curatedFile);
    if (!curated.ok) throw new Error(JSON.stringify(curated.issues));
    const detected = detectEasingCycles(h, curated.value.rule)
      .filter((c) => c.basis !== 'effective-proxy')
      .map((c) => ({
        id: c.id,
        firstCut: formatDay(c.firstCut),
        lastCut: formatDay(c.lastCut),
        cuts: c.cuts,
        totalEasingBp: c.totalEasingBp,
        rateBeforePct: Math.round(c.rateBefore * 1e6) / 1e4,
        rateAfterPct: Math.round(c.rateAfter * 1e6) / 1e4,
        resumption: c.resumption,
      }));
    const expected = curated.value.cycles.map(({ label: _l, firstCutAnnounced: _a, emergency: _e, emergencyNote: _n, ...facts }) => facts);
    expect(detected).toEqual(expected);
  });
});

describe('loadCuratedCycles', () => {
  it('reads the shipped file', () => {
    const curated = loadCuratedCycles(curatedFile);
    expect(curated.ok).toBe(true);
  });
});
