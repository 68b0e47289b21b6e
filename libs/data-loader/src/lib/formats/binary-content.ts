/** How many leading bytes {@link describeBinaryContent} inspects. */
export const BINARY_SNIFF_BYTES = 65536;

/** Share of undecodable characters (in the inspected bytes) above which text is called binary. */
export const MAX_INVALID_UTF8_SHARE = 0.1;

const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (Excel .xlsx and Ken French downloads are zip files too; unzip it and point the catalog at the CSV inside)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty zip archive' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file (decompress it first)' },
  { bytes: [0x42, 0x5a, 0x68], what: 'a bzip2-compressed file (decompress it first)' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz-compressed file (decompress it first)' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'a zstd-compressed file (decompress it first)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Excel (.xls) or other OLE document (save it as CSV)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable (ELF) file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
  { bytes: [0xff, 0xfe], what: 'UTF-16 text (save it as UTF-8)' },
  { bytes: [0xfe, 0xff], what: 'UTF-16 text (save it as UTF-8)' },
];

function startsWith(buf: Uint8Array, bytes: readonly number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/**
 * Says what a file is when its first bytes show it is not text: a known signature ("magic
 * number": zip, gzip, bzip2, xz, zstd, PDF, OLE/.xls, ELF, PNG, SQLite, UTF-16 byte-order
 * marks), a NUL byte, or more than {@link MAX_INVALID_UTF8_SHARE} of the characters not valid
 * UTF-8, all within the first {@link BINARY_SNIFF_BYTES} bytes. Returns `undefined` for text;
 * a few stray non-UTF-8 bytes (a Latin-1 accent in a title line) still count as text.
 */
export function describeBinaryContent(buf: Uint8Array): string | undefined {
  const head = buf.subarray(0, BINARY_SNIFF_BYTES);
  for (const s of SIGNATURES) if (startsWith(head, s.bytes)) return s.what;
  const nul = head.indexOf(0);
  if (nul >= 0) return `binary data (a NUL byte at byte ${nul + 1}; text files have none)`;
  if (head.length === 0) return undefined;
  // A multi-byte character cut at the end of the inspected bytes is not an error.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head, { stream: head.length < buf.length });
  let invalid = 0;
  let chars = 0;
  for (const ch of text) {
    chars += 1;
    if (ch === '\ufffd') invalid += 1;
  }
  if (chars > 0 && invalid / chars > MAX_INVALID_UTF8_SHARE) {
    return `binary data or text in an unknown encoding (${Math.round((100 * invalid) / chars)} % of the first ${chars} characters are not valid UTF-8)`;
  }
  return undefined;
}
