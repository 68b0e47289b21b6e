import { exceedanceSpec } from './exceedance-chart';
import { fileHeader } from './file-header';
import type { ReportInput, SimulateReportDoc } from './report-input';
import { esc, type SectionParts } from './section-parts';
import { endBinWords, fanSpec, histogramSpec, innerBins, spreadFanSpec, spreadHistogramSpec } from './simulate-charts';
import { simulateHeadline } from './simulate-headline';
import { drawdownTableHtml, probabilityTable, probabilityTableHtml, returnsTableHtml, strategiesTableHtml, targetEntries } from './simulate-tables';
import { methodWords, simulateLegNames, sourceWords } from './simulate-words';

/** The run's settings in words, folded away under the section's details. */
function runEntries(doc: SimulateReportDoc): [string, string][] {
  const m = doc.method;
  const block = 'meanBlock' in m ? `, mean block ${m.meanBlock} rows (${m.blockRule})` : '';
  return [
    ['method', `${methodWords(doc)}${block}; ${m.reference}`],
    ['paths', `${doc.paths.toLocaleString('en-US')}, seed ${doc.seed} (${doc.generator})`],
    ['horizon', `${doc.horizon.months} months (${doc.horizon.steps} ${doc.horizon.unit})`],
    ['drawn from', `${sourceWords(doc)}: ${doc.analogs.observations.toLocaleString('en-US')} observations, ${doc.analogs.windowMonths}-month windows`],
    ['cut path', `${doc.cutPath.totalEasingBp} bp in total`],
    ...targetEntries(doc).map(([k, v]): [string, string] => [`P(${k})`, v]),
  ];
}

/**
 * The section of a simulate result: the file's header (see `fileHeader`), the headline (the
 * share of paths in which small beats large, the targets' probabilities, the medians), the run's
 * settings folded away, the probability table and the exceedance chart, the horizon returns with VaR and
 * CVaR, the drawdowns, the strategies on the paths, the fan chart in months and the histograms.
 */
export function simulateSection(page: SectionParts, input: Extract<ReportInput, { kind: 'simulate' }>, index: number): void {
  const doc = input.doc;
  const names = simulateLegNames(doc);
  const months = doc.horizon.months;
  const headline = simulateHeadline(doc);
  page.html(fileHeader(input, index, `Simulation: ${doc.scenario.title ?? doc.scenario.name}`, doc.notice, doc.data, doc.commandLine, doc.conventions));
  page.headline(headline.question, headline.answerHtml);
  page.details('The run: method, paths, horizon, analogs', runEntries(doc));
  for (const w of doc.analogs.warnings) page.html(`<p class="warn">warning: ${esc(w)}</p>`);

  page.html(
    `<h3>How likely is each outcome over ${months} months?</h3>`,
    probabilityTableHtml(doc, probabilityTable(doc)),
    `<p class="note">${esc(`Share of the ${doc.paths.toLocaleString('en-US')} paths whose ${months}-month return is at least the threshold. Values without a mark were counted over all paths (a --target of the run, or an edge of the result's ${doc.histograms.bins}-bin histogram); "≈" marks a value interpolated linearly between the two histogram edges around the threshold; "≥" / "≤" a bound, where the threshold lies in a histogram end bin. "${names.small} beats ${names.large}" counts the paths where its return is strictly higher.`)}</p>`,
  );
  page.chart(exceedanceSpec(doc), `Share of paths with at least the return on the x axis, over ${months} months, for each leg and for ${names.small} minus ${names.large} (in percentage points): exact at the points (the histograms' inner bin edges), straight lines between them. Diamonds: the run's targets at their counted probability.`);

  page.html(
    `<h3>Returns, value at risk and drawdowns</h3>`,
    returnsTableHtml(doc),
    `<p class="note">${esc(`Percentiles of the ${months}-month return over all paths; VaR 95 % (99 %) = the loss exceeded in 5 % (1 %) of paths, CVaR = the mean loss in those paths (expected shortfall), both losses as positive numbers. ${doc.conventions.var}`)}</p>`,
    drawdownTableHtml(doc),
    `<p class="note">${esc(`Largest fall from a running peak within the ${months} months of each path; "worst 5 %" is the 5th percentile. ${doc.drawdownSampling.note}.`)}</p>`,
  );

  const strategies = strategiesTableHtml(doc);
  if (strategies !== null) {
    const w = doc.strategies.warmUp;
    page.html(
      `<h3>Strategies on the simulated paths</h3>`,
      strategies,
      `<p class="note">${esc(`Every built-in strategy replayed on the first ${doc.strategies.paths.toLocaleString('en-US')} paths${w === undefined ? '' : `, after the real ${w.rows} ${w.unit} ${w.first} to ${w.last}`}: the percentiles of its ${months}-month return and of its maximum drawdown. Bold: the best median. ${doc.strategies.note}`)}</p>`,
    );
    if (w !== undefined && w.warning !== null) page.html(`<p class="warn">warning: ${esc(w.warning)}</p>`);
  }

  page.html(`<h3>Along the way: the fan chart</h3>`);
  page.chart(fanSpec(doc), `Percentiles of the cumulative return at each point of the ${months} months (the first ${doc.fan.paths.toLocaleString('en-US')} paths): shaded bands from the ${doc.fan.percentiles[0]}th to the ${doc.fan.percentiles[doc.fan.percentiles.length - 1]}th percentile, darker towards the middle; line = median; dashed = the run's targets.${doc.fan.stepUnit === 'trading days' ? ' Trading-day steps drawn about weekly (every fifth day).' : ''}`);
  page.chart(spreadFanSpec(doc), doc.fan.spread === undefined
    ? `The result holds no per-step percentiles of ${names.small} minus ${names.large} (a file written before it did), so no spread fan is drawn; its distribution at the horizon is below`
    : `Percentiles of ${names.small} minus ${names.large} at each point of the ${months} months, on the same paths (the percentiles of the difference, not the difference of the two fans above); above the line at 0 ${names.small} is ahead.`);

  page.html(`<h3>Distribution at the horizon</h3>`);
  const small = innerBins(doc.histograms.small), large = innerBins(doc.histograms.large), spread = innerBins(doc.histograms.spread);
  const left = [small === null ? null : endBinWords(small, names.small), large === null ? null : endBinWords(large, names.large)].filter((s): s is string => s !== null);
  page.chart(histogramSpec(doc), `Horizon returns of all paths, ${names.small} above ${names.large} on one x range, as percent of paths per percentage point of return. The result's end bins also hold the tails and are left out: ${left.join('; ')}. Dashed: the run's targets with their probability.`);
  page.chart(spreadHistogramSpec(doc), `${names.small} minus ${names.large} over ${months} months, all paths, in percent of paths per percentage point${spread === null ? '' : `; ${endBinWords(spread, 'left out')}`}. The line at 0 separates the paths where ${names.small} beats ${names.large}.`);
}
