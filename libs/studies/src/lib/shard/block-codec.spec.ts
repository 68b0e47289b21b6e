import { decodeBlockOutput, encodeBlockOutput } from './block-codec';

describe('the block output codec of partial results', () => {
  it('round-trips typed arrays bit for bit (a NaN payload, -0, subnormals), nested in plain objects, through JSON', () => {
    const values = new Float64Array([0.1, -0, Number.MIN_VALUE, Number.MAX_VALUE, Infinity, NaN, 1 / 3]);
    new DataView(values.buffer).setUint32(5 * 8, 0x7ff80001, true); // a NaN with a payload
    const output = { smallReturn: values, counts: new Int32Array([1, -2, 3]), nested: { label: 'x', list: [1, null] } };
    const block = JSON.parse(JSON.stringify(encodeBlockOutput(4, output))) as ReturnType<typeof encodeBlockOutput>;
    expect(block.index).toBe(4);
    const back = decodeBlockOutput(block) as typeof output;
    expect(Object.prototype.toString.call(back.smallReturn)).toBe('[object Float64Array]'); // (deserialized in Node's realm, not the test's)
    expect(Buffer.from(back.smallReturn.buffer, back.smallReturn.byteOffset, back.smallReturn.byteLength).equals(Buffer.from(values.buffer))).toBe(true);
    expect(Array.from(back.counts)).toEqual([1, -2, 3]);
    expect(back.nested).toEqual(output.nested);
  });

  it('refuses bytes that do not match their sha-256', () => {
    const block = encodeBlockOutput(2, new Float64Array([1, 2]));
    const bytes = Buffer.from(block.data, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => decodeBlockOutput({ ...block, data: bytes.toString('base64') })).toThrow("block 2: the output's bytes do not match their sha-256");
  });
});
