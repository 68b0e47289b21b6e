import type { VegaLiteSpec } from './chart-spec';

/** Text escaped for HTML content and attribute values. */
export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A decimal as a signed percentage, `digits` decimals; "n/a" when missing or not finite. */
export const signedPct = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(digits)}%`);

/**
 * A decimal difference of returns in signed percentage points with `digits` decimals and a
 * true minus sign ("+3.5 pp", "−1.6 pp"); a value that rounds to zero is "+0.0 pp"; "n/a" when
 * missing or not finite.
 */
export function signedPp(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n/a';
  const v = (Math.abs(x) * 100).toFixed(digits);
  return `${x < 0 && Number(v) !== 0 ? '−' : '+'}${v} pp`;
}

/** A p-value to three decimals, `<0.001` below; "n/a" when missing or not finite. */
export const pValueText = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x < 0.001 ? '<0.001' : x.toFixed(3));

/** {@link pValueText} escaped for HTML. */
export const pValueHtml = (x: number | null | undefined): string => esc(pValueText(x));

/** A confidence level in words: 0.9 → "90 %". */
export const confidenceWords = (confidence: number): string => `${Math.round(confidence * 100)} %`;

/** The text with its first letter in capitals. */
export const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A decimal as a percentage with one decimal; "n/a" when missing or not finite. */
export const plainPct = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : `${(x * 100).toFixed(1)}%`);

/**
 * One piece of a report section, in page order: HTML, or a chart whose container (and id,
 * numbered across the whole page) is made when the sections are put together.
 */
export type ReportPart = { readonly html: string } | { readonly chart: VegaLiteSpec; readonly caption: string };

/** Collects a section's parts; a chart without data becomes a note. */
export class SectionParts {
  readonly parts: ReportPart[] = [];
  /** The section's answer as set by {@link SectionParts.headline} (HTML), for the top of the page. */
  headlineHtml: string | undefined;

  /**
   * The section's question and its answer in one or two sentences with the key numbers (HTML,
   * already escaped), placed at this point of the section and kept for the page's summary at the top.
   */
  headline(question: string, answerHtml: string): void {
    this.headlineHtml = answerHtml;
    this.parts.push({ html: `<div class="headline"><p class="question">${esc(question)}</p><p class="answer">${answerHtml}</p></div>` });
  }

  /** Key–value pairs folded away under a summary line (conventions, inputs, settings). */
  details(summary: string, entries: readonly (readonly [string, string])[], extraHtml = ''): void {
    this.parts.push({ html: `<details><summary>${esc(summary)}</summary>${definitionList(entries)}${extraHtml}</details>` });
  }

  html(...html: string[]): void {
    for (const h of html) this.parts.push({ html: h });
  }

  chart(spec: VegaLiteSpec | null, caption: string): void {
    if (spec === null) this.parts.push({ html: `<p class="note">${esc(caption)}: no data to draw.</p>` });
    else this.parts.push({ chart: spec, caption });
  }
}

/** Key–value pairs as an HTML definition list, escaped. */
export function definitionList(entries: readonly (readonly [string, string])[]): string {
  return `<dl>${entries.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}
