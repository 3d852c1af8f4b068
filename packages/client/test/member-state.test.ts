// A member's device survives being saved and restored (the web ballot keeps it in localStorage): the restored
// device has the same ballot key, so the credential blind-signed for the original still verifies for it, and it
// carries on from the saved counter. Damaged state is refused rather than silently replaced by new keys.
import {
  createIssuerKeyring,
  finalizeCredential,
  issuerKeySet,
  pureBackend,
  requestCredential,
  toBase64url,
  verifyCredential,
} from '@openslate/ballot';
import { generateIssuerKey, issueBlindSignature } from '@openslate/ballot/node';
import { MemberDevice, OpenslateClient, unwrap, type MemberState } from '../src/index.js';

const api = new OpenslateClient({ baseUrl: 'http://api.test' });
const issuer = unwrap(generateIssuerKey('e1', 1, ['board']));
const keyring = unwrap(createIssuerKeyring(issuerKeySet('e1', [issuer.record])));

function votedDevice(): MemberDevice {
  const device = new MemberDevice(api, 'e1');
  const { request, state } = unwrap(requestCredential(issuer.record, device.keyPair.publicKey));
  device.credential = unwrap(
    finalizeCredential(state, unwrap(issueBlindSignature(issuer, request.blindedMessage))),
  );
  device.counter = 2;
  return device;
}

test('exported state, through JSON text, restores a device with the same keys, credential and counter', () => {
  const original = votedDevice();
  const saved = JSON.stringify(original.exportState());
  const restored = MemberDevice.restore(api, JSON.parse(saved) as MemberState);
  expect(restored.electionId).toBe('e1');
  expect(toBase64url(restored.keyPair.publicKey)).toBe(toBase64url(original.keyPair.publicKey));
  expect(restored.counter).toBe(2);
  expect(restored.exportState()).toEqual(original.exportState());
  const checked = verifyCredential(
    pureBackend,
    keyring,
    toBase64url(restored.keyPair.publicKey),
    restored.credential,
  );
  expect(checked.ok).toBe(true);
});

test('a fresh device has different keys, so its state is not interchangeable', () => {
  const a = new MemberDevice(api, 'e1').exportState();
  const b = new MemberDevice(api, 'e1').exportState();
  expect(a.ballotSeed).not.toBe(b.ballotSeed);
  expect(a.identitySeed).not.toBe(b.identitySeed);
  expect(a.credential).toBeNull();
  expect(a.counter).toBe(0);
});

test('damaged state is refused', () => {
  const good = votedDevice().exportState();
  expect(() => MemberDevice.restore(api, { ...good, ballotSeed: good.ballotSeed.slice(0, 20) })).toThrow(
    /ballot seed/,
  );
  expect(() => MemberDevice.restore(api, { ...good, identitySeed: '!!' })).toThrow(/identity seed/);
  expect(() => MemberDevice.restore(api, { ...good, counter: -1 })).toThrow(/counter/);
});
