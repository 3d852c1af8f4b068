// The two back-ends against each other on random inputs: RSA-PSS verification and SHA-256.
import fc from 'fast-check';
import { blind, finalize, prepareMessage, pureBackend, toBase64url } from '../src/index.js';
import { fromBase64url, toHex } from '../src/encoding.js';
import { generateIssuerKey, issueBlindSignature } from '../src/node.js';
import { node, value } from './fixtures.js';

const issuer = value(generateIssuerKey('e1', 1, ['board']));

test('property: RSA-PSS verdicts agree on finished blind signatures and on any single-bit change', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 32, maxLength: 32 }),
      fc.uint8Array({ maxLength: 100 }),
      fc.nat(),
      (prefix, msg, bit) => {
        const prepared = prepareMessage(prefix, msg);
        const { blindedMessage, inverse } = blind(issuer.key, prepared);
        const blindSig = fromBase64url(
          value(issueBlindSignature(issuer, toBase64url(blindedMessage))),
          'sig',
        );
        const sig = finalize(issuer.key, prepared, blindSig, inverse, node.rsaPssVerify);
        const flipped = sig.slice();
        const at = bit % (sig.length * 8);
        flipped[at >> 3] = (flipped[at >> 3] ?? 0) ^ (1 << (at & 7));
        for (const s of [sig, flipped]) {
          expect(pureBackend.rsaPssVerify(issuer.key, prepared, s)).toBe(
            node.rsaPssVerify(issuer.key, prepared, s),
          );
        }
        expect(pureBackend.rsaPssVerify(issuer.key, prepared, sig)).toBe(true);
        expect(pureBackend.rsaPssVerify(issuer.key, prepared, flipped)).toBe(false);
      },
    ),
    { numRuns: 20 },
  );
});

test('property: SHA-256 agrees', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (b) =>
      expect(toHex(node.sha256(b))).toBe(toHex(pureBackend.sha256(b))),
    ),
  );
});
