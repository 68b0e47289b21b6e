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
  const { bytes, sha256 } = encodeBlockBytes(output);
  return { index, sha256, data: bytes.toString('base64') };
}

/**
 * A block's output as bytes (Node's `v8.serialize`) with their sha-256, as partial results and
 * the job queue's output store keep them.
 *
 * @throws Error when the output cannot be cloned (a function, a SharedArrayBuffer: a study bug).
 */
export function encodeBlockBytes(output: unknown): { readonly bytes: Buffer; readonly sha256: string } {
  const bytes = serialize(output);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Decodes block `index`'s output from its bytes, after checking their sha-256.
 *
 * @throws Error naming the block when the bytes do not match their sha-256 or do not decode.
 */
export function decodeBlockBytes(index: number, bytes: Buffer, sha256: string, where = 'the file is damaged'): unknown {
  const sum = createHash('sha256').update(bytes).digest('hex');
  if (sum !== sha256) throw new Error(`block ${index}: the output's bytes do not match their sha-256 (${where})`);
  try {
    return deserialize(bytes);
  } catch (e) {
    throw new Error(`block ${index}: the output does not decode (${(e as Error).message})`);
  }
}

/**
 * Decodes a block of a partial result written by {@link encodeBlockOutput}, after checking its
 * sha-256.
 *
 * @throws Error naming the block when the bytes do not match their sha-256 or do not decode.
 */
export function decodeBlockOutput(block: PartialBlockJson): unknown {
  return decodeBlockBytes(block.index, Buffer.from(block.data, 'base64'), block.sha256);
}
