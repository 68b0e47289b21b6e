import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatSweepTable, parseSweepTable } from '@ratecut/contracts';
import { loadCatalog, loadEasingCycles, loadMarketData, type Catalog } from '@ratecut/data-loader';
import { beats, DEFAULT_EASING_CYCLE_RULE, findBuiltinStrategy, formatIssue, monthEndMomentumSweep, runBacktest, runMetrics, totalReturn } from '@ratecut/sim-core';
import { gridCombination, gridSize } from './kernel-sweep-block';
import { writeFixture } from '../../testing/fixture-market';
import { runStudy, studyResult } from '../study/run-study';
import { COMMAND_LINE } from '../backtest/config-source';
import { planSweepStudy, sweepBlocks, type SweepRequest } from './plan-sweep-study';
import { runSweepBlock } from './sweep-block';

const factsDir = join(__dirname, '..', '..', '..', '..', '..', 'data');
let catalog: Catalog;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'ratecut-studies-sweep-'));
  writeFixture(dir);
  const loaded = loadCatalog(join(dir, 'catalog.json'));
  if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join('\n'));
  catalog = loaded.value;
});
const request = (grid: SweepRequest['grid'], strategies: unknown = [{ name: 'relative-momentum' }]): SweepRequest => ({
  config: { strategies }, source: { file: null, fromFlags: [] }, grid, catalog, notice: null, factsDir, commandLine: 'ratecut backtest --sweep k=1..30',
});

