// A JSON leaf (the roll's salted leaves) proven in an RFC 9162 tree of canonical-JSON leaves: the proof holds for
// the same value in any key order, and fails for a changed field, another position or another root.
import { canonicalBytes } from '@openslate/canonical-json';
import { LogError, MemoryTree, inclusionProof, toBase64, verifyJsonLeafInclusion } from '../src/index.js';

const leaves = Array.from({ length: 7 }, (_, i) => ({
  election: 'e1',
  position: i + 1,
  membershipNumber: `M${100 + i}`,
  weight: 1,
  status: 'active',
  salt: toBase64(new Uint8Array(32).fill(i)),
}));
const tree = new MemoryTree();
for (const leaf of leaves) tree.append(canonicalBytes(leaf));
const root = toBase64(tree.root());
const proofOf = (i: number) => inclusionProof(tree.lookup, i, tree.size).map(toBase64);

const codeOf = (f: () => void): string => {
  try {
    f();
    return 'none';
  } catch (e) {
    return e instanceof LogError ? e.code : String(e);
  }
};

test('every leaf is proven at its index, whatever the order of its keys', () => {
  for (const [i, leaf] of leaves.entries()) {
    const reordered = Object.fromEntries(Object.entries(leaf).reverse());
    expect(codeOf(() => verifyJsonLeafInclusion(reordered, i, leaves.length, proofOf(i), root))).toBe('none');
  }
});

test('a changed field, another index, a wrong size or another root fails', () => {
  const leaf = leaves[4]!;
  const proof = proofOf(4);
  expect(codeOf(() => verifyJsonLeafInclusion({ ...leaf, weight: 2 }, 4, 7, proof, root))).toBe(
    'LOG_PROOF_MISMATCH',
  );
  expect(codeOf(() => verifyJsonLeafInclusion(leaf, 3, 7, proof, root))).toBe('LOG_PROOF_MISMATCH');
  expect(codeOf(() => verifyJsonLeafInclusion(leaf, 4, 9, proof, root))).toBe('LOG_PROOF_WRONG_SIZE');
  const other = toBase64(new Uint8Array(32));
  expect(codeOf(() => verifyJsonLeafInclusion(leaf, 4, 7, proof, other))).toBe('LOG_PROOF_MISMATCH');
  expect(codeOf(() => verifyJsonLeafInclusion(leaf, 4, 7, ['not base64!'], root))).toBe('LOG_BAD_BASE64');
  expect(codeOf(() => verifyJsonLeafInclusion({ n: 1.5 }, 0, 1, [], root))).not.toBe('none');
});
