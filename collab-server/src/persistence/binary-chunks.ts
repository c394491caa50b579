import type { mongo } from 'mongoose';

/**
 * Default size of one stored chunk of a Yjs state: well below MongoDB's 16 MB document limit,
 * with room for the BSON envelope and the other fields of the chunk document.
 */
export const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;

/** One stored chunk: its position (0-based) and its bytes. */
export interface StoredChunk {
  part: number;
  data: mongo.Binary;
}

/** The bytes of a stored binary (the driver's buffer may be larger than its content). */
export function toBytes(binary: mongo.Binary): Uint8Array {
  return new Uint8Array(binary.buffer.buffer, binary.buffer.byteOffset, binary.position);
}

/**
 * Splits bytes into consecutive views of at most `chunkBytes` each, to be stored as parts
 * `0..n-1`. Empty input gives one empty chunk, so every stored value has at least part 0.
 */
export function splitIntoChunks(bytes: Uint8Array, chunkBytes: number): Uint8Array[] {
  if (!Number.isInteger(chunkBytes) || chunkBytes <= 0) {
    throw new RangeError(`chunkBytes must be a positive integer, got ${chunkBytes}`);
  }
  const count = Math.max(1, Math.ceil(bytes.byteLength / chunkBytes));
  return Array.from({ length: count }, (_, part) =>
    bytes.subarray(part * chunkBytes, (part + 1) * chunkBytes),
  );
}

/**
 * Joins chunks sorted by `part` back into one value. Answers `{ missingPart }` (the first part
 * that is absent) instead of returning a silently truncated value when not all `parts` are there.
 */
export function joinChunks(
  chunks: readonly StoredChunk[],
  parts: number,
): { bytes: Uint8Array } | { missingPart: number } {
  for (let part = 0; part < parts; part += 1) {
    if (chunks[part]?.part !== part) return { missingPart: part };
  }
  const complete = chunks.slice(0, parts);
  const total = complete.reduce((sum, chunk) => sum + chunk.data.position, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of complete) {
    bytes.set(toBytes(chunk.data), offset);
    offset += chunk.data.position;
  }
  return { bytes };
}
