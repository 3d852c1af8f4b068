// The bundle of the verifier benchmark: an election shaped like `openslate demo`'s — a 9-seat contest with a
// gender constraint and a single-seat contest (ers97), trustees 2 of 3, an issuer key per weight (1, and 3 for
// every 25th voter), some revotes — built straight from the packages: voters in worker threads
// (verify-voters.ts), the log integrated into C2SP tiles with a signed checkpoint, the count by packages/stv
// (countContest and resultEntry, as the API's count), and the files laid out by packages/verify's bundleFiles (docs/bundle-format.md).
// Cached as /tmp/openslate-bench/verify-<voters>-<code version>.tar.gz (the archive the API publishes, top folder
// included); the code version is a hash of the compiled packages that count and lay out the bundle.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  createTrustee,
  dealShares,
  electionKeyRecord,
  issuerKeySet,
  receiveShares,
  revealShare,
  type CeremonyParameters,
} from '@openslate/ballot';
import { exportIssuerSecretKey, generateIssuerKey } from '@openslate/ballot/node';
import { canonicalize, type JsonValue } from '@openslate/canonical-json';
import {
  encodeEntry,
  generateKey,
  integrate,
  leafHash,
  noteSigner,
  rootOf,
  signCheckpoint,
  tileHashLookup,
  toBase64,
  type LogEntry,
} from '@openslate/log';
import {
  bundleFiles,
  countContest,
  parseEntries,
  readTar,
  resultEntry,
  writeTar,
  type ManifestContest,
  type VotingManifest,
} from '@openslate/verify';
import { createHash, randomBytes } from 'node:crypto';
import { value } from './ballot-fixture.js';
import type { VoterChunk, VoterSetup } from './verify-voters.js';

export const CACHE_DIR = '/tmp/openslate-bench';
const CHUNK = 500;

const executive: ManifestContest = {
  id: 'executive',
  title: 'Executive committee (9 seats, at least 4 women)',
  seats: 9,
  rules: 'ers97',
  mode: 'secret',
  constraints: [{ attribute: 'gender', value: 'woman', min: 4 }],
  candidates: Array.from({ length: 14 }, (_, i) => ({
    id: `e${i + 1}`,
    name: `Executive candidate ${i + 1}`,
    attributes: { gender: i % 2 === 0 ? 'woman' : i % 7 === 6 ? 'non-binary' : 'man' },
  })),
};
const youth: ManifestContest = {
  id: 'youth',
  title: 'Youth representative (1 seat)',
  seats: 1,
  rules: 'ers97',
  mode: 'secret',
  constraints: [],
  candidates: Array.from({ length: 3 }, (_, i) => ({
    id: `y${i + 1}`,
    name: `Youth candidate ${i + 1}`,
    attributes: {},
  })),
};

/** Runs the voter jobs on `threads` workers; chunks come back in voter order. */
async function makeAllVoters(setup: VoterSetup, voters: number, threads: number): Promise<VoterChunk[]> {
  const jobs = Array.from({ length: Math.ceil(voters / CHUNK) }, (_, i) => ({
    from: i * CHUNK,
    to: Math.min(voters, (i + 1) * CHUNK),
  }));
  const chunks: VoterChunk[] = new Array<VoterChunk>(jobs.length);
  let next = 0;
  const run = async () => {
    const worker = new Worker(new URL('./verify-voters-worker.js', import.meta.url));
    try {
      while (next < jobs.length) {
        const i = next++;
        chunks[i] = await new Promise<VoterChunk>((resolve, reject) => {
          const fail = (e: Error) => (worker.off('message', done), reject(e));
          const done = (chunk: VoterChunk) => (worker.off('error', fail), resolve(chunk));
          worker.once('message', done);
          worker.once('error', fail);
          worker.postMessage({ setup, ...jobs[i]! });
        });
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: threads }, run));
  return chunks;
}

