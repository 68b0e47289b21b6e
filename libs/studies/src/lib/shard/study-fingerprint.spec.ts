import { fingerprintValue } from './study-fingerprint';

describe('fingerprintValue', () => {
  it('is the same for equal data, whatever the key order, and a sha-256 in hex', () => {
    const a = { x: 1, y: [1, 'two', null, undefined], z: { w: new Float64Array([0.1, 0.2]) } };
    const b = { z: { w: new Float64Array([0.1, 0.2]) }, y: [1, 'two', null, undefined], x: 1 };
    expect(fingerprintValue(a)).toBe(fingerprintValue(b));
    expect(fingerprintValue(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with one bit of a typed array, the array type, -0, a string split differently or a nesting change', () => {
    const values = new Float64Array([0.1, 0.2, 0.3]);
    const flipped = new Float64Array(values);
    new Uint8Array(flipped.buffer)[3] ^= 1;
    const prints = [
      fingerprintValue(values), fingerprintValue(flipped), fingerprintValue(new Float32Array([0.1, 0.2, 0.3])),
      fingerprintValue(values.subarray(1)), fingerprintValue(0), fingerprintValue(-0), fingerprintValue('0'),
      fingerprintValue(['ab', 'c']), fingerprintValue(['a', 'bc']), fingerprintValue([[1], 2]), fingerprintValue([1, [2]]),
      fingerprintValue({ a: undefined }), fingerprintValue({}), fingerprintValue(NaN), fingerprintValue(null),
    ];
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('refuses functions and cycles', () => {
    expect(() => fingerprintValue({ f: () => 1 })).toThrow('cannot fingerprint a function');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => fingerprintValue(cyclic)).toThrow('cyclic');
  });
});
