// Test helpers: a tiled log kept next to a MemoryTree, so tests compare the tiles with an independent tree.
import { LogError, MemoryTileLog, MemoryTree, type Integration } from '../src/index.js';

export class Publication extends MemoryTileLog {
  readonly tree = new MemoryTree();

  override append(entries: readonly Uint8Array[]): Integration {
    const result = super.append(entries);
    for (const e of entries) this.tree.append(e);
    return result;
  }
}

/** Deterministic `size`-byte entries. */
export const entry = (i: number, size = 40): Uint8Array => {
  const e = new Uint8Array(size);
  for (let k = 0; k < size; k++) e[k] = (i * 31 + k * 7) & 0xff;
  e[0] = i & 0xff;
  e[1] = (i >> 8) & 0xff;
  return e;
};

/** The LogError code `f` throws, or undefined if it returns; anything else thrown fails the test. */
export const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof LogError) return e.code;
    throw e;
  }
};
