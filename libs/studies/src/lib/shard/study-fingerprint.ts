import { createHash, type Hash } from 'node:crypto';

/**
 * Feeds a canonical encoding of `value` to `hash`: every value tagged with its type, strings and
 * typed arrays with their lengths, object keys sorted, typed arrays as their bytes, numbers in
 * JavaScript's shortest round-trip form (with −0 told apart), so equal data always hash alike
 * and different data (even one bit of a Float64Array) almost never do.
 *
 * @throws TypeError for functions, symbols and cyclic values (a plan must be plain data).
 */
function feed(hash: Hash, value: unknown, path: unknown[]): void {
  if (value === null) { hash.update('N'); return; }
  switch (typeof value) {
    case 'undefined': hash.update('U'); return;
    case 'boolean': hash.update(value ? 'T' : 'F'); return;
    case 'number': hash.update(`D${Object.is(value, -0) ? '-0' : String(value)};`); return;
    case 'bigint': hash.update(`B${value.toString()};`); return;
    case 'string': hash.update(`S${Buffer.byteLength(value)}:`); hash.update(value); return;
    case 'object': break;
    default: throw new TypeError(`studyFingerprint: cannot fingerprint a ${typeof value}`);
  }
  if (path.includes(value)) throw new TypeError('studyFingerprint: cannot fingerprint a cyclic value');
  if (ArrayBuffer.isView(value)) {
    hash.update(`V${value.constructor.name}:${value.byteLength}:`);
    hash.update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    return;
  }
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer)) {
    hash.update(`R${value.byteLength}:`);
    hash.update(new Uint8Array(value));
    return;
  }
  const inner = [...path, value];
  if (Array.isArray(value)) {
    hash.update(`A${value.length}[`);
    for (const item of value) feed(hash, item, inner);
    hash.update(']');
  } else if (value instanceof Map) {
    hash.update(`M${value.size}[`);
    for (const [k, v] of value) { feed(hash, k, inner); feed(hash, v, inner); }
    hash.update(']');
  } else if (value instanceof Set) {
    hash.update(`E${value.size}[`);
    for (const v of value) feed(hash, v, inner);
    hash.update(']');
  } else if (value instanceof Date) {
    hash.update(`T${value.getTime()};`);
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    hash.update(`O${keys.length}{`);
    for (const key of keys) { feed(hash, key, inner); feed(hash, record[key], inner); }
    hash.update('}');
  }
}

/**
 * The sha-256 (lowercase hex) of a canonical encoding of `value` (see `feed`): plain objects
 * (keys in sorted order), arrays, typed arrays (their bytes), maps and sets (in insertion
 * order), dates, strings, numbers, booleans, null and undefined. Used to tell whether partial
 * results of a study were computed from the same plan, context and code version.
 *
 * @throws TypeError for functions, symbols and cyclic values.
 */
export function fingerprintValue(value: unknown): string {
  const hash = createHash('sha256');
  feed(hash, value, []);
  return hash.digest('hex');
}
