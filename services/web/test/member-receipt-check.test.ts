// The receipt check the "Check my ballot" page runs in the browser, on a log built here: it accepts the true
// receipt and refuses another ballot's hash, a tampered proof, a checkpoint signed by another key, another log's
// checkpoint and a proof for another size, each with its own code.
import { ballotHash, toBase64url } from '@openslate/ballot';
import {
  encodeBundle,
  encodeEntry,
  generateKey,
  inclusionProof,
  MemoryTree,
  noteSigner,
  signCheckpoint,
  toBase64,
} from '@openslate/log';
import { bundlePathFor, checkReceipt } from '../src/components/member-receipt-check.js';

const origin = 'openslate.test/e1';
const key = generateKey(origin);
const ballots = Array.from({ length: 5 }, (_, i) => ({
  type: 'openslate/ballot/v1',
  counter: i,
  note: `b${i}`,
}));
const entries = [
  encodeEntry({ type: 'election.created', election: 'e1', body: { title: 'T' } }),
  ...ballots.map((ballot) => encodeEntry({ type: 'ballot.cast', election: 'e1', body: { ballot } })),
];
const tree = new MemoryTree();
for (const e of entries) tree.append(e);
const size = tree.size;
const checkpoint = signCheckpoint({ origin, size, root: tree.root(), extensions: [] }, [
  noteSigner(key.signerKey),
]);
const bundle = encodeBundle(entries);
const hashOf = (i: number) => toBase64url(ballotHash(ballots[i]));

function input(index: number, change: Partial<Parameters<typeof checkReceipt>[0]> = {}) {
  return {
    hash: hashOf(index - 1),
    proof: { index, size, proof: inclusionProof(tree.lookup, index, size).map(toBase64), checkpoint },
    bundle,
    verifierKey: key.verifierKey,
    origin,
    ...change,
  };
}
const codeOf = (r: ReturnType<typeof checkReceipt>) => (r.ok ? 'ok' : r.code);

test('the entry bundle holding an entry: full tiles of 256, else the partial width', () => {
  expect(bundlePathFor(3, 6)).toBe('tile/entries/000.p/6');
  expect(bundlePathFor(255, 600)).toBe('tile/entries/000');
  expect(bundlePathFor(513, 600)).toBe('tile/entries/002.p/88');
});

test('a true receipt checks, and names the key that signed the checkpoint', () => {
  expect(checkReceipt(input(3))).toEqual({ ok: true, index: 3, size, signedBy: origin });
});

test('another ballot, a tampered proof, another key, another log or another size is refused', () => {
  expect(codeOf(checkReceipt(input(3, { hash: hashOf(0) })))).toBe('NOT_THIS_BALLOT');
  expect(codeOf(checkReceipt({ ...input(1), proof: { ...input(1).proof, index: 0 } }))).toBe(
    'NOT_THIS_BALLOT',
  );
  const proof = input(3).proof;
  const flipped = [...proof.proof];
  flipped[0] = toBase64(new Uint8Array(32).fill(7));
  expect(codeOf(checkReceipt(input(3, { proof: { ...proof, proof: flipped } })))).toBe('LOG_PROOF_MISMATCH');
  expect(codeOf(checkReceipt(input(3, { verifierKey: generateKey(origin).verifierKey })))).toBe(
    'LOG_UNKNOWN_KEY',
  );
  expect(codeOf(checkReceipt(input(3, { origin: 'openslate.test/e2' })))).toBe('LOG_WRONG_ORIGIN');
  expect(codeOf(checkReceipt(input(3, { proof: { ...proof, size: size - 1 } })))).toBe('PROOF_WRONG_SIZE');
  expect(codeOf(checkReceipt(input(3, { bundle: bundle.subarray(0, bundle.length - 1) })))).toBe(
    'LOG_TRUNCATED_BUNDLE',
  );
});
