import { canonicalBytes } from '@openslate/canonical-json';
import { leafHash, MemoryTree, toBase64 } from '@openslate/log';

/** What a roll entry's leaf commits to. The salt hides everything else from anyone who lacks it. */
export interface RollLeaf {
  readonly election: string;
  readonly position: number;
  readonly membershipNumber: string;
  readonly weight: number;
  readonly status: 'active' | 'removed';
  /** base64 of 32 random bytes, given only to the member. */
  readonly salt: string;
}

/** The leaf's bytes: RFC 8785 canonical JSON of the RollLeaf; its RFC 9162 leaf hash goes in the tree. */
export const rollLeafBytes = (leaf: RollLeaf): Uint8Array => canonicalBytes({ ...leaf });

export interface RollCommitment {
  readonly size: number;
  readonly root: string;
  /** base64 leaf hashes in position order: publishable, they reveal nothing without the salts. */
  readonly leaves: string[];
  readonly tree: MemoryTree;
}

/** The Merkle commitment (RFC 9162 tree) of the roll's salted leaves, in position order. */
export function commitRoll(leaves: readonly RollLeaf[]): RollCommitment {
  const tree = new MemoryTree();
  const hashes: string[] = [];
  for (const leaf of leaves) {
    const bytes = rollLeafBytes(leaf);
    tree.append(bytes);
    hashes.push(toBase64(leafHash(bytes)));
  }
  return { size: leaves.length, root: toBase64(tree.root()), leaves: hashes, tree };
}
