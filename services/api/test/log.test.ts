// The published log through the API: tiles and checkpoint, receipts (inclusion proofs), consistency proofs,
// witnesses' cosignatures. Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
import {
  cosignatureVerifier,
  cosignCheckpoint,
  cosigner,
  fromBase64,
  generateKey,
  leafHash,
  noteVerifier,
  openCheckpoint,
  openNote,
  parseNote,
  SIG_COSIGNATURE_V1,
  verifyConsistency,
  verifyInclusion,
  verifyPublishedLog,
} from '@openslate/log';
import { publishPending } from '@openslate/publisher';
import request from 'supertest';
import { bearer, officerToken, startTestApi, type TestApi } from './support.js';

let api: TestApi;
let token: string;
let electionId: string;
beforeAll(async () => {
  api = await startTestApi();
  token = (await officerToken(api)).token;
  const res = await request(api.app)
    .post('/api/officer/elections')
    .set(bearer(token))
    .send({
      title: 'Log test',
      contests: [{ title: 'C', seats: 1, candidates: [{ name: 'A' }, { name: 'B' }] }],
    })
    .expect(201);
  electionId = res.body.id;
});
afterAll(async () => {
  await api.close();
});

const publish = () =>
  publishPending({ database: api.database, dir: api.ctx.publication, identity: api.ctx.identity });
const fetchFile = async (path: string) => {
  const res = await request(api.app)
    .get(`/log/${electionId}/${path}`)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  return res.status === 200 ? new Uint8Array(res.body as Buffer) : undefined;
};

test('every election publishes its log origin and the verifier key of its checkpoints', async () => {
  const election = (await request(api.app).get(`/api/elections/${electionId}`).expect(200)).body;
  expect(election.log).toEqual({
    origin: `openslate.test/log/${electionId}`,
    verifierKey: api.ctx.identity.verifierKey,
    url: `/log/${electionId}/`,
  });
});

test('before publication the checkpoint is a clear 404', async () => {
  const res = await request(api.app).get('/log/nope/checkpoint').expect(404);
  expect(res.body.error.code).toBe('NOT_PUBLISHED');
});

test('the log served over HTTP verifies end to end, and receipts prove inclusion', async () => {
  await publish();
  const checkpoint = (await request(api.app).get(`/log/${electionId}/checkpoint`).expect(200)).text;
  const result = await verifyPublishedLog({
    checkpoint,
    verifierKey: api.ctx.identity.verifierKey,
    fetch: fetchFile,
    origin: `openslate.test/log/${electionId}`,
  });
  expect(result.ok).toBe(true);
  const size = result.ok ? result.size : 0;
  expect(size).toBe(4); // election, contest, two candidates

  const entries = await api.database.db
    .selectFrom('log_entries')
    .select(['idx', 'entry'])
    .where('election_id', '=', electionId)
    .orderBy('idx')
    .execute();
  for (const e of entries) {
    const receipt = await request(api.app)
      .get(`/log/${electionId}/proof/inclusion`)
      .query({ index: e.idx })
      .expect(200);
    const root = openCheckpoint(receipt.body.checkpoint, [noteVerifier(api.ctx.identity.verifierKey)])
      .checkpoint.root;
    expect(() =>
      verifyInclusion(leafHash(e.entry), e.idx, receipt.body.size, receipt.body.proof.map(fromBase64), root),
    ).not.toThrow();
  }
  const beyond = await request(api.app)
    .get(`/log/${electionId}/proof/inclusion`)
    .query({ index: 99 })
    .expect(400);
  expect(beyond.body.error.code).toBe('INDEX_BEYOND_SIZE');
  const garbage = await request(api.app)
    .get(`/log/${electionId}/proof/inclusion`)
    .query({ index: 'x' })
    .expect(400);
  expect(garbage.body.error.code).toBe('VALIDATION_FAILED');
});