export async function buildVerifyBundle(voters: number, id: string): Promise<Map<string, Uint8Array>> {
  const trustees = [1, 2, 3].map((i) => createTrustee(id, i, `Trustee ${i}`));
  const params: CeremonyParameters = {
    type: 'openslate/ceremony/v1',
    electionId: id,
    threshold: 2,
    trustees: trustees.map((t) => t.announcement),
  };
  const dealt = trustees.map((t) => value(dealShares(params, t.secret)));
  const [dealings, hashes] = [dealt.map((d) => d.dealing), dealt.map((d) => d.hash)];
  const shares = trustees.map((t) => value(receiveShares(params, t.secret, dealings, hashes)));
  const electionKey = value(electionKeyRecord(params, dealings, hashes));
  const contests = [executive, youth];
  const contestIds = contests.map((c) => c.id);
  const issuers = [1, 3].map((weight) => value(generateIssuerKey(id, weight, contestIds)));
  // Stand-ins for the salted roll leaves (only their hashes are published).
  const rollLeaves = Array.from({ length: voters }, () => leafHash(randomBytes(32)));
  const roll = { size: voters, root: toBase64(rootOf(rollLeaves)) };
  const manifest: VotingManifest = {
    type: 'openslate/manifest/v1',
    electionId: id,
    title: `Bench election, ${voters} voters`,
    contests,
    issuerKeys: issuerKeySet(
      id,
      issuers.map((i) => i.record),
    ),
    electionKey,
    roll,
  };
  const entries: Uint8Array[] = [];
  const log = (type: string, body: Record<string, unknown>) =>
    entries.push(encodeEntry({ type, election: id, body } satisfies LogEntry));
  log('election.created', { title: manifest.title, by: 'officer' });
  log('roll.imported', { entries: voters, weight: 1, roll });
  log('voting.manifest', { manifest });
  log('election.state', { from: 'draft', to: 'voting', by: 'officer' });
  const setup: VoterSetup = {
    electionId: id,
    electionPublicKey: electionKey.publicKey,
    contests: contests.map((c, n) => ({
      id: c.id,
      candidates: c.candidates.map((k) => k.id),
      popularity: c.candidates.map((_, i) => (n === 0 ? 14 - i : 5 - i)),
    })),
    issuers: issuers.map((i) => ({ record: i.record, pem: exportIssuerSecretKey(i) })),
    delegateEvery: 25,
    revoteRate: 0.05,
  };
  const chunks = await makeAllVoters(setup, voters, availableParallelism());
  for (const chunk of chunks) entries.push(...chunk.entries);
  const counted = chunks.flatMap((c) => c.counted);
  const cast = entries.length - 4 - voters;
  log('election.state', {
    from: 'voting',
    to: 'closed',
    by: 'officer',
    ballots: cast,
    sealedSize: entries.length + 1,
  });
  const sealedSize = entries.length;
  const reveals = [revealShare(shares[0]!), revealShare(shares[2]!)];
  for (const reveal of reveals) log('trustee.revealed', { reveal });

  // The count, as the API's count route does it: seed = root of the sealed log.
  const seed = toBase64(rootOf(entries.slice(0, sealedSize).map((e) => leafHash(e))));
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const results = contests.map((contest) => {
    const choices = counted.map((c) => ({ value: c.contests[contest.id], weight: c.weight }));
    const result = countContest(contest, choices, { seed });
    if (!result.ok) throw new Error(result.error.message);
    const c = result.value;
    log(
      'result',
      resultEntry(contest, c, {
        ballots: counted.length,
        seed,
        reportHash: sha(canonicalize(c.report as JsonValue)),
        bltHash: c.blt === null ? null : sha(c.blt),
      }),
    );
    const quorum = c.kind === 'stv' ? c.quorum : null;
    return {
      contest: contest.id,
      report: c.report,
      blt: c.blt,
      stageTable: c.text,
      explanation: c.explanation,
      quorum,
    };
  });
  log('election.state', { from: 'counted', to: 'published', by: 'officer' });

  const integration = integrate({ oldSize: 0, entries, hashes: tileHashLookup(0, () => undefined) });
  const logKey = generateKey('bench.example');
  const origin = `bench.example/log/${id}`;
  const checkpoint = signCheckpoint(
    { origin, size: entries.length, root: integration.root, extensions: [] },
    [noteSigner(logKey.signerKey)],
  );
  return bundleFiles({
    manifest,
    log: {
      origin,
      verifierKey: logKey.verifierKey,
      witnesses: [],
      sealedSize,
      checkpoint,
      tiles: new Map(integration.files.map((f) => [f.path, f.data])),
      entries: parseEntries(entries),
    },
    reveals,
    results,
    roll: { size: voters, root: roll.root, leaves: rollLeaves.map(toBase64) },
  });
}

/**
 * What the bundle's bytes depend on besides the voters: the compiled code that counts, renders and lays it out
 * (packages stv, questions, log, verify), so a cached bundle is never checked against a newer count.
 */
function codeVersion(): string {
  const hash = createHash('sha256');
  for (const name of ['stv', 'questions', 'log', 'verify']) {
    const dir = fileURLToPath(new URL(`../../../packages/${name}/dist/`, import.meta.url));
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .sort())
      hash.update(file).update(readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** The cached bundle of `voters` voters (built and archived on first use) and where its archive is. */
export async function verifyBundleFixture(
  voters: number,
): Promise<{ files: Map<string, Uint8Array>; archive: string; builtSeconds?: number }> {
  const id = `bench-verify-${voters}`;
  const archive = `${CACHE_DIR}/verify-${voters}-${codeVersion()}.tar.gz`;
  if (existsSync(archive)) {
    const tar = readTar(new Uint8Array(gunzipSync(readFileSync(archive))));
    const prefix = `${id}/`;
    return { files: new Map([...tar].map(([p, d]) => [p.slice(prefix.length), d])), archive };
  }
  const t0 = performance.now();
  const files = await buildVerifyBundle(voters, id);
  const builtSeconds = (performance.now() - t0) / 1000;
  mkdirSync(CACHE_DIR, { recursive: true });
  const prefixed = new Map([...files].map(([p, d]) => [`${id}/${p}`, d] as const));
  writeFileSync(archive, gzipSync(writeTar(prefixed), { level: 1 }));
  return { files, archive, builtSeconds };
}
