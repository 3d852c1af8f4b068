// The published bundle of a real election (docs/bundle-format.md): its files, its archive, the verifier's
// verdict on it, and one test per kind of tampering, each caught by its own check with its own message.
// Log tampering is done as a dishonest operator would: rewriting entries and re-signing with the log's own key.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createBallot, generateBallotKeyPair, pureBackend, trackerCode } from '@openslate/ballot';
import {
  cosignCheckpoint,
  cosigner,
  encodeEntry,
  generateKey,
  integrate,
  noteSigner,
  parseEntry,
  parseNote,
  SIG_COSIGNATURE_V1,
  signCheckpoint,
  tileHashLookup,
  toHash,
  type LogEntry,
} from '@openslate/log';
import { logOrigin } from '@openslate/publisher';
import {
  parseEntries,
  readEntryBytes,
  readFromMap,
  readTar,
  verifyBundle,
  type BundleManifest,
  type VerifyReport,
} from '@openslate/verify';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { readTree, runBundledElection, type BundledElection } from './bundle-election.js';
import { startTestApi, type TestApi } from './support.js';

let api: TestApi;
let election: BundledElection;
let honest: Map<string, Uint8Array>;
beforeAll(async () => {
  api = await startTestApi();
  election = await runBundledElection(api);
  honest = readTree(election.bundleDir);
});
afterAll(async () => {
  await api?.close();
});

const text = (d: Uint8Array | undefined) => new TextDecoder().decode(d);
const bytes = (s: string) => new TextEncoder().encode(s);
const verify = (files: ReadonlyMap<string, Uint8Array>, receipt?: string): Promise<VerifyReport> =>
  verifyBundle({ read: readFromMap(files), ...(receipt === undefined ? {} : { receipt }) });
const manifestOf = (files: ReadonlyMap<string, Uint8Array>) =>
  JSON.parse(text(files.get('manifest.json'))) as BundleManifest;

async function entriesOf(files: ReadonlyMap<string, Uint8Array>): Promise<LogEntry[]> {
  const size = manifestOf(files).log.size;
  const parsed = parseEntries(await readEntryBytes(async (p) => files.get(`log/${p}`), size));
  return parsed.map(({ type, election, body }) => ({ type, election, body }));
}

/**
 * The bundle with its log replaced by `entries`, re-tiled and re-signed with the operator's own log key; the
 * close entry's counts and the manifest's sizes are fixed up so that only the deeper checks can notice.
 */
function relog(files: ReadonlyMap<string, Uint8Array>, entries: LogEntry[]): Map<string, Uint8Array> {
  const closeAt = entries.findIndex((e) => e.type === 'election.state' && e.body['to'] === 'closed');
  const ballots = entries.slice(0, closeAt).filter((e) => e.type === 'ballot.cast').length;
  const fixed = entries.map((e, i) =>
    i === closeAt ? { ...e, body: { ...e.body, ballots, sealedSize: closeAt + 1 } } : e,
  );
  const integration = integrate({
    oldSize: 0,
    entries: fixed.map((e) => encodeEntry(e)),
    hashes: tileHashLookup(0, () => undefined),
  });
  const out = new Map([...files].filter(([p]) => !p.startsWith('log/')));
  for (const f of integration.files) out.set(`log/${f.path}`, f.data);
  const checkpoint = signCheckpoint(
    {
      origin: logOrigin(api.ctx.identity, election.id),
      size: fixed.length,
      root: integration.root,
      extensions: [],
    },
    [api.ctx.identity.signer],
  );
  out.set('log/checkpoint', bytes(checkpoint));
  const manifest = manifestOf(files);
  out.set(
    'manifest.json',
    bytes(
      JSON.stringify({ ...manifest, log: { ...manifest.log, size: fixed.length, sealedSize: closeAt + 1 } }),
    ),
  );
  return out;
}

function expectFailure(report: VerifyReport, check: string, code: string, message: RegExp | string): void {
  expect(report.ok).toBe(false);
  expect(report.failure).toMatchObject({ check, code });
  expect(report.failure!.message).toMatch(message);
  expect(report.contests).toEqual([]);
}

const indexOfType = (entries: LogEntry[], type: string, nth = 0) =>
  entries.map((e, i) => (e.type === type ? i : -1)).filter((i) => i >= 0)[nth]!;

