import fc from 'fast-check';
import { fromBase64url, toBase64url } from '../src/encoding.js';
test('property: base64url agrees with Buffer and round-trips; non-canonical forms refused', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 70 }), (b) => {
      const t = toBase64url(b);
      expect(t).toBe(Buffer.from(b).toString('base64url'));
      expect(Array.from(fromBase64url(t, 'x'))).toEqual(Array.from(b));
    }),
  );
  expect(() => fromBase64url('AB', 'x')).toThrow('canonical'); // 'AB' has non-zero trailing bits; 'AA' is canonical
  expect(Array.from(fromBase64url('AA', 'x'))).toEqual([0]);
  expect(() => fromBase64url('A', 'x')).toThrow();
  expect(() => fromBase64url('AA==', 'x')).toThrow();
  expect(() => fromBase64url('A+AA', 'x')).toThrow();
});
