import type { MetricsJson, RebalanceScheduleJson, StrategyResultJson } from '@ratecut/contracts';
import { formatDay, type Metrics, type StrategyReplay } from '@ratecut/sim-core';

/** A number as written in results: NaN (undefined) becomes null. */
const n = (x: number): number | null => (Number.isFinite(x) ? x : null);
const day = (d: number): string => formatDay(d);

/** A metrics record as written: NaN → null, the drawdown as its depth and the dates of its peak, trough and recovery. */
export function metricsJson(m: Metrics, days: Int32Array): MetricsJson {
  const dd = m.maxDrawdown;
  // Drawdown indices count periods; the wealth path has one more point, so index i is days[i].
  const at = (i: number): string | null => (i >= 0 && i < days.length ? day(days[i]) : null);
  return {
    periods: m.periods, periodsPerYear: m.periodsPerYear,
    totalReturn: n(m.totalReturn), cagr: n(m.cagr), annualizedVolatility: n(m.annualizedVolatility),
    sharpeRatio: n(m.sharpeRatio), sortinoRatio: n(m.sortinoRatio),
    maxDrawdown: { depth: n(dd.depth), peak: at(dd.peakIndex), trough: at(dd.troughIndex), recovery: at(dd.recoveryIndex) },
    calmarRatio: n(m.calmarRatio), turnover: n(m.turnover), rebalanceCount: n(m.rebalanceCount), tradeCount: n(m.tradeCount),
    excessReturn: n(m.excessReturn), hitRate: n(m.hitRate), trackingError: n(m.trackingError),
    informationRatio: n(m.informationRatio), beta: n(m.beta), alpha: n(m.alpha),
  };
}

/** The benchmark-relative metrics, null for the benchmark and for a strategy defined exactly as the benchmark. */
const RELATIVE_NULLS = { excessReturn: null, hitRate: null, trackingError: null, informationRatio: null, beta: null, alpha: null } as const;

/**
 * One strategy's replay as written in a backtest result: its definition, full-history run
 * (metrics, trades as `[date, decided, asset, value, weight before, weight after, cost]`,
 * rejected orders), each cycle window and the aggregates. A strategy compared with itself
 * (`sameAsBenchmark`: the benchmark, or a strategy defined exactly as it) has null relative
 * metrics, excess returns and excess aggregates: n/a, not 0 and not a hit rate of 0.
 */
export function strategyResultJson(label: string, schedule: RebalanceScheduleJson, replay: StrategyReplay, sameAsBenchmark: boolean): StrategyResultJson {
  const { run, metrics } = replay.full;
  const rel = (m: MetricsJson): MetricsJson => (sameAsBenchmark ? { ...m, ...RELATIVE_NULLS } : m);
  return {
    label,
    sameAsBenchmark,
    name: replay.strategy.name,
    description: replay.strategy.description,
    params: { ...replay.strategy.params },
    schedule,
    warmupRows: replay.strategy.warmup,
    full: {
      first: day(run.days[0]),
      last: day(run.days[run.days.length - 1]),
      metrics: rel(metricsJson(metrics, run.days)),
      trades: run.trades.map((t) => [day(t.day), day(t.decidedDay), t.asset, t.value, t.weightBefore, t.weightAfter, t.cost] as [string, string, string, number, number, number, number]),
      rejected: run.rejected.map((r) => ({ date: day(r.day), reason: r.reason })),
    },
    cycles: replay.cycles.map((c) => ({
      cycleId: c.cycleId, recession: c.recession, start: day(c.startDay), end: day(c.endDay), anchor: day(c.anchorDay), complete: c.complete,
      totalReturn: n(c.metrics.totalReturn), benchmarkTotalReturn: n(c.benchmarkTotalReturn), excessTotalReturn: sameAsBenchmark ? null : n(c.excessTotalReturn),
      warmupShortRows: c.warmupShortRows,
      metrics: rel(metricsJson(c.metrics, c.run.days)),
    })),
    aggregates: replay.aggregates.map((a) => (sameAsBenchmark
      ? { group: a.group, cycles: a.cycles, meanExcess: null, medianExcess: null, hitRate: null, worstCycle: null, worstExcess: null }
      : {
        group: a.group, cycles: a.cycles, meanExcess: n(a.meanExcess), medianExcess: n(a.medianExcess), hitRate: n(a.hitRate),
        worstCycle: a.worstCycle, worstExcess: n(a.worstExcess),
      })),
  };
}