describe('the bundle written at publication', () => {
  test('holds the manifest, the whole log, the key shares, results and roll files', async () => {
    const manifest = manifestOf(honest);
    expect(manifest.format).toBe('openslate/bundle/v1');
    expect(manifest.election).toBe(election.id);
    expect(manifest.log.verifierKey).toBe(api.ctx.identity.verifierKey);
    expect(manifest.log.origin).toBe(logOrigin(api.ctx.identity, election.id));
    // The checkpoint covers every entry, the publish transition included.
    const entries = await entriesOf(honest);
    expect(entries.at(-1)).toMatchObject({ type: 'election.state', body: { to: 'published' } });
    expect(text(honest.get('log/checkpoint')).split('\n')[1]).toBe(String(entries.length));
    expect([...honest.keys()].filter((p) => p.startsWith('keys/')).sort()).toEqual([
      'keys/trustee-1.json',
      'keys/trustee-3.json',
    ]);
    for (const c of manifest.contests) {
      for (const ext of ['json', 'blt', 'txt']) expect(honest.has(`results/${c.id}.${ext}`)).toBe(true);
      const page = text(honest.get('results/index.html'));
      expect(page).toContain(c.title);
      for (const id of election.elected[c.id]!)
        expect(page).toContain(c.candidates.find((x) => x.id === id)!.name);
    }
    expect(JSON.parse(text(honest.get('roll/commitment.json')))).toMatchObject({
      size: 5,
      root: manifest.roll.root,
    });
    expect(JSON.parse(text(honest.get('roll/changes.json')))).toEqual({
      imported: 5,
      added: {},
      removed: {},
    });
  });

  test('the .tar.gz beside it holds the same files under a folder named after the election', () => {
    const files = readTar(new Uint8Array(gunzipSync(readFileSync(election.archive))));
    expect([...files.keys()].sort()).toEqual([...honest.keys()].map((p) => `${election.id}/${p}`).sort());
    for (const [p, d] of honest)
      expect(Buffer.from(files.get(`${election.id}/${p}`)!).equals(Buffer.from(d))).toBe(true);
  });
});

describe('verifying an honest bundle', () => {
  test('every check holds and the recount elects what the API elected', async () => {
    const report = await verify(honest);
    expect(report.failure).toBeUndefined();
    expect(report.checks.map((c) => [c.check, c.ok])).toEqual(
      ['manifest', 'log', 'sequence', 'roll', 'ballots', 'keys', 'recount', 'proposals'].map((c) => [
        c,
        true,
      ]),
    );
    for (const c of report.contests) expect(c.elected.map((e) => e.id)).toEqual(election.elected[c.contest]);
    expect(report.contests.every((c) => c.ballots === 5)).toBe(true);
  });

  test('witness cosignatures on the final checkpoint are checked when the manifest lists witnesses', async () => {
    const witness = generateKey('witness.example/w1', SIG_COSIGNATURE_V1);
    const signed = text(honest.get('log/checkpoint'));
    const line = cosignCheckpoint(
      parseNote(signed).text,
      cosigner(witness.signerKey, () => 1_700_000_000n),
    );
    const manifest = manifestOf(honest);
    const listed = new Map(honest).set(
      'manifest.json',
      bytes(JSON.stringify({ ...manifest, log: { ...manifest.log, witnesses: [witness.verifierKey] } })),
    );
    const cosigned = new Map(listed).set('log/checkpoint', bytes(signed + line));
    const ok = await verify(cosigned);
    expect(ok.ok).toBe(true);
    expect(ok.checks[1]!.message).toMatch(/cosigned by witness\.example\/w1$/);
    expectFailure(
      await verify(listed),
      'log',
      'COSIGNATURE_MISSING',
      /no valid cosignature by witness witness\.example\/w1/,
    );
  });

  test('a receipt of a counted ballot is found counted; a superseded one is named as superseded', async () => {
    expect((await verify(honest, election.counted)).ok).toBe(true);
    // The tracker code the voter was shown works as well as the hash.
    const tracker = trackerCode(new Uint8Array(Buffer.from(election.counted, 'base64url')));
    expect((await verify(honest, tracker)).checks.at(-1)).toMatchObject({ check: 'receipt', ok: true });
    expectFailure(
      await verify(honest, election.superseded),
      'receipt',
      'RECEIPT_NOT_COUNTED',
      /superseded by the revote/,
    );
    expectFailure(await verify(honest, 'A'.repeat(43)), 'receipt', 'RECEIPT_NOT_FOUND', /no such ballot/);
  });
});

