import fc from 'fast-check';
import { canonicalize, CanonicalJsonError } from '../src/index.js';

describe('RFC 8785 examples', () => {
  test('§3.2.2 sample: whitespace removed, numbers and strings in ES6 form', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  test('§3.2.3 sorting by UTF-16 code units', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the member order from the text: Object.keys would list the integer-like key "1" first.
    const values = [...canonicalize(input).matchAll(/:"([^"]*)"/g)].map((m) => m[1]);
    expect(values).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });
});

test('refuses values that are not I-JSON', () => {
  expect(() => canonicalize({ a: NaN })).toThrow(CanonicalJsonError);
  expect(() => canonicalize({ a: 1n })).toThrow(CanonicalJsonError);
  expect(() => canonicalize('\ud800')).toThrow(CanonicalJsonError);
  expect(() => canonicalize({ a: ['x', 'ok \udc00'] })).toThrow('$.a[1]: lone surrogate in string');
  expect(() => canonicalize({ ['k\ud800']: 1 })).toThrow(CanonicalJsonError);
  expect(canonicalize({ a: '\ud83d\ude00' })).toBe('{"a":"\ud83d\ude00"}');
  expect(() => canonicalize(new Date())).toThrow(CanonicalJsonError);
});

test('canonical form is a fixed point and independent of key order', () => {
  fc.assert(
    fc.property(fc.jsonValue({ noUnicodeString: false }), (v) => {
      const c = canonicalize(v);
      expect(canonicalize(JSON.parse(c))).toBe(c);
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const reversed = Object.fromEntries(Object.entries(v).reverse());
        expect(canonicalize(reversed)).toBe(c);
      }
    }),
  );
});
