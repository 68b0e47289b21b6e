import { ANCHOR_CONVENTION, countedCycleIds, cycleEpisodes, cycleReturnTables, describeCycleCounting, describeEasingCycleRule, describeGap, formatDay, type CycleCounting, type EasingCycleRule, type ReturnPairSpec, type Issue } from '@ratecut/sim-core';
import { loadEasingCycles, loadReturnPair, POLICY_RATE_CONVENTION, type Catalog, PAIRS } from '@ratecut/data-loader';
import { join } from 'node:path';
import { UsageError } from '../../cli/command';
import { VERSION } from '../../cli/version';
import type { CyclesReport, PairReport } from './cycles-report';

export interface CyclesSettings {
  readonly rule: EasingCycleRule;
  readonly recessionWindowMonths: number;
  readonly since: number | undefined;
  /** How cycles are counted in the summary rows (see `CycleCounting`). */
  readonly counting: CycleCounting;
}

/** The months after the first cut that the longest horizon spans: the window used for overlaps and episodes. */
export const CYCLES_EPISODE_MONTHS = 24;

const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);
const pct = (x: number): number => Math.round(x * 1e8) / 1e6;

/**
 * Loads the policy rate, detects and classifies cycles and measures every pair after each
 * first cut. Returns the report, or the data issues that stopped it. Throws a UsageError
 * when `since` is after the end of the policy-rate data (no answer is possible, exit 2); a
 * `since` inside the data that no cycle starts after gives an empty table (the command warns).
 */
