// An in-memory tiled log: the files a publisher would write (C2SP tlog-tiles), kept in a Map, plus every
// complete-subtree hash. For tests, benchmarks and small tools; proofs at any published size can be served
// from the stored hashes (lookups only) or from the tiles alone (rehashing inside tiles).
import { EMPTY_ROOT, type Hash } from './hash.js';
import { inclusionProof } from './inclusion-proof.js';
import { consistencyProof } from './consistency-proof.js';
import { tileHashLookup } from './tile-hashes.js';
import { MemoryHashStore } from './hash-store.js';
import type { HashLookup } from './hash-source.js';
import { integrate, type Integration } from './tile-writer.js';
import { tilePath, TILE_WIDTH } from './tile-path.js';

export class MemoryTileLog {
  /** Every file ever written, by path (partial tiles of earlier sizes stay, as tlog-tiles allows). */
  readonly files = new Map<string, Uint8Array>();
  size = 0;
  root: Hash = EMPTY_ROOT;
  readonly hashes = new MemoryHashStore();

  /** Integrates `entries` and stores the files the tile writer returns. */
  append(entries: readonly Uint8Array[]): Integration {
    const width = this.size % TILE_WIDTH;
    const partialBundle =
      width === 0
        ? undefined
        : this.files.get(tilePath({ level: 'entries', index: Math.floor(this.size / TILE_WIDTH), width }));
    const result = integrate({
      oldSize: this.size,
      entries,
      hashes: tileHashLookup(this.size, this.read),
      ...(partialBundle === undefined ? {} : { partialBundle }),
    });
    for (const f of result.files) this.files.set(f.path, f.data);
    this.hashes.add(result);
    this.size = result.size;
    this.root = result.root;
    return result;
  }

  readonly read = (path: string): Uint8Array | undefined => this.files.get(path);

  /** The files as an asynchronous fetch (what verifyPublishedLog and tileHashReader take). */
  readonly fetch = (path: string): Promise<Uint8Array | undefined> => Promise.resolve(this.files.get(path));

  /** A hash source reading only the tiles published at `size`. */
  tileLookup(size = this.size): HashLookup {
    return tileHashLookup(size, this.read);
  }

  /** From the stored hashes; pass `this.tileLookup(size)` as `source` to prove from the tiles alone. */
  inclusionProof(index: number, size = this.size, source: HashLookup = this.hashes.lookup): Hash[] {
    return inclusionProof(source, index, size);
  }

  consistencyProof(m: number, n = this.size, source: HashLookup = this.hashes.lookup): Hash[] {
    return consistencyProof(source, m, n);
  }
}
