// Benchmark for @openslate/log (prints figures; not a test): `npm run bench:log`.
// Appends and integrates 1,000,000 ~200-byte entries in memory through the tile writer (C2SP tlog-tiles),
// then generates and verifies RFC 9162 inclusion proofs for random indexes, from the stored subtree hashes the
// integration returns and from the hash tiles alone. Sizes: BENCH_LOG_ENTRIES, BENCH_LOG_BATCH, BENCH_LOG_PROOFS.
import { inclusionProof, leafHash, MemoryTileLog, verifyInclusion, type HashLookup } from '@openslate/log';

const TOTAL = Number(process.env.BENCH_LOG_ENTRIES ?? 1_000_000);
const BATCH = Number(process.env.BENCH_LOG_BATCH ?? 1_000); // entries per integration (one checkpoint each)
const PROOFS = Number(process.env.BENCH_LOG_PROOFS ?? 2_000);
const ENTRY_SIZE = 200;

/** Deterministic entry i: a 200-byte JSON-like record. */
function entry(i: number): Uint8Array {
  const text = `{"body":{"seq":${i},"pad":"${'x'.repeat(ENTRY_SIZE)}"},"election":"bench","type":"ballot-cast"}`;
  return new TextEncoder().encode(text.slice(0, ENTRY_SIZE - 8) + String(i).padStart(8, '0'));
}

/** xorshift32: reproducible random indexes. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function main(): void {
  const log = new MemoryTileLog();
  let integrating = 0;
  for (let start = 0; start < TOTAL; start += BATCH) {
    const batch: Uint8Array[] = [];
    for (let i = start; i < Math.min(TOTAL, start + BATCH); i++) batch.push(entry(i));
    const t0 = performance.now();
    log.append(batch);
    integrating += performance.now() - t0;
  }
  const tiles = [...log.files.keys()].filter((p) => !p.startsWith('tile/entries/')).length;
  console.log(`integrated ${TOTAL} entries of ${ENTRY_SIZE} bytes in batches of ${BATCH}`);
  console.log(
    `  ${(integrating / 1000).toFixed(2)} s, ${Math.round(TOTAL / (integrating / 1000))} entries/s`,
  );
  console.log(`  ${tiles} hash tile files written, root ${Buffer.from(log.root).toString('base64')}`);

  const next = random(0x5eed);
  const indexes = Array.from({ length: PROOFS }, () => Math.floor(next() * log.size));
  const leaves = indexes.map((i) => leafHash(entry(i)));
  const measure = (label: string, source: HashLookup): void => {
    let proving = 0;
    let verifying = 0;
    indexes.forEach((index, k) => {
      const t0 = performance.now();
      const proof = inclusionProof(source, index, log.size);
      const t1 = performance.now();
      verifyInclusion(leaves[k] as Uint8Array, index, log.size, proof, log.root);
      verifying += performance.now() - t1;
      proving += t1 - t0;
    });
    const us = (ms: number): string => ((ms * 1000) / PROOFS).toFixed(0);
    console.log(`inclusion proofs, ${label}: ${PROOFS} random indexes in a tree of ${log.size}`);
    console.log(
      `  ${us(proving + verifying)} µs per proof: ${us(proving)} µs generation + ${us(verifying)} µs verification`,
    );
  };
  measure('from stored subtree hashes (MemoryHashStore)', log.hashes.lookup);
  measure('from the hash tiles alone (64 tiles cached)', log.tileLookup());
}

main();
