// `npm run bench:verify`: builds the bundle of a synthetic secret-ballot election (BENCH_BALLOTS ballots, default
// 2,000; one contest of 10 candidates, 3 seats, ers97; 3 trustees, threshold 2; every 10th voter revotes) in the
// API's log format, then times `verifyBundle` over it with the node back-end: wall time per check, the process's
// CPU time and peak RSS. Figures only: nothing is asserted. BENCH_BUNDLE_OUT=<file.tar.gz> keeps the bundle.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
  checkElectionKey,
  createBallot,
  createTrustee,
  dealShares,
  electionKeyRecord,
  finalizeCredential,
  generateBallotKeyPair,
  issuerKeySet,
  reconstructElectionSecret,
  receiveShares,
  requestCredential,
  revealShare,
  decryptCountedBallots,
  verifyCastBallots,
  createIssuerKeyring,
  type CeremonyParameters,
  type Result,
} from '@openslate/ballot';
import { createNodeBackend, generateIssuerKey, issueBlindSignature } from '@openslate/ballot/node';
import { canonicalize } from '@openslate/canonical-json';
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
  toHex,
  type LogEntry,
} from '@openslate/log';
import { renderExplanation, renderText, reportToJson, writeBlt } from '@openslate/stv';
import {
  bundleFiles,
  parseEntries,
  readFromMap,
  tallyContest,
  verifyBundle,
  writeTar,
  type VotingManifest,
} from '@openslate/verify';

const BALLOTS = Number(process.env['BENCH_BALLOTS'] ?? 2000);
const ID = 'bench-verify';
const node = createNodeBackend();

function value<T>(r: Result<T>): T {
  if (!r.ok) throw r.error;
  return r.value;
}

