import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eventStudyResultSchema, type EventStudyResultJson } from '@ratecut/contracts';
import { loadCatalog, type Catalog } from '@ratecut/data-loader';
import { realDataDir } from '@ratecut/data-loader/testing';
import { runStudy, studyResult } from '../study/run-study';
import { FIXTURE_GROWTH, WORKSPACE_DATA_DIR, writeCyclesFixture } from '../../testing/cycles-fixture';
import type { EventStudySettings } from './event-study-settings';
import { planEventStudy } from './plan-event-study';

const SETTINGS: EventStudySettings = {
  cycles: { rule: { minMoveBp: 25, pauseMonths: 4 }, recessionWindowMonths: 12, counting: 'episodes' },
  seed: 1, resamples: 400, placebos: 400, confidence: 0.9, excludeMonths: 6, anchor: 'effective',
};

function catalogOf(dir: string): Catalog {
  const loaded = loadCatalog(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

async function run(catalog: Catalog, settings: Partial<EventStudySettings> = {}, workers = 1): Promise<EventStudyResultJson> {
  const planned = planEventStudy({
    catalog, origin: 'flag', settings: { ...SETTINGS, ...settings }, dataDir: WORKSPACE_DATA_DIR, notice: null, commandLine: 'ratecut validate event', ratecutVersion: '0.0.0-test',
  });
  if (!planned.ok) throw new Error(JSON.stringify(planned.issues));
  return studyResult(runStudy(planned.value, { workers }));
}

describe('the event study of first cuts', () => {
  it('finds the known spread where every window has the same one (the fixture grows at constant daily rates)', async () => {
    const doc = await run(catalogOf(writeCyclesFixture()));
    expect(eventStudyResultSchema.safeParse(doc).success).toBe(true);
    const [pair] = doc.pairs;
    for (const h of pair.horizons) {
      const known = FIXTURE_GROWTH.small ** h.steps - FIXTURE_GROWTH.large ** h.steps;
      expect(h.baseline.mean).toBeCloseTo(known, 10);
      expect(h.baseline.shareSmallBeat).toBe(1);
      const all = h.groups.find((g) => g.group === 'all');
      if (all === undefined || all.count === 0) continue;
      for (const v of [all.mean, all.median, all.meanLower, all.meanUpper, all.medianLower, all.medianUpper]) expect(v).toBeCloseTo(known, 10);
      // Every placebo mean equals the event mean (to rounding): the placebo distribution is that one value.
      if (all.placebo !== null) for (const v of [all.placebo.p5, all.placebo.p50, all.placebo.p95]) expect(v).toBeCloseTo(known, 10);
    }
  });

  const real = realDataDir();
  const hasReal = existsSync(join(real, 'catalog.json'));

  (hasReal ? it : it.skip)('is the same for a seed, with any number of worker threads (one block per pair)', async () => {
    const catalog = catalogOf(real);
    const small = { resamples: 100, placebos: 100 };
    const one = await run(catalog, small);
    expect(await run(catalog, small, 2)).toEqual(one);
    expect(await run(catalog, small)).toEqual(one);
    expect((await run(catalog, { ...small, seed: 2 })).pairs[0].horizons[0].groups[0].placebo).not.toEqual(one.pairs[0].horizons[0].groups[0].placebo);
  }, 60_000);

  (hasReal ? it : it.skip)('on the real data: every pair, the four horizons and groups, p-values and intervals in range', async () => {
    const doc = await run(catalogOf(real));
    expect(eventStudyResultSchema.safeParse(doc).success).toBe(true);
    expect(doc.pairs.map((p) => p.id)).toEqual(['rut-gspc', 'iwm-spy', 'ff-size']);
    for (const pair of doc.pairs) {
      expect(pair.horizons.map((h) => h.label)).toEqual(['3m', '6m', '12m', '24m']);
      for (const h of pair.horizons) {
        expect(h.groups.map((g) => g.group)).toEqual(['all', 'recession', 'non-recession', 'resumption', 'emergency-cuts', 'insurance-cuts', 'recession-easing']);
        // A scenario's group holds the counted cycles it draws from (simulate's selection).
        if (pair.id === 'rut-gspc') {
          expect(h.groups[5].events.map((e) => e.cycle).slice(0, 3)).toEqual(['1995-07', '1998-09', '2019-08']);
          expect(h.groups[4].events.every((e) => ['1987-11', '2008-10', '2020-03'].includes(e.cycle))).toBe(true);
          expect(h.groups[6].events.every((e) => h.groups[1].events.some((r) => r.cycle === e.cycle))).toBe(true);
        }
        const all = h.groups[0];
        expect(all.count).toBeGreaterThanOrEqual(4);
        expect(all.count).toBe(all.events.length);
        const recession = h.groups[1], non = h.groups[2];
        expect(recession.count + non.count).toBe(all.count);
        expect(all.meanLower as number).toBeLessThanOrEqual(all.mean as number);
        expect(all.meanUpper as number).toBeGreaterThanOrEqual(all.mean as number);
        const p = all.placebo;
        expect(p).not.toBeNull();
        if (p !== null) {
          expect(p.pTwoSided).toBeGreaterThan(0);
          expect(p.pTwoSided).toBeLessThanOrEqual(1);
          expect(p.pool).toBeLessThan(h.baseline.count);
        }
      }
    }
  }, 60_000);

  (hasReal ? it : it.skip)('shows what the anchor does: the Russell 2000 a year after the Sept-2007 cut, -8.4 % from the close before it, -16 % from the cut day\'s close (as Schwab\'s table)', async () => {
    const catalog = catalogOf(real);
    const year = async (anchor: EventStudySettings['anchor']) => {
      const doc = await run(catalog, { anchor, resamples: 100, placebos: 100 });
      const h = doc.pairs[0].horizons.find((x) => x.label === '12m');
      return h?.groups[0].events.find((e) => e.cycle === '2007-09');
    };
    const effective = await year('effective'), cutDay = await year('cut-day'), announced = await year('announcement');
    expect(effective?.anchorDate).toBe('2007-09-17');
    expect(Math.round((effective?.small ?? NaN) * 1000) / 10).toBe(-8.4);
    expect(cutDay?.anchorDate).toBe('2007-09-18');
    expect(Math.round((cutDay?.small ?? NaN) * 1000) / 10).toBe(-16.1);
    // Announced and effective the same day in 2007: the same base as the effective anchor.
    expect(announced).toEqual(effective);
  }, 60_000);
});
