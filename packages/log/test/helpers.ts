// Test helpers: an in-memory publication built with the package's own tile writer.
import { integrate, tileHashLookup, MemoryTree, type Integration } from '../src/index.js';

export class Publication {
  readonly files = new Map<string, Uint8Array>();
  size = 0;
  readonly tree = new MemoryTree();

  /** Appends entries through integrate(), writing the files it returns. */
  append(entries: readonly Uint8Array[]): Integration {
    const partial = this.files.get(partialBundlePath(this.size));
    const result = integrate({
      oldSize: this.size,
      entries,
      hashes: tileHashLookup(this.size, (p) => this.files.get(p)),
      ...(partial ? { partialBundle: partial } : {}),
    });
    for (const f of result.files) this.files.set(f.path, f.data);
    for (const e of entries) this.tree.append(e);
    this.size = result.size;
    return result;
  }

  readonly fetch = async (path: string): Promise<Uint8Array | undefined> => this.files.get(path);
}

function partialBundlePath(size: number): string {
  const width = size % 256;
  if (width === 0) return '';
  const n = String(Math.floor(size / 256));
  const digits = n.padStart(Math.ceil(n.length / 3) * 3, '0').match(/.{3}/g) ?? [];
  return `tile/entries/${digits.map((g, i) => (i < digits.length - 1 ? `x${g}` : g)).join('/')}.p/${width}`;
}

/** Deterministic ~`size`-byte entries. */
export const entry = (i: number, size = 40): Uint8Array => {
  const e = new Uint8Array(size);
  for (let k = 0; k < size; k++) e[k] = (i * 31 + k * 7) & 0xff;
  e[0] = i & 0xff;
  e[1] = (i >> 8) & 0xff;
  return e;
};