export function buildCyclesReport(
  catalog: Catalog,
  origin: string,
  settings: CyclesSettings,
  dataDir: string,
  notice: string | null,
): { ok: true; report: CyclesReport; warnings: Issue[] } | { ok: false; issues: readonly Issue[] } {
  // Load everything before giving up, so that every problem in every file is reported at once.
  const easing = loadEasingCycles(catalog, join(dataDir, 'nber-business-cycles.json'), settings.rule, settings.recessionWindowMonths);
  const loadedPairs = PAIRS.map((def) => {
    const missing = [def.small, def.large].map((id) => id.split(':')[0]).filter((id) => !catalog.series.some((s) => s.id === id));
    return { def, missing, loaded: missing.length > 0 ? null : loadReturnPair(catalog, { small: def.small, large: def.large }) };
  });
  const errors: Issue[] = [
    ...(easing.ok ? [] : easing.issues),
    ...loadedPairs.flatMap(({ loaded: l }) => (l && !l.ok ? l.issues : [])),
  ];
  if (!easing.ok || errors.length > 0) return { ok: false, issues: errors };
  const warnings: Issue[] = [...easing.warnings];
  const lastDay = easing.value.history.lastDay;
  if (settings.since !== undefined && settings.since > lastDay) {
    throw new UsageError(`--since ${formatDay(settings.since)} is after the end of the policy-rate data (${formatDay(lastDay)}): no cycle can start then`);
  }
  const classified = easing.value.cycles.filter((c) => settings.since === undefined || c.cycle.firstCut >= settings.since);
  const span = { beforeMonths: 0, afterMonths: CYCLES_EPISODE_MONTHS };
  const episodes = cycleEpisodes(classified.map((c) => c.cycle), span);
  const counted = countedCycleIds(episodes, settings.counting);

  const specs: ReturnPairSpec[] = [];
  const pairMeta: Omit<PairReport, 'cycles' | 'summary'>[] = [];
  const skippedPairs: { id: string; reason: string }[] = [];
  for (const { def, missing, loaded } of loadedPairs) {
    if (loaded === null) {
      skippedPairs.push({ id: def.id, reason: `the catalog has no series ${missing.join(', ')}` });
      continue;
    }
    if (!loaded.ok) continue; // unreachable: errors returned above
    warnings.push(...loaded.warnings);
    const { data } = loaded.value;
    if (data.days.length === 0) {
      skippedPairs.push({ id: def.id, reason: 'the two series have no day in common' });
      continue;
    }
    specs.push({ id: def.id, title: def.title, frequency: def.frequency, horizons: def.horizons, maxAnchorGapDays: def.maxAnchorGapDays, data });
    pairMeta.push({
      id: def.id,
      title: def.title,
      small: { id: def.small, title: loaded.value.small.title, totalReturn: loaded.value.small.totalReturn },
      large: { id: def.large, title: loaded.value.large.title, totalReturn: loaded.value.large.totalReturn },
      frequency: def.frequency,
      returnBasis: `${loaded.value.returnBasis}; ${def.horizonNote}`,
      firstDate: formatDay(data.days[0]),
      lastDate: formatDay(data.days[data.days.length - 1]),
      horizons: def.horizons,
    });
  }

  const tables = cycleReturnTables(classified, specs, counted);
  const pairs: PairReport[] = tables.map((table, p) => ({
    ...pairMeta[p],
    cycles: table.cycles.map((row) => ({
      cycleId: row.cycleId,
      anchorDate: row.returns.anchorDay === null ? null : formatDay(row.returns.anchorDay),
      horizons: row.returns.horizons.map((h, i) => ({
        label: specs[p].horizons[i].label,
        endDate: h.endDay === null ? null : formatDay(h.endDay),
        small: nullIfNaN(h.small),
        large: nullIfNaN(h.large),
        missing: h.missing === 'gap' && h.gap ? `crosses a gap in the data, ${describeGap(h.gap)}` : h.missing === 'past-data' ? 'past the end of the data' : null,
      })),
    })),
    summary: table.summaries.flatMap((rows, h) =>
      rows.map((s) => ({
        horizon: specs[p].horizons[h].label,
        group: s.group,
        count: s.count,
        meanSmall: nullIfNaN(s.meanSmall),
        meanLarge: nullIfNaN(s.meanLarge),
        meanDifference: nullIfNaN(s.meanDifference),
        medianDifference: nullIfNaN(s.medianDifference),
        shareSmallBeat: nullIfNaN(s.shareSmallBeat),
      })),
    ),
  }));

  const report: CyclesReport = {
    ...(notice === null ? {} : { notice }),
    schema: 'ratecut.cycles/1',
    ratecutVersion: VERSION,
    data: { catalog: catalog.path, origin, synthetic: notice !== null },
    conventions: {
      policyRate: POLICY_RATE_CONVENTION,
      cycleRule: describeEasingCycleRule(settings.rule),
      recessionRule:
        `recession cycle if the first cut falls inside an NBER recession (after a peak month, up to its trough month) ` +
        `or an NBER peak falls within ${settings.recessionWindowMonths} months after the first cut's month (hindsight label, not a signal)`,
      anchor: ANCHOR_CONVENTION,
      counting: describeCycleCounting(settings.counting, span),
      returns: 'simple returns as decimals (0.10 = +10%); small minus large in decimal return points; each pair states price or total return',
      recessionSource: easing.value.recessionSource,
    },
    rule: { ...settings.rule, recessionWindowMonths: settings.recessionWindowMonths },
    counting: settings.counting,
    filter: { since: settings.since === undefined ? null : formatDay(settings.since), detected: easing.value.cycles.length },
    cycles: classified.map(({ cycle: c, recession: r }, i) => ({
      id: c.id,
      firstCut: formatDay(c.firstCut),
      lastCut: formatDay(c.lastCut),
      cuts: c.cuts,
      totalEasingBp: c.totalEasingBp,
      rateBeforePct: pct(c.rateBefore),
      rateAfterPct: pct(c.rateAfter),
      resumption: c.resumption,
      open: c.open,
      basis: c.basis,
      recession: r.recession,
      recessionReason: r.reason,
      nberPeak: r.peak === null ? null : formatDay(r.peak).slice(0, 7),
      overlapsPrevious: episodes[i].overlapsPrevious,
      episode: episodes[i].episode,
      counted: counted.has(c.id),
    })),
    pairs,
    skippedPairs,
  };
  return { ok: true, report, warnings };
}