describe('the relative-momentum sweep study', () => {
  it('runs its own on-signal schedule through the portfolio kernel in fixed blocks, with the engine\'s metrics and the k_months, threshold columns', async () => {
    const ks = Array.from({ length: 30 }, (_, i) => i + 1), thresholds = [0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2];
    const planned = planSweepStudy(request([{ name: 'k', values: ks }, { name: 'threshold', values: thresholds }]));
    if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join('\n'));
    const study = planned.value;
    if (study.context.kind !== 'kernel') throw new Error('expected the portfolio kernel');
    expect(study.blocks).toEqual([{ first: 0, count: 100 }, { first: 100, count: 100 }, { first: 200, count: 10 }]);
    expect(sweepBlocks(24, 50)).toEqual(Array.from({ length: 2 }, (_, i) => ({ first: i * 1000, count: i === 0 ? 1000 : 200 })));
    const table = await studyResult(runStudy(study));

    // Independent: the engine's run of a few combinations, on the data loaded here.
    const easing = loadEasingCycles(catalog, join(factsDir, 'nber-business-cycles.json'), DEFAULT_EASING_CYCLE_RULE, 12);
    if (!easing.ok) throw new Error('no cycles');
    const market = loadMarketData(catalog, { small: 'rut', large: 'gspc' }, 'fedfunds', easing.value.history);
    if (!market.ok) throw new Error('no market');
    const data = market.value.data;
    const config = { startRow: 0, endRow: data.days.length - 1, executionLag: 1, costs: { costBps: 5, slippageBps: 5 }, initialCapital: 1, limits: { allowLeverage: false, allowShort: false } };
    for (const c of [0, 1, 37, 100, 209]) {
      const k = ks[Math.floor(c / thresholds.length)], threshold = thresholds[c % thresholds.length];
      const run = runBacktest(data, findBuiltinStrategy('relative-momentum')!.build({ k, threshold }, { kind: 'on-signal' }, 252), config);
      const m = runMetrics(run, null, 252);
      const row = table.rows[c];
      expect(row.slice(0, 2)).toEqual([k, threshold]);
      [m.totalReturn, m.cagr, m.annualizedVolatility, m.sharpeRatio, m.maxDrawdown.depth].forEach((want, i) => {
        expect(Math.abs((row[2 + i] as number) - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
      });
      expect(row[7]).toBe(m.rebalanceCount);
    }
    expect(table.header).toMatchObject({
      schema: 'ratecut.sweep/2', parameters: ['k_months', 'threshold'], pair: 'rut-gspc', first: '2018-01-01', last: '2021-12-31', rows: data.days.length, periodsPerYear: 252,
      schedule: { kind: 'on-signal' },
    });
    expect(table.comments).toEqual(['ratecut backtest --sweep k=1..30', `relative-momentum sweep on rut-gspc (${market.value.pair.returnBasis}), 2018-01-01 to 2021-12-31, ${data.days.length} rows; lag 1, costs 5+5 bp, cash fedfunds`]);
    expect(parseSweepTable(formatSweepTable(table))).toEqual({ ok: true, table });
    // Any range of combinations gives the same numbers.
    const pieces = [{ first: 0, count: 3 }, { first: 3, count: 12 }, { first: 15, count: 14 }, { first: 29, count: 181 }].map((b) => runSweepBlock(study.context, b));
    expect(Array.from(pieces.flatMap((p) => Array.from(p)))).toEqual(Array.from(runSweepBlock(study.context, { first: 0, count: 210 })));
  });

  it('runs the configured month-end schedule through the month-end fast path, and says so in the header and the description', async () => {
    const ks = [1, 3, 12], thresholds = [0, 0.01, 0.05];
    const planned = planSweepStudy(request([{ name: 'k', values: ks }, { name: 'threshold', values: thresholds }], [{ name: 'relative-momentum', schedule: { kind: 'month-end' } }]));
    if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join('\n'));
    const table = await studyResult(runStudy(planned.value));
    const data = planned.value.context.data;
    const config = { startRow: 0, endRow: data.days.length - 1, executionLag: 1, costs: { costBps: 5, slippageBps: 5 }, initialCapital: 1 };
    expect(planned.value.context.kind).toBe('momentum');
    const monthly = monthEndMomentumSweep(data, ks, thresholds, config);
    if (monthly === null) throw new Error('expected the fast path');
    const fin = (x: number) => (Number.isFinite(x) ? x : null);
    expect(table.rows.map((r) => r[5])).toEqual(Array.from(monthly.sharpe, fin));
    expect(table.rows.map((r) => r[7])).toEqual(Array.from(monthly.rebalances, fin));
    // The schedule reached the sweep: the engine on its own on-signal schedule gives other numbers.
    const daily = runBacktest(data, findBuiltinStrategy('relative-momentum')!.build({ k: 1, threshold: 0 }, { kind: 'on-signal' }, 252), { ...config, limits: { allowLeverage: false, allowShort: false } });
    expect(monthly.sharpe[0]).not.toBeCloseTo(runMetrics(daily, null, 252).sharpeRatio, 6);
    expect(table.header.schedule).toEqual({ kind: 'month-end' });
    expect(table.comments[1]).toMatch(/cash fedfunds, month-end schedule$/);
    // On data the fast path does not model (a close of 0: a factor not positive), a block runs through the kernel.
    if (planned.value.context.kind !== 'momentum') throw new Error('expected the fast path');
    const ctx = planned.value.context;
    const broken = { ...ctx.data, closes: [ctx.data.closes[0].slice(), ctx.data.closes[1]] };
    broken.closes[0][300] = 0;
    const viaKernel = runSweepBlock({
      kind: 'kernel', data: broken, strategy: 'relative-momentum', params: {}, grid: [{ name: 'k', values: ks }, { name: 'threshold', values: thresholds }],
      schedule: { kind: 'month-end' }, config: { ...ctx.replay.settings, startRow: 0, endRow: data.days.length - 1 }, replay: ctx.replay,
    }, { first: 0, count: 9 });
    expect(Array.from(runSweepBlock({ ...ctx, data: broken }, { first: 0, count: 9 }))).toEqual(Array.from(viaKernel));
    expect(Array.from(viaKernel.subarray(0, 6))).not.toEqual(Array.from(runSweepBlock(ctx, { first: 0, count: 9 }).subarray(0, 6)));
    expect(parseSweepTable(formatSweepTable(table))).toEqual({ ok: true, table });
  });

  it('sweeps the configured value of a parameter not swept, and refuses what no sweep can run', () => {
    const one = planSweepStudy(request([{ name: 'k', values: [1, 2] }], [{ name: 'relative-momentum', params: { threshold: 0.03 } }]));
    expect(one.ok && one.value.context.kind === 'kernel' && one.value.context.grid.map((g) => g.values)).toEqual([[1, 2], [0.03]]);
    const messages = (r: ReturnType<typeof planSweepStudy>) => (r.ok ? [] : r.issues.map(formatIssue));
    expect(messages(planSweepStudy(request([{ name: 'k', values: [1] }], [{ name: 'cut-trigger' }, { name: 'buy-hold-large' }])))).toEqual([
      `${COMMAND_LINE}: error bad-parameter: strategies: --sweep runs one built-in strategy: pass --strategy <name> (2 strategies configured)`,
    ]);
    expect(messages(planSweepStudy(request([{ name: 'lookback', values: [1] }])))).toEqual([`${COMMAND_LINE}: error bad-parameter: --sweep lookback: relative-momentum sweeps k, threshold`]);
    expect(messages(planSweepStudy(request([{ name: 'indicator', values: [1] }], [{ name: 'trend-filter' }])))).toEqual([`${COMMAND_LINE}: error bad-parameter: --sweep indicator: trend-filter sweeps fast, slow, signal`]);
    expect(messages(planSweepStudy(request([{ name: 'k', values: [1] }], [{ name: 'buy-hold-small' }])))).toEqual([`${COMMAND_LINE}: error bad-parameter: --sweep k: buy-hold-small has no numeric parameter to sweep`]);
    expect(messages(planSweepStudy(request([{ name: 'k', values: [1] }, { name: 'k', values: [2] }])))).toEqual([`${COMMAND_LINE}: error bad-parameter: --sweep k is given more than once`]);
    expect(messages(planSweepStudy(request([{ name: 'k', values: [0.5] }, { name: 'threshold', values: [-1] }])))).toEqual([
      `${COMMAND_LINE}: error bad-parameter: --sweep k: expected whole numbers of months >= 1`,
      `${COMMAND_LINE}: error bad-parameter: --sweep threshold: expected decimal return points >= 0`,
    ]);
    expect(messages(planSweepStudy(request([{ name: 'fast', values: [300] }, { name: 'slow', values: [100] }], [{ name: 'trend-filter' }])))).toEqual([
      `${COMMAND_LINE}: error bad-parameter: --sweep: no combination is valid for trend-filter; the first: parameter slow=100d: 100d = 100 rows at 252 a year; expected more rows than fast (300d = 300 rows at 252 a year)`,
    ]);
  });
});

