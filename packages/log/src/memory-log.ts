// An in-memory tiled log: the files a publisher would write (C2SP tlog-tiles), kept in a Map. For tests,
// benchmarks and small tools; proofs at any published size are served from the tiles alone.
import { EMPTY_ROOT, type Hash } from './hash.js';
import { inclusionProof } from './inclusion-proof.js';
import { consistencyProof } from './consistency-proof.js';
import { tileHashLookup } from './tile-hashes.js';
import { integrate, type Integration } from './tile-writer.js';
import { tilePath, TILE_WIDTH } from './tile-path.js';

export class MemoryTileLog {
  /** Every file ever written, by path (partial tiles of earlier sizes stay, as tlog-tiles allows). */
  readonly files = new Map<string, Uint8Array>();
  size = 0;
  root: Hash = EMPTY_ROOT;

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
    this.size = result.size;
    this.root = result.root;
    return result;
  }

  readonly read = (path: string): Uint8Array | undefined => this.files.get(path);

  /** The files as an asynchronous fetch (what verifyPublishedLog and tileHashReader take). */
  readonly fetch = (path: string): Promise<Uint8Array | undefined> => Promise.resolve(this.files.get(path));

  inclusionProof(index: number, size = this.size): Hash[] {
    return inclusionProof(tileHashLookup(size, this.read), index, size);
  }

  consistencyProof(m: number, n = this.size): Hash[] {
    return consistencyProof(tileHashLookup(n, this.read), m, n);
  }
}
