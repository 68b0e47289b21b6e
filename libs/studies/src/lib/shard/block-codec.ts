import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { PartialBlockJson } from '@ratecut/contracts';

/** The Node major this process runs, which must read what it wrote with `v8.serialize`. */
export const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

/**
 * Encodes block `index`'s output for a partial result: Node's `v8.serialize` (the structured
 * clone format worker threads use, which keeps typed arrays bit for bit) in base64, with the
 * sha-256 of the bytes.
 *
 * @throws Error when the output cannot be cloned (a function, a SharedArrayBuffer: a study bug).
 */
export function encodeBlockOutput(index: number, output: unknown): PartialBlockJson {
  const bytes = serialize(output);
  return { index, sha256: createHash('sha256').update(bytes).digest('hex'), data: bytes.toString('base64') };
}

/**
 * Decodes a block of a partial result written by {@link encodeBlockOutput}, after checking its
 * sha-256.
 *
 * @throws Error naming the block when the bytes do not match their sha-256 or do not decode.
 */
export function decodeBlockOutput(block: PartialBlockJson): unknown {
  const bytes = Buffer.from(block.data, 'base64');
  const sum = createHash('sha256').update(bytes).digest('hex');
  if (sum !== block.sha256) throw new Error(`block ${block.index}: the output's bytes do not match their sha-256 (the file is damaged)`);
  try {
    return deserialize(bytes);
  } catch (e) {
    throw new Error(`block ${block.index}: the output does not decode (${(e as Error).message})`);
  }
}