describe('sweeps through the portfolio kernel', () => {
  const grids: [string, SweepRequest['grid'], Record<string, unknown>][] = [
    ['static-mix', [{ name: 'small', values: [0, 0.3, 0.5, 1] }], { schedule: { kind: 'month-end' } }],
    ['cut-trigger', [{ name: 'holdMonths', values: [1, 6, 12] }, { name: 'minMoveBp', values: [0, 25] }], {}],
    ['relative-momentum', [{ name: 'k', values: [1, 3] }, { name: 'threshold', values: [0, 0.02] }], { schedule: { kind: 'weekly' } }],
    ['trend-filter', [{ name: 'fast', values: [10, 50] }, { name: 'slow', values: [40, 100] }], { params: { indicator: 'ema' } }],
    ['rate-regime', [{ name: 'dropBp', values: [25, 50] }, { name: 'months', values: [3, 6] }], { params: { otherwise: 'cash' } }],
  ];

  it.each(grids)('%s: every combination, as the engine runs it over the full history (1e-12), in grid order, the same in any blocks', async (name, grid, extra) => {
    const planned = planSweepStudy(request(grid, [{ name, ...(extra ?? {}) }]));
    if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join('\n'));
    const study = planned.value;
    if (study.context.kind !== 'kernel') throw new Error('expected the kernel path');
    const context = study.context;
    const table = await studyResult(runStudy(study));
    const builtin = findBuiltinStrategy(name)!;
    const data = context.data, ppy = data.periodsPerYear;
    // Relative momentum's table names its lookback in months, on every schedule.
    expect(table.header.parameters).toEqual(name === 'relative-momentum' ? ['k_months', 'threshold'] : grid.map((g) => g.name));
    expect(context.replay.cycles.length).toBeGreaterThan(0);
    expect(table.header.cycles).toEqual(context.replay.cycles.map((c) => c.id));
    expect(table.rows.length).toBe(gridSize(grid));
    table.rows.forEach((row, c) => {
      const values = gridCombination(grid, c);
      expect(row.slice(0, grid.length)).toEqual(values);
      const params = { ...builtin.defaults, ...((extra?.['params'] as object | undefined) ?? {}), ...Object.fromEntries(grid.map((g, p) => [g.name, values[p]])) };
      if (builtin.check(params, ppy).length > 0) {
        expect(row.slice(grid.length).every((v) => v === null)).toBe(true);
        return;
      }
      // Independent: the event engine and the batch metrics.
      const run = runBacktest(data, builtin.build(params, context.schedule, ppy), context.config);
      const m = runMetrics(run, null, ppy);
      const want = [m.totalReturn, m.cagr, m.annualizedVolatility, m.sharpeRatio, m.maxDrawdown.depth, m.rebalanceCount];
      // Each cycle window: the engine's replay from the window's first row, minus the benchmark's.
      const totals = context.replay.cycles.map((cycle) => {
        const rows = { startRow: cycle.startRow, endRow: cycle.endRow };
        const strategyRun = runBacktest(data, builtin.build(params, context.schedule, ppy), { ...context.config, ...rows });
        const benchRun = runBacktest(data, findBuiltinStrategy('buy-hold-large')!.build({}, { kind: 'on-signal' }, ppy), { ...context.config, ...rows });
        return { strategy: totalReturn(strategyRun.returns), bench: totalReturn(benchRun.returns) };
      });
      const excess = totals.map((t) => t.strategy - t.bench);
      const countedTotals = totals.filter((_, i) => context.replay.cycles[i].counted);
      const counted = countedTotals.map((t) => t.strategy - t.bench);
      want.push(counted.reduce((a, b) => a + b, 0) / counted.length, NaN, ...excess);
      want.forEach((w, i) => {
        if (i === 7) return; // the hit rate: checked below
        const got = row[grid.length + i];
        if (!Number.isFinite(w)) expect(got).toBeNull();
        else expect(Math.abs((got as number) - w)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w)));
      });
      expect(row[grid.length + 7]).toBe(countedTotals.filter((t) => beats(t.strategy, t.bench)).length / counted.length);
    });
    const whole = runSweepBlock(context, { first: 0, count: study.blocks.reduce((n, b) => n + b.count, 0) });
    const pieces = [{ first: 0, count: 1 }, { first: 1, count: table.rows.length - 1 }].map((b) => runSweepBlock(context, b));
    expect(Array.from(pieces.flatMap((p) => Array.from(p)))).toEqual(Array.from(whole));
    // A thread's blocks of one run share the series they compute (its executor cache and the run's memory): the same numbers.
    const threadCache = new Map<string, unknown>();
    const shared = [{ first: 0, count: 2 }, { first: 2, count: table.rows.length - 2 }].map((b) => runSweepBlock(context, b, threadCache, { sweepRun: -7 }));
    expect(Array.from(shared.flatMap((p) => Array.from(p)))).toEqual(Array.from(whole));
    expect(threadCache.size).toBe(1);
    expect(parseSweepTable(formatSweepTable(table))).toEqual({ ok: true, table });
  }, 60_000);

  it('leaves the combinations the built-in refuses empty, with a warning that counts them', () => {
    const planned = planSweepStudy(request([{ name: 'fast', values: [20, 60] }, { name: 'slow', values: [50, 100] }], [{ name: 'trend-filter' }]));
    if (!planned.ok) throw new Error(planned.issues.map(formatIssue).join('\n'));
    expect(planned.warnings.map(formatIssue)).toContain(
      `${COMMAND_LINE}: warning bad-parameter: --sweep: 1 of 4 combinations are not valid for trend-filter and are left empty (the first: parameter slow=50d: 50d = 50 rows at 252 a year; expected more rows than fast (60d = 60 rows at 252 a year))`,
    );
  });
});
