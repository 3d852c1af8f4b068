// The revote rule against a direct restatement of it, on random logs.
import fc from 'fast-check';
import { resolveRevotes } from '../src/index.js';
import type { RevoteEntry } from '../src/index.js';

const logArb = fc
  .array(fc.record({ ballotKey: fc.constantFrom('k1', 'k2', 'k3', 'k4'), counter: fc.nat(4) }), {
    maxLength: 40,
  })
  .map((entries) => entries.map((e, logIndex): RevoteEntry => ({ ...e, logIndex })));

test('property: one counted ballot per key — the highest counter, earliest in the log among equals', () => {
  fc.assert(
    fc.property(logArb, (log) => {
      const { counted, superseded } = resolveRevotes(log);
      expect(counted.length + superseded.length).toBe(log.length);
      const keys = new Set(log.map((e) => e.ballotKey));
      expect(counted.map((e) => e.ballotKey).sort()).toEqual([...keys].sort());
      for (const winner of counted) {
        const same = log.filter((e) => e.ballotKey === winner.ballotKey);
        const top = Math.max(...same.map((e) => e.counter));
        expect(winner.counter).toBe(top);
        expect(winner.logIndex).toBe(
          Math.min(...same.filter((e) => e.counter === top).map((e) => e.logIndex)),
        );
      }
      expect(counted.map((e) => e.logIndex)).toEqual(
        [...counted.map((e) => e.logIndex)].sort((a, b) => a - b),
      );
    }),
  );
});

test('property: the outcome does not depend on the order entries are given in', () => {
  fc.assert(
    fc.property(logArb, fc.integer(), (log, seed) => {
      const shuffled = [...log].sort(
        (a, b) => ((a.logIndex * 7919 + seed) % 97) - ((b.logIndex * 7919 + seed) % 97),
      );
      expect(resolveRevotes(shuffled).counted).toEqual(resolveRevotes(log).counted);
    }),
  );
});
