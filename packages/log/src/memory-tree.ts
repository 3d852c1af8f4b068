// An in-memory RFC 9162 tree for tests and small logs: it keeps every complete subtree hash, so it is
// its own hash source for roots and proofs at any earlier size.
import { check, LogError } from './errors.js';
import { isCount } from './bytes.js';
import { leafHash, nodeHash, type Hash } from './hash.js';
import { treeRoot, type HashLookup, type SubtreeId } from './hash-source.js';
import { inclusionProof } from './inclusion-proof.js';
import { consistencyProof } from './consistency-proof.js';

export class MemoryTree {
  /** levels[l][i]: hash of the complete subtree of 2^l leaves from i * 2^l. */
  private readonly levels: Hash[][] = [[]];

  get size(): number {
    return (this.levels[0] as Hash[]).length;
  }

  /** Appends an entry (hashed as a leaf) and returns its index. */
  append(entry: Uint8Array): number {
    return this.appendLeafHash(leafHash(entry));
  }

  /** Appends an already-computed leaf hash and returns its index. */
  appendLeafHash(hash: Hash): number {
    const index = this.size;
    let h = hash;
    for (let level = 0; ; level++) {
      const row = this.levels[level] ?? (this.levels[level] = []);
      row.push(h);
      if (row.length % 2 === 1) break;
      h = nodeHash(row[row.length - 2] as Hash, h);
    }
    return index;
  }

  /** The hash source view of this tree. */
  readonly lookup: HashLookup = (level, index) => {
    const h = this.levels[level]?.[index];
    if (h === undefined) throw new LogError('LOG_MISSING_HASH', `no complete subtree ${level}/${index}`);
    return h;
  };

  /** A batched reader over this tree (what a database-backed source looks like). */
  readonly reader = (ids: readonly SubtreeId[]): Hash[] => ids.map((id) => this.lookup(id.level, id.index));

  /** RFC 9162 §2.1.1: the root of the first `size` leaves. */
  root(size = this.size): Hash {
    this.checkSize(size);
    return treeRoot(this.lookup, size);
  }

  leafHash(index: number): Hash {
    return this.lookup(0, index);
  }

  inclusionProof(index: number, size = this.size): Hash[] {
    this.checkSize(size);
    return inclusionProof(this.lookup, index, size);
  }

  consistencyProof(m: number, n = this.size): Hash[] {
    this.checkSize(n);
    return consistencyProof(this.lookup, m, n);
  }

  private checkSize(size: number): void {
    check(
      isCount(size) && size <= this.size,
      'LOG_PROOF_WRONG_SIZE',
      `the tree has ${this.size} leaves, not ${size}`,
    );
  }
}
