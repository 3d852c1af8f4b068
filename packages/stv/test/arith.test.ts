import fc from 'fast-check';
import { Fixed, Rational, divRound, formatUnits, type RoundingMode } from '../src/index.js';

describe('divRound', () => {
  const cases: [bigint, bigint, RoundingMode, bigint][] = [
    [7n, 2n, 'down', 3n],
    [-7n, 2n, 'down', -3n],
    [7n, 2n, 'up', 4n],
    [-7n, 2n, 'floor', -4n],
    [-7n, 2n, 'ceiling', -3n],
    [5n, 2n, 'half-even', 2n],
    [7n, 2n, 'half-even', 4n],
    [5n, 2n, 'half-up', 3n],
    [4n, 3n, 'half-up', 1n],
    [5n, 3n, 'half-up', 2n],
  ];
  test.each(cases)('%p / %p (%s) = %p', (n, d, mode, q) => expect(divRound(n, d, mode)).toBe(q));

  test('down and floor bracket the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const q = divRound(n, d, 'floor');
        expect(q * d <= n && n < (q + 1n) * d).toBe(true);
        expect(divRound(n, d, 'ceiling') - q).toBe(n % d === 0n ? 0n : 1n);
      }),
    );
  });
});

describe('Fixed', () => {
  test('SSI 2007/42 rule 48(3): transfer value 353 × 1 / 2152 to 5 places, remainder ignored', () => {
    const one = Fixed.fromInteger(1, 5);
    const tv = one.mulDiv(Fixed.fromInteger(353, 5), Fixed.fromInteger(2152, 5), 'down');
    expect(tv.toString()).toBe('0.16403'); // 0.164033...
    expect(tv.times(7n).toString()).toBe('1.14821');
  });

  test('parse and print round-trip, including negatives', () => {
    expect(Fixed.parse('-353', 5).toString()).toBe('-353.00000');
    expect(Fixed.parse('0.00744', 5).units).toBe(744n);
    expect(Fixed.parse('1.23456', 4, 'down').toString()).toBe('1.2345');
    expect(() => Fixed.parse('1.23456', 4)).toThrow('more than 4 decimal places');
    expect(() => Fixed.parse('1e5', 4)).toThrow('not a decimal');
    fc.assert(
      fc.property(fc.bigInt(), fc.integer({ min: 0, max: 12 }), (units, places) => {
        expect(Fixed.parse(formatUnits(units, places), places).units).toBe(units);
      }),
    );
  });

  test('mul and div truncate at the precision (PRF WIGM D.4)', () => {
    const a = Fixed.parse('1.9999', 4);
    const b = Fixed.parse('0.3333', 4);
    expect(a.mul(b, 'down').toString()).toBe('0.6665'); // 0.66656667
    expect(a.div(Fixed.fromInteger(3, 4), 'down').toString()).toBe('0.6666');
    expect(a.div(Fixed.fromInteger(3, 4), 'up').toString()).toBe('0.6667');
    expect(() => a.add(Fixed.zero(5))).toThrow('precision mismatch');
  });

  test('rescale and compare', () => {
    const x = Fixed.parse('2.71828', 5);
    expect(x.rescale(2, 'down').toString()).toBe('2.71');
    expect(x.rescale(2, 'half-up').toString()).toBe('2.72');
    expect(x.rescale(7, 'down').toString()).toBe('2.7182800');
    expect(x.cmp(Fixed.parse('2.71829', 5))).toBe(-1);
  });
});

describe('Rational', () => {
  test('reduces and prints at a precision', () => {
    const third = new Rational(1n, 3n);
    expect(third.add(third).add(third).toString()).toBe('1');
    expect(new Rational(2n, -4n).toString()).toBe('-1/2');
    expect(third.toFixedString(4, 'down')).toBe('0.3333');
    expect(new Rational(2n, 3n).toFixedString(4, 'half-up')).toBe('0.6667');
    expect(third.mul(new Rational(3n)).div(new Rational(2n)).cmp(new Rational(1n, 2n))).toBe(0);
  });
});
