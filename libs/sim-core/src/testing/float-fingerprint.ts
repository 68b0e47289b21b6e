/**
 * FNV-1a (32-bit; Fowler, Noll and Vo) over the bytes of the arrays: a fingerprint of exact float
 * bits, for tests that pin a generator's or a simulation's output bit for bit.
 */
export function fnv1a(arrays: readonly Float64Array[]): string {
  let h = 0x811c9dc5;
  for (const a of arrays) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
