import fc from 'fast-check';
import {
  consistencyProof,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  MemoryTree,
  nodeHash,
  proveConsistency,
  proveInclusion,
  readTreeRoot,
  rootOf,
  toHex,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from '../src/index.js';
import { codeOf } from './helpers.js';
import { CONSISTENCY, hexBytes, INCLUSION, LEAVES, NODE_HASHES, ROOTS } from './vectors.js';

const reference = (): MemoryTree => {
  const t = new MemoryTree();
  for (const l of LEAVES) t.append(l);
  return t;
};

const flipBit = (b: Uint8Array, bit: number): Uint8Array => {
  const c = Uint8Array.from(b);
  const at = Math.floor(bit / 8) % c.length;
  c[at] = (c[at] as number) ^ (1 << (bit % 8));
  return c;
};

describe('RFC 9162 §2.1.1 tree hashes: the reference tree', () => {
  it('gives the published root for every size 0..8', () => {
    const tree = reference();
    expect(toHex(EMPTY_ROOT)).toBe(ROOTS[0]);
    for (let n = 0; n <= 8; n++) expect(toHex(tree.root(n))).toBe(ROOTS[n]);
    expect(rootOf(LEAVES.map(leafHash)).length).toBe(32);
    for (let n = 0; n <= 8; n++) expect(toHex(rootOf(LEAVES.slice(0, n).map(leafHash)))).toBe(ROOTS[n]);
    for (let n = 0; n <= 8; n++) expect(toHex(treeRoot(tree.lookup, n))).toBe(ROOTS[n]);
  });

  it('stores the published complete-subtree hashes', () => {
    const tree = reference();
    NODE_HASHES.forEach((row, level) =>
      row.forEach((h, index) => expect(toHex(tree.lookup(level, index))).toBe(h)),
    );
  });
});

describe('RFC 9162 §2.1.3 inclusion proofs: the reference vectors', () => {
  const tree = reference();
  it.each(INCLUSION)('leaf $index of $size: generated and verified', ({ index, size, proof }) => {
    expect(tree.inclusionProof(index, size).map(toHex)).toEqual(proof);
    const root = hexBytes(ROOTS[size] as string);
    expect(() =>
      verifyInclusion(leafHash(LEAVES[index] as Uint8Array), index, size, proof.map(hexBytes), root),
    ).not.toThrow();
  });

  it.each(INCLUSION)(
    'leaf $index of $size: every corruption fails (as in transparency-dev/merkle)',
    ({ index, size, proof }) => {
      const root = hexBytes(ROOTS[size] as string);
      const leaf = leafHash(LEAVES[index] as Uint8Array);
      const p = proof.map(hexBytes);
      const bad: [number, number, Uint8Array, Uint8Array[], Uint8Array][] = [
        [index - 1, size, leaf, p, root],
        [index + 1, size, leaf, p, root],
        [index ^ 2, size, leaf, p, root],
        [index, size * 2, leaf, p, root],
        [index, Math.floor(size / 2), leaf, p, root],
        [index, size, leafHash(new Uint8Array([1, 2])), p, root],
        [index, size, leaf, p, EMPTY_ROOT],
        [index, size, leaf, [...p, root], root],
        [index, size, leaf, [root, ...p], root],
        [index, size, leaf, p.slice(0, -1), root],
        [index, size, leaf, [...p, new Uint8Array(0)], root],
      ];
      for (const [i, n, l, pr, r] of bad)
        expect(codeOf(() => verifyInclusion(l, i, n, pr, r))).toMatch(/^LOG_/);
    },
  );

  it('refuses a leaf beyond the tree with LOG_PROOF_WRONG_SIZE', () => {
    expect(codeOf(() => verifyInclusion(EMPTY_ROOT, 8, 8, [], EMPTY_ROOT))).toBe('LOG_PROOF_WRONG_SIZE');
    expect(codeOf(() => reference().inclusionProof(8, 8))).toBe('LOG_PROOF_WRONG_SIZE');
    expect(codeOf(() => reference().inclusionProof(0, 9))).toBe('LOG_PROOF_WRONG_SIZE');
    expect(codeOf(() => verifyInclusion(EMPTY_ROOT, 0, 0, [], EMPTY_ROOT))).toBe('LOG_PROOF_WRONG_SIZE');
  });

  it('gives LOG_PROOF_WRONG_SIZE for a proof made for another tree size, LOG_PROOF_MISMATCH for a wrong hash', () => {
    const tree = reference();
    const leaf = tree.leafHash(2);
    expect(codeOf(() => verifyInclusion(leaf, 2, 8, tree.inclusionProof(2, 3), tree.root(8)))).toBe(
      'LOG_PROOF_WRONG_SIZE',
    );
    const proof = tree.inclusionProof(2, 8);
    expect(
      codeOf(() =>
        verifyInclusion(leaf, 2, 8, [flipBit(proof[0] as Hash, 3), ...proof.slice(1)], tree.root(8)),
      ),
    ).toBe('LOG_PROOF_MISMATCH');
  });
});

describe('RFC 9162 §2.1.4 consistency proofs: the reference vectors', () => {
  const tree = reference();
  it.each(CONSISTENCY)('$from -> $to: generated and verified', ({ from, to, proof }) => {
    expect(tree.consistencyProof(from, to).map(toHex)).toEqual(proof);
    const r1 = hexBytes(ROOTS[from] as string);
    const r2 = hexBytes(ROOTS[to] as string);
    expect(() => verifyConsistency(from, to, proof.map(hexBytes), r1, r2)).not.toThrow();
  });

  it.each(CONSISTENCY.filter((c) => c.proof.length > 0))(
    '$from -> $to: every corruption fails',
    ({ from, to, proof }) => {
      const r1 = hexBytes(ROOTS[from] as string);
      const r2 = hexBytes(ROOTS[to] as string);
      const p = proof.map(hexBytes);
      const bad: [number, number, Uint8Array[], Uint8Array, Uint8Array][] = [
        [from - 1, to, p, r1, r2],
        [from + 1, to, p, r1, r2],
        [from ^ 2, to, p, r1, r2],
        [from, to * 2, p, r1, r2],
        [from, Math.floor(to / 2), p, r1, r2],
        [from, to, p, r2, r1],
        [from, to, [], r1, r2],
        [from, to, [...p, r1], r1, r2],
        [from, to, [r2, ...p], r1, r2],
        [from, to, [p[0] as Uint8Array, ...p], r1, r2],
        [from, to, p.slice(0, -1), r1, r2],
      ];
      for (const [m, n, pr, a, b] of bad)
        expect(codeOf(() => verifyConsistency(m, n, pr, a, b))).toMatch(/^LOG_/);
    },
  );

  it('handles the edge sizes as RFC 9162 says', () => {
    const r = tree.root(3);
    expect(() => verifyConsistency(0, 3, [], EMPTY_ROOT, r)).not.toThrow();
    expect(() => verifyConsistency(3, 3, [], r, r)).not.toThrow();
    expect(codeOf(() => verifyConsistency(3, 3, [], r, tree.root(4)))).toBe('LOG_INCONSISTENT');
    expect(codeOf(() => verifyConsistency(3, 3, [r], r, r))).toBe('LOG_PROOF_WRONG_SIZE');
    expect(codeOf(() => verifyConsistency(4, 3, [], r, r))).toBe('LOG_PROOF_WRONG_SIZE');
    expect(codeOf(() => tree.consistencyProof(4, 3))).toBe('LOG_PROOF_WRONG_SIZE');
    expect(tree.consistencyProof(0, 8)).toEqual([]);
  });

  it('says LOG_INCONSISTENT when the later tree rewrote history', () => {
    const other = new MemoryTree();
    LEAVES.forEach((l, i) => other.append(i === 1 ? new Uint8Array([9]) : l));
    const proof = other.consistencyProof(3, 8);
    expect(codeOf(() => verifyConsistency(3, 8, proof, tree.root(3), other.root(8)))).toBe(
      'LOG_INCONSISTENT',
    );
  });
});

describe('properties (fast-check)', () => {
  const entryOf = (i: number, salt: number): Uint8Array => new Uint8Array([salt, i & 0xff, i >> 8]);
  const treeOf = (n: number, salt: number): MemoryTree => {
    const t = new MemoryTree();
    for (let i = 0; i < n; i++) t.append(entryOf(i, salt));
    return t;
  };
  const sizes = fc
    .integer({ min: 1, max: 300 })
    .chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(), fc.nat(255)));

  it('every inclusion proof verifies, and a flipped bit in proof, root, entry or leaf hash never does', () => {
    fc.assert(
      fc.property(sizes, ([n, index, bit, salt]) => {
        const tree = treeOf(n, salt);
        const root = tree.root();
        const leaf = tree.leafHash(index);
        const proof = tree.inclusionProof(index);
        verifyInclusion(leafHash(entryOf(index, salt)), index, n, proof, root);
        const changedEntry = leafHash(flipBit(entryOf(index, salt), bit));
        expect(codeOf(() => verifyInclusion(changedEntry, index, n, proof, root))).toBe('LOG_PROOF_MISMATCH');
        expect(codeOf(() => verifyInclusion(flipBit(leaf, bit), index, n, proof, root))).toBe(
          'LOG_PROOF_MISMATCH',
        );
        expect(codeOf(() => verifyInclusion(leaf, index, n, proof, flipBit(root, bit)))).toBe(
          'LOG_PROOF_MISMATCH',
        );
        if (proof.length > 0) {
          const at = bit % proof.length;
          const bad = proof.map((p, i) => (i === at ? flipBit(p, bit >> 3) : p));
          expect(codeOf(() => verifyInclusion(leaf, index, n, bad, root))).toBe('LOG_PROOF_MISMATCH');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every consistency proof verifies, and a flipped bit in proof or either root never does', () => {
    fc.assert(
      fc.property(sizes, ([n, m0, bit, salt]) => {
        const m = m0 + 1;
        const tree = treeOf(n, salt);
        const proof = tree.consistencyProof(m, n);
        const r1 = tree.root(m);
        const r2 = tree.root(n);
        verifyConsistency(m, n, proof, r1, r2);
        if (m === n) return;
        expect(codeOf(() => verifyConsistency(m, n, proof, flipBit(r1, bit), r2))).toBe('LOG_INCONSISTENT');
        expect(codeOf(() => verifyConsistency(m, n, proof, r1, flipBit(r2, bit)))).toBe('LOG_INCONSISTENT');
        const at = bit % proof.length;
        const bad = proof.map((p, i) => (i === at ? flipBit(p, bit >> 3) : p));
        expect(codeOf(() => verifyConsistency(m, n, bad, r1, r2))).toBe('LOG_INCONSISTENT');
      }),
      { numRuns: 200 },
    );
  });

  it('a batched asynchronous hash reader gives the same proofs and roots, one read each', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, async ([n, index, , salt]) => {
        const tree = treeOf(n, salt);
        let reads = 0;
        const reader = async (ids: Parameters<typeof tree.reader>[0]) => {
          reads++;
          return tree.reader(ids);
        };
        expect(await proveInclusion(reader, index, n)).toEqual(inclusionProof(tree.lookup, index, n));
        expect(await proveConsistency(reader, index + 1, n)).toEqual(
          consistencyProof(tree.lookup, index + 1, n),
        );
        expect(toHex(await readTreeRoot(reader, index + 1))).toBe(toHex(tree.root(index + 1)));
        expect(reads).toBeLessThanOrEqual(3);
      }),
      { numRuns: 50 },
    );
  });

  it('node hashing uses the 0x01 prefix (RFC 9162 §2.1.1)', () => {
    const [a, b] = LEAVES.slice(0, 2).map(leafHash) as [Hash, Hash];
    expect(toHex(nodeHash(a, b))).toBe(ROOTS[2]);
  });
});