describe('tampering is detected, each kind by its own check', () => {
  test('one byte of one ballot changed: without re-signing the root breaks; re-signed, its signature fails', async () => {
    const entries = await entriesOf(honest);
    const at = indexOfType(entries, 'ballot.cast', 2);
    const ballot = entries[at]!.body['ballot'] as Record<string, string>;
    const sig = ballot['signature']!;
    const flipped = { ...ballot, signature: sig.slice(0, 5) + (sig[5] === 'A' ? 'B' : 'A') + sig.slice(6) };
    const changed = entries.map((e, i) => (i === at ? { ...e, body: { ballot: flipped } } : e));

    const unsigned = new Map(honest);
    const bundlePath = 'log/tile/entries/000.p/' + entries.length;
    const raw = honest.get(bundlePath)!;
    const copy = new Uint8Array(raw);
    const pos = Buffer.from(raw).indexOf(Buffer.from(sig));
    copy[pos + 5] = copy[pos + 5] === 65 ? 66 : 65;
    unsigned.set(bundlePath, copy);
    expectFailure(await verify(unsigned), 'log', 'LOG_INVALID', /LOG_ROOT_MISMATCH/);

    expectFailure(
      await verify(relog(honest, changed)),
      'ballots',
      'BALLOT_INVALID',
      new RegExp(`ballot at log index ${at}: BAD_BALLOT_SIGNATURE`),
    );
  });

  test('a ballot dropped (log re-signed, close entry fixed): the logged results no longer match the recount', async () => {
    const entries = await entriesOf(honest);
    const at = indexOfType(entries, 'ballot.cast', 0);
    const report = await verify(
      relog(
        honest,
        entries.filter((_, i) => i !== at),
      ),
    );
    expectFailure(report, 'recount', 'RESULT_MISMATCH', /says ballots 5, the recount gives 4/);
  });

  test('a ballot with a forged credential inserted: its issuer signature fails', async () => {
    const entries = await entriesOf(honest);
    const at = indexOfType(entries, 'ballot.cast', 0);
    const genuine = entries[at]!.body['ballot'] as { credential: never; contests: Record<string, unknown> };
    const manifest = manifestOf(honest);
    const forged = createBallot(
      {
        electionId: election.id,
        electionPublicKey: manifest.electionKey.publicKey,
        keyPair: (generateBallotKeyPair(randomBytes(32)) as { ok: true; value: never }).value,
        credential: genuine.credential,
        counter: 0,
        choices: { [manifest.contests[1]!.id]: { ranking: [manifest.contests[1]!.candidates[1]!.id] } },
      },
      pureBackend,
    );
    if (!forged.ok) throw forged.error;
    const closeAt = entries.findIndex((e) => e.type === 'election.state' && e.body['to'] === 'closed');
    const inserted = [
      ...entries.slice(0, closeAt),
      { type: 'ballot.cast', election: election.id, body: { ballot: forged.value } },
      ...entries.slice(closeAt),
    ];
    expectFailure(
      await verify(relog(honest, inserted as LogEntry[])),
      'ballots',
      'BALLOT_INVALID',
      new RegExp(`ballot at log index ${closeAt}: BAD_ISSUER_SIGNATURE`),
    );
  });

  test('a credential used twice (a ballot copied later in the log): the revote rule is broken', async () => {
    const entries = await entriesOf(honest);
    const at = indexOfType(entries, 'ballot.cast', 0);
    const closeAt = entries.findIndex((e) => e.type === 'election.state' && e.body['to'] === 'closed');
    const copied = [...entries.slice(0, closeAt), entries[at]!, ...entries.slice(closeAt)];
    expectFailure(
      await verify(relog(honest, copied)),
      'sequence',
      'REVOTE_ORDER',
      `ballot at log index ${closeAt} reuses the credential of the ballot at log index ${at} without a higher counter`,
    );
  });

  test('two entries reordered (a ballot before the opening): the sequence is illegal', async () => {
    const entries = await entriesOf(honest);
    const open = entries.findIndex((e) => e.type === 'election.state' && e.body['to'] === 'voting');
    const ballot = indexOfType(entries, 'ballot.cast', 0);
    const swapped = entries.map((e, i) =>
      i === open ? entries[ballot]! : i === ballot ? entries[open]! : e,
    );
    expectFailure(
      await verify(relog(honest, swapped)),
      'sequence',
      'SEQUENCE_ILLEGAL',
      new RegExp(`ballot at log index ${open} is before the opening`),
    );
  });

  test('an entry of an unknown type or without its fields is not well formed', async () => {
    const entries = await entriesOf(honest);
    const at = indexOfType(entries, 'credential.issued', 1);
    const stripped = entries.map((e, i) => (i === at ? { ...e, body: {} } : e));
    expectFailure(
      await verify(relog(honest, stripped)),
      'sequence',
      'ENTRY_MALFORMED',
      `log entry ${at}: a credential.issued entry without request`,
    );
    const renamed = entries.map((e, i) => (i === at ? { ...e, type: 'credential.minted' } : e));
    expectFailure(
      await verify(relog(honest, renamed)),
      'sequence',
      'ENTRY_MALFORMED',
      `log entry ${at}: unknown entry type 'credential.minted'`,
    );
  });

  test('an edited roll leaf no longer rebuilds the published roll root', async () => {
    const roll = JSON.parse(text(honest.get('roll/commitment.json'))) as { leaves: string[] };
    roll.leaves[2] = roll.leaves[3]!;
    const edited = new Map(honest).set('roll/commitment.json', bytes(JSON.stringify(roll)));
    expectFailure(
      await verify(edited),
      'roll',
      'ROLL_MISMATCH',
      /^roll\/commitment\.json: the leaves give root /,
    );
  });

  test('the checkpoint replaced by one signed with another key', async () => {
    const cp = text(honest.get('log/checkpoint'));
    const [origin, size, root] = cp.split('\n');
    const other = generateKey(api.ctx.identity.name);
    const forged = signCheckpoint(
      {
        origin: origin!,
        size: Number(size),
        root: toHash(new Uint8Array(Buffer.from(root!, 'base64'))),
        extensions: [],
      },
      [noteSigner(other.signerKey)],
    );
    expectFailure(
      await verify(new Map(honest).set('log/checkpoint', bytes(forged))),
      'log',
      'LOG_INVALID',
      /LOG_UNKNOWN_KEY/,
    );
  });

  test('a result differing in one stage', async () => {
    const manifest = manifestOf(honest);
    const contest = manifest.contests[0]!.id;
    const report = JSON.parse(text(honest.get(`results/${contest}.json`))) as {
      stages: Record<string, unknown>[];
    };
    const last = report.stages.length - 1;
    report.stages[last] = { ...report.stages[last], note: 'edited' };
    const edited = new Map(honest).set(`results/${contest}.json`, bytes(JSON.stringify(report)));
    expectFailure(
      await verify(edited),
      'recount',
      'RESULT_MISMATCH',
      `results/${contest}.json differs from the recount at stage ${last + 1}`,
    );
  });

  test("a wrong trustee share: it does not match the trustee's commitments", async () => {
    const share = JSON.parse(text(honest.get('keys/trustee-1.json'))) as Record<string, string>;
    const other = JSON.parse(text(honest.get('keys/trustee-3.json'))) as Record<string, string>;
    const wrong = new Map(honest).set(
      'keys/trustee-1.json',
      bytes(JSON.stringify({ ...share, share: other['share'] })),
    );
    expectFailure(
      await verify(wrong),
      'keys',
      'SHARE_INVALID',
      /^keys\/trustee-1\.json: .*trustee 1: share does not match its commitments$/,
    );
  });

  test('an edited BLT file: it no longer equals the decrypted ballots', async () => {
    const contest = manifestOf(honest).contests[1]!.id;
    const lines = text(honest.get(`results/${contest}.blt`)).split('\n');
    lines[1] = lines[1]!.replace(/^\d+/, (w) => String(Number(w) + 1));
    const edited = new Map(honest).set(`results/${contest}.blt`, bytes(lines.join('\n')));
    expectFailure(
      await verify(edited),
      'recount',
      'BLT_MISMATCH',
      `results/${contest}.blt differs from the decrypted ballots at line 2`,
    );
  });

  test('any change of a non-blank byte in any file of the bundle is detected, never a crash', async () => {
    const paths = [...honest.keys()].sort();
    const blank = new Set([0x20, 0x0a, 0x09, 0x0d]);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (path, at, delta) => {
          const original = honest.get(path)!;
          const positions = [...original.keys()].filter((i) => !blank.has(original[i]!));
          const i = positions[at % positions.length]!;
          const mutated = new Uint8Array(original);
          mutated[i] = (mutated[i]! + delta) % 256;
          if (blank.has(mutated[i]!)) return; // a new blank may only reformat JSON
          const report = await verify(new Map(honest).set(path, mutated));
          expect(report.ok).toBe(false);
          expect(report.failure!.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  test('entries parse back from the re-signed log (the tamper helper itself is faithful)', async () => {
    const entries = await entriesOf(honest);
    const again = await entriesOf(relog(honest, entries));
    expect(again.map((e) => parseEntry(encodeEntry(e)))).toEqual(
      entries.map((e) => parseEntry(encodeEntry(e))),
    );
    expect((await verify(relog(honest, entries))).ok).toBe(true);
  });
});
