import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeFileType, parseJsonText } from '@ratecut/data-loader';
import { errnoInWords, isErrnoError } from '@ratecut/studies';

/** A file's text, or one `file: error code: message` line saying why it cannot be read. */
export type InputText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly issue: string };

/**
 * Reads a file named on the command line (resolved against `cwd`) as UTF-8 text without a
 * leading byte-order mark. A missing path, a folder, a FIFO or device, or an unreadable file
 * gives one line naming the path (as the user wrote it) instead of a stack trace.
 */
export function readInputText(file: string, cwd: string): InputText {
  const path = resolve(cwd, file);
  try {
    const notFile = notAFileIssue(file, cwd);
    if (notFile !== null) return { ok: false, issue: notFile };
    const text = readFileSync(path, 'utf8');
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (e) {
    if (!isErrnoError(e)) throw e;
    if (e.code === 'ENOENT') return { ok: false, issue: `${file}: error missing-file: file not found` };
    return { ok: false, issue: `${file}: error unreadable: ${errnoInWords(e.code)} (${e.code}); check the path and the file's permissions` };
  }
}

/**
 * The `file: error not-a-file: ...` line when `file` exists but is a folder, FIFO, socket or
 * device (reading those fails with EISDIR or blocks); null for a regular file or a missing path
 * (the reader reports that one).
 */
export function notAFileIssue(file: string, cwd: string): string | null {
  let st;
  try {
    st = statSync(resolve(cwd, file));
  } catch {
    return null;
  }
  return st.isFile() ? null : `${file}: error not-a-file: is ${describeFileType(st)}; name a file`;
}

/** A parsed JSON document, or one located `file[:line:column]: error code: message` line. */
export type InputJson = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issue: string };

/**
 * Reads and parses a JSON file named on the command line: {@link readInputText}, then
 * data-loader's `parseJsonText`, so a syntax error gives `file:line:column: error <code>:
 * malformed JSON ...` or `... truncated JSON ...`, whatever the engine's message says.
 */
export function readInputJson(file: string, cwd: string, code = 'bad-json'): InputJson {
  const read = readInputText(file, cwd);
  if (!read.ok) return read;
  return parseInputJson(file, read.text, code);
}

/** Parses text already read from `file`; syntax errors are located as in {@link readInputJson}. */
export function parseInputJson(file: string, text: string, code = 'bad-json'): InputJson {
  const parsed = parseJsonText(text);
  return parsed.ok ? parsed : { ok: false, issue: `${file}:${parsed.line}:${parsed.column}: error ${code}: ${parsed.message}` };
}
