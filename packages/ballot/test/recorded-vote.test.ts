// Recorded (open) votes: signed by the member's identity key, checked against the registry.
import { randomBytes } from '@noble/hashes/utils.js';
import { pureBackend, signRecordedVote, toBase64url, verifyRecordedVote } from '../src/index.js';
import { node, value } from './fixtures.js';

const seed = randomBytes(32);
const identityKey = toBase64url(pureBackend.ed25519PublicKey(seed));
const registry = new Map([['m-17', identityKey]]);
const ctx = (backend = node) => ({
  backend,
  electionId: 'e1',
  expectedIdentityKey: (id: string) => registry.get(id),
  recordedContests: ['motion'],
});
const vote = value(
  signRecordedVote(
    { electionId: 'e1', memberId: 'm-17', memberName: 'Rosa L.', counter: 0, choices: { motion: 'yes' } },
    seed,
  ),
);
const code = (v: unknown, c = ctx()) => {
  const r = verifyRecordedVote(v, c);
  return r.ok ? 'ok' : r.error.code;
};

test('a recorded vote verifies on both back-ends', () => {
  expect(code(vote, ctx(pureBackend))).toBe('ok');
  expect(code(vote)).toBe('ok');
});

test('named failures', () => {
  expect(code({ ...vote, choices: { motion: 'no' } })).toBe('BAD_MEMBER_SIGNATURE');
  expect(code({ ...vote, memberId: 'm-18' })).toBe('BAD_MEMBER_SIGNATURE');
  expect(code({ ...vote, choices: { board: 'x' } })).toBe('CONTEST_NOT_ALLOWED');
  expect(code({ ...vote, electionId: 'e2' })).toBe('WRONG_ELECTION');
  expect(code({ ...vote, type: 'x' })).toBe('MALFORMED_INPUT');
});