test('consistency proofs link an old checkpoint to a new one', async () => {
  await publish();
  const old = openCheckpoint((await request(api.app).get(`/log/${electionId}/checkpoint`)).text, [
    noteVerifier(api.ctx.identity.verifierKey),
  ]).checkpoint;
  await request(api.app)
    .post(`/api/officer/elections/${electionId}/contests`)
    .set(bearer(token))
    .send({ title: 'D', seats: 1 })
    .expect(201);
  await publish();
  const now = openCheckpoint((await request(api.app).get(`/log/${electionId}/checkpoint`)).text, [
    noteVerifier(api.ctx.identity.verifierKey),
  ]).checkpoint;
  expect(now.size).toBe(old.size + 1);
  const res = await request(api.app)
    .get(`/log/${electionId}/proof/consistency`)
    .query({ from: old.size, to: now.size })
    .expect(200);
  expect(() =>
    verifyConsistency(old.size, now.size, res.body.proof.map(fromBase64), old.root, now.root),
  ).not.toThrow();
  await request(api.app)
    .get(`/log/${electionId}/proof/consistency`)
    .query({ from: 1, to: now.size + 5 })
    .expect(400);
});

test('a registered witness cosigns the checkpoint; the API publishes it; strangers are refused', async () => {
  await publish();
  const witness = generateKey('witness.slate-a.test', SIG_COSIGNATURE_V1);
  const checkpoint = (await request(api.app).get(`/log/${electionId}/checkpoint`)).text;
  const line = cosignCheckpoint(
    parseNote(checkpoint).text,
    cosigner(witness.signerKey, () => 1_800_000_000n),
  );

  // Not registered yet: refused.
  const early = await request(api.app)
    .post(`/log/${electionId}/cosignatures`)
    .send({ checkpoint, cosignature: line })
    .expect(400);
  expect(early.body.error.code).toBe('LOG_UNKNOWN_KEY');
  await request(api.app)
    .post(`/api/officer/elections/${electionId}/witnesses`)
    .set(bearer(token))
    .send({ verifierKey: witness.verifierKey })
    .expect(201);
  await request(api.app)
    .post(`/log/${electionId}/cosignatures`)
    .send({ checkpoint, cosignature: line })
    .expect(201);

  const published = (await request(api.app).get(`/log/${electionId}/checkpoint`)).text;
  const opened = openNote(published, [
    noteVerifier(api.ctx.identity.verifierKey),
    cosignatureVerifier(witness.verifierKey),
  ]);
  expect(opened.verified.map((s) => s.name).sort()).toEqual(['openslate.test', 'witness.slate-a.test']);

  // The bare checkpoint text (as `openslate witness` posts it) is accepted too.
  const witness2 = generateKey('witness.slate-b.test', SIG_COSIGNATURE_V1);
  await request(api.app)
    .post(`/api/officer/elections/${electionId}/witnesses`)
    .set(bearer(token))
    .send({ verifierKey: witness2.verifierKey })
    .expect(201);
  const text = parseNote(checkpoint).text;
  const line2 = cosignCheckpoint(
    text,
    cosigner(witness2.signerKey, () => 1_800_000_001n),
  ).trimEnd();
  await request(api.app)
    .post(`/log/${electionId}/cosignatures`)
    .send({ checkpoint: text, cosignature: line2 })
    .expect(201);

  // A checkpoint this log never published is refused; so is a line that does not verify over the text.
  const forged = text.replace(/\n\d+\n/, '\n999\n');
  const res = await request(api.app)
    .post(`/log/${electionId}/cosignatures`)
    .send({ checkpoint: forged, cosignature: line });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('UNKNOWN_CHECKPOINT');
  const bad = await request(api.app)
    .post(`/log/${electionId}/cosignatures`)
    .send({ checkpoint: text, cosignature: line2.replace(/.{6}$/, 'AAAAAA') });
  expect(bad.status).toBe(400);
  expect(bad.body.error.code).toBe('LOG_BAD_SIGNATURE');
});
