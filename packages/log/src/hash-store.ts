// A compact in-memory store of every complete-subtree hash (what Go's sumdb calls stored hashes): one growing
// byte buffer per level. As a hash source it answers proofs with lookups only, no rehashing of tiles.
import { LogError } from './errors.js';
import { HASH_SIZE, type Hash } from './hash.js';
import type { HashLookup } from './hash-source.js';
import type { Integration } from './tile-writer.js';

export class MemoryHashStore {
  private readonly levels: { bytes: Uint8Array; count: number }[] = [];

  /** Stores the hashes an integration created (Integration.newHashes), which must continue this store. */
  add(result: Pick<Integration, 'newHashes'>): void {
    result.newHashes.forEach((row, level) => {
      const store =
        this.levels[level] ?? (this.levels[level] = { bytes: new Uint8Array(1024 * HASH_SIZE), count: 0 });
      const needed = (store.count + row.length) * HASH_SIZE;
      if (needed > store.bytes.length) {
        const grown = new Uint8Array(Math.max(needed, store.bytes.length * 2));
        grown.set(store.bytes.subarray(0, store.count * HASH_SIZE));
        store.bytes = grown;
      }
      for (const h of row) store.bytes.set(h, store.count++ * HASH_SIZE);
    });
  }

  readonly lookup: HashLookup = (level, index) => {
    const store = this.levels[level];
    if (store === undefined || !(index >= 0 && index < store.count)) {
      throw new LogError('LOG_MISSING_HASH', `no stored hash for subtree ${level}/${index}`);
    }
    return store.bytes.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE) as Hash;
  };
}