function buildBundle(ballots: number): Map<string, Uint8Array> {
  const trustees = [1, 2, 3].map((i) => createTrustee(ID, i, `Trustee ${i}`));
  const params: CeremonyParameters = {
    type: 'openslate/ceremony/v1',
    electionId: ID,
    threshold: 2,
    trustees: trustees.map((t) => t.announcement),
  };
  const dealt = trustees.map((t) => value(dealShares(params, t.secret)));
  const dealings = dealt.map((d) => d.dealing);
  const hashes = dealt.map((d) => d.hash);
  const shares = trustees.map((t) => value(receiveShares(params, t.secret, dealings, hashes)));
  const electionKey = value(electionKeyRecord(params, dealings, hashes));
  const issuer = value(generateIssuerKey(ID, 1, ['c1']));
  const candidates = Array.from({ length: 10 }, (_, i) => ({
    id: `k${i}`,
    name: `Candidate ${i + 1}`,
    attributes: {},
  }));
  // Stand-ins for the salted roll leaves (only their hashes are published).
  const rollLeaves = Array.from({ length: ballots }, () => leafHash(randomBytes(32)));
  const manifest: VotingManifest = {
    type: 'openslate/manifest/v1',
    electionId: ID,
    title: 'Bench election',
    contests: [
      { id: 'c1', title: 'Committee', seats: 3, rules: 'ers97', mode: 'secret', constraints: [], candidates },
    ],
    issuerKeys: issuerKeySet(ID, [issuer.record]),
    electionKey,
    roll: { size: ballots, root: toBase64(rootOf(rollLeaves)) },
  };
  const entries: LogEntry[] = [];
  const log = (type: string, body: Record<string, unknown>) => entries.push({ type, election: ID, body });
  log('election.created', { title: manifest.title, by: 'officer' });
  log('voting.manifest', { manifest });
  log('election.state', { from: 'draft', to: 'voting', by: 'officer' });
  let cast = 0;
  for (let i = 0; i < ballots; i++) {
    const keyPair = value(generateBallotKeyPair(randomBytes(32), node));
    const { request, state } = value(requestCredential(issuer.record, keyPair.publicKey));
    log('credential.issued', { request: { memberId: String(i + 1), issuerKeyId: issuer.record.keyId } });
    const credential = value(
      finalizeCredential(state, value(issueBlindSignature(issuer, request.blindedMessage)), node),
    );
    const votes = i % 10 === 0 ? 2 : 1;
    for (let counter = 0; counter < votes; counter++) {
      const ranking = [...candidates.keys()].sort(() => Math.random() - 0.5).slice(0, 1 + (i % 10));
      const choices = { c1: { ranking: ranking.map((k) => `k${k}`) } };
      const ballot = value(
        createBallot(
          { electionId: ID, electionPublicKey: electionKey.publicKey, keyPair, credential, counter, choices },
          node,
        ),
      );
      log('ballot.cast', { ballot: ballot as unknown as Record<string, unknown> });
      cast++;
    }
  }
  log('election.state', {
    from: 'voting',
    to: 'closed',
    by: 'officer',
    ballots: cast,
    sealedSize: entries.length + 1,
  });
  const sealedSize = entries.length;
  for (const share of [shares[0]!, shares[2]!]) log('trustee.revealed', { reveal: revealShare(share) });

  // The count, as the API's count route does it.
  const seed = toBase64(rootOf(entries.slice(0, sealedSize).map((e) => leafHash(encodeEntry(e)))));
  const parsed = parseEntries(entries.map((e) => encodeEntry(e)));
  const logged = parsed
    .filter((e) => e.type === 'ballot.cast')
    .map((e) => ({ logIndex: e.index, ballot: e.body['ballot'] }));
  const keyring = value(createIssuerKeyring(manifest.issuerKeys));
  const outcome = verifyCastBallots(logged, {
    backend: node,
    electionId: ID,
    issuerKeys: keyring,
    electionPublicKey: electionKey.publicKey,
    checkProofs: false,
  });
  const key = value(checkElectionKey(electionKey));
  const secret = value(reconstructElectionSecret(key, [revealShare(shares[0]!), revealShare(shares[2]!)]));
  const { decrypted } = decryptCountedBallots(key, secret, outcome.counted);
  const contest = manifest.contests[0]!;
  const tally = tallyContest(
    contest,
    decrypted.map((d) => ({ value: d.contests['c1'], weight: d.weight })),
    seed,
  );
  const report = reportToJson(tally.report);
  const blt = writeBlt(tally.election);
  const sha = (s: string) => toHex(node.sha256(new TextEncoder().encode(s)));
  log('result', {
    contest: 'c1',
    elected: tally.report.elected.map((i) => contest.candidates[i]!.id),
    ballots: decrypted.length,
    invalid: tally.invalid,
    blank: tally.blank,
    seed,
    report: sha(canonicalize(report)),
    blt: sha(blt),
  });
  log('election.state', { from: 'counted', to: 'published', by: 'officer' });

  const bytes = entries.map((e) => encodeEntry(e));
  const integration = integrate({ oldSize: 0, entries: bytes, hashes: tileHashLookup(0, () => undefined) });
  const logKey = generateKey('bench.example');
  const origin = `bench.example/log/${ID}`;
  const checkpoint = signCheckpoint({ origin, size: bytes.length, root: integration.root, extensions: [] }, [
    noteSigner(logKey.signerKey),
  ]);
  return bundleFiles({
    manifest,
    log: {
      origin,
      verifierKey: logKey.verifierKey,
      witnesses: [],
      sealedSize,
      checkpoint,
      tiles: new Map(integration.files.map((f) => [f.path, f.data])),
      entries: parseEntries(bytes),
    },
    reveals: [revealShare(shares[0]!), revealShare(shares[2]!)],
    results: [
      {
        contest: 'c1',
        report,
        blt,
        stageTable: renderText(tally.report),
        explanation: renderExplanation(tally.report),
      },
    ],
    roll: { size: ballots, root: manifest.roll.root, leaves: rollLeaves.map(toBase64) },
  });
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const files = buildBundle(BALLOTS);
  const built = performance.now() - t0;
  const size = [...files.values()].reduce((n, d) => n + d.length, 0);
  const out = process.env['BENCH_BUNDLE_OUT'];
  if (out) {
    // Keep the bundle as a .tar.gz, e.g. to time `npx openslate verify <file>` on it.
    const prefixed = new Map([...files].map(([p, d]) => [`${ID}/${p}`, d] as const));
    writeFileSync(out, gzipSync(writeTar(prefixed)));
  }
  console.log(
    `bundle: ${BALLOTS} voters, ${files.size} files, ${(size / 1e6).toFixed(1)} MB, built in ${(built / 1000).toFixed(1)} s`,
  );
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let last = start;
  const report = await verifyBundle({
    read: readFromMap(files),
    backend: node,
    onLine: (line) => {
      const now = performance.now();
      console.log(
        `  ${line.check.padEnd(9)} ${(now - last).toFixed(0).padStart(7)} ms  ${line.ok ? 'ok' : 'FAIL'}`,
      );
      last = now;
    },
  });
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const ballots = report.contests[0]?.ballots ?? 0;
  console.log(
    `verify: ${report.ok ? 'ok' : `FAILED ${report.failure?.code}`}; ${wall.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} CPU-s; ` +
      `${(ballots / wall).toFixed(0)} counted ballots/s wall, ${(ballots / cpuSeconds).toFixed(0)} per CPU-s; ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`,
  );
}

void main();
