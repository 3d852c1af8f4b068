// Member-signed credential requests: what the API logs before blind signing.
import { randomBytes } from '@noble/hashes/utils.js';
import {
  pureBackend,
  requestCredential,
  signIssuanceRequest,
  toBase64url,
  verifyIssuanceRequest,
} from '../src/index.js';
import { generateIssuerKey } from '../src/node.js';
import { node, value } from './fixtures.js';

const issuer = value(generateIssuerKey('e1', 1, ['board']));
const seed = randomBytes(32);
const registry = new Map([['m-1', toBase64url(pureBackend.ed25519PublicKey(seed))]]);
const { request } = value(requestCredential(issuer.record, randomBytes(32)));
const signed = value(
  signIssuanceRequest(
    {
      electionId: 'e1',
      memberId: 'm-1',
      issuerKeyId: issuer.record.keyId,
      blindedMessage: request.blindedMessage,
    },
    seed,
  ),
);
const code = (r: unknown, blindedMessage: string | undefined = request.blindedMessage, backend = node) => {
  const v = verifyIssuanceRequest(r, {
    backend,
    electionId: 'e1',
    expectedIdentityKey: (id) => registry.get(id),
    blindedMessage,
  });
  return v.ok ? 'ok' : v.error.code;
};

test('a member-signed request verifies on both back-ends and is bound to its blinded message', () => {
  expect(code(signed)).toBe('ok');
  expect(code(signed, request.blindedMessage, pureBackend)).toBe('ok');
  expect(code(signed, undefined)).toBe('ok');
  const other = value(requestCredential(issuer.record, randomBytes(32))).request.blindedMessage;
  expect(code(signed, other)).toBe('MALFORMED_INPUT');
});

test('named failures', () => {
  expect(code({ ...signed, memberId: 'm-2' })).toBe('BAD_MEMBER_SIGNATURE');
  expect(code({ ...signed, issuerKeyId: 'other' })).toBe('BAD_MEMBER_SIGNATURE');
  expect(code({ ...signed, electionId: 'e2' })).toBe('WRONG_ELECTION');
  expect(code({ ...signed, signature: 'AAAA' })).toBe('BAD_MEMBER_SIGNATURE');
});
