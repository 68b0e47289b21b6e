import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import type { VegaSpec } from './compile-charts';

/** The id of the page's data block holding the charts (`[{ id, spec }]`, packed). */
export const SPECS_BLOCK_ID = 'ratecut-specs';
/** The id of the page's data block holding the Vega runtime (packed). */
export const RUNTIME_BLOCK_ID = 'ratecut-vega';
/** The `type` of a packed data block: a `<script>` of a type that is not JavaScript holds data, never runs. */
export const PACKED_TYPE = 'application/gzip';

/**
 * Text as the page carries its large parts: UTF-8, gzip-compressed (RFC 1952; DEFLATE level 9
 * by fflate, pure JavaScript, so the same text gives the same bytes on every platform and Node
 * version, with a zero time stamp), then base64 (RFC 4648), which can sit inside a `<script>`
 * element (no `<`). The page's boot script unpacks it with the browser's `DecompressionStream`.
 */
export function packText(text: string): string {
  return Buffer.from(gzipSync(strToU8(text), { level: 9, mtime: 0 })).toString('base64');
}

/**
 * The text {@link packText} packed.
 *
 * @throws Error when `packed` is not base64 of gzip data.
 */
export function unpackText(packed: string): string {
  return strFromU8(gunzipSync(Buffer.from(packed, 'base64')));
}

/** A packed data block of a page as HTML: `<script type="application/gzip" id="...">`base64`</script>`. */
export function packedBlock(id: string, text: string, attributes = ''): string {
  return `<script type="${PACKED_TYPE}" id="${id}"${attributes}>${packText(text)}</script>`;
}

/** The unpacked text of a page's packed data block, or undefined when the page has no such block. */
export function readPackedBlock(html: string, id: string): string | undefined {
  const found = new RegExp(`<script type="${PACKED_TYPE}" id="${id}"[^>]*>([A-Za-z0-9+/=]*)</script>`).exec(html);
  return found === null ? undefined : unpackText(found[1]);
}

/**
 * The charts of a report page as it carries them: `[{ id, spec }]`, each spec the compiled Vega
 * specification with its inline data, in page order (for tests and tools that read a report).
 *
 * @throws Error when the page holds no chart block (not a ratecut report page).
 */
export function readPageCharts(html: string): { readonly id: string; readonly spec: VegaSpec }[] {
  const text = readPackedBlock(html, SPECS_BLOCK_ID);
  if (text === undefined) throw new Error(`not a ratecut report page: no <script id="${SPECS_BLOCK_ID}"> block`);
  return JSON.parse(text) as { id: string; spec: VegaSpec }[];
}
