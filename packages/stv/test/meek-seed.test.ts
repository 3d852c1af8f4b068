import { candidateId, count, type Election } from '../src/index.js';

// Two candidates for one seat, perfectly tied: only a lot can decide.
const tied: Election = {
  title: 'tie',
  seats: 1,
  candidates: [0, 1].map((i) => ({ id: candidateId(i), name: `C${i}`, attributes: {} })),
  withdrawn: [],
  ballots: [
    { weight: 3n, preferences: [[candidateId(0)]] },
    { weight: 3n, preferences: [[candidateId(1)]] },
  ],
};

test('without a seed, Meek draws its lot from the ballots like every other rule, and records it', () => {
  const meek = count(tied, { rule: 'meek' });
  const wigm = count(tied, { rule: 'wigm' });
  expect(meek.seed).toMatch(/^ballots-sha256:[0-9a-f]{64}$/);
  expect(meek.seed).toBe(wigm.seed);
  expect(meek.elected).toHaveLength(1);
  // Reproducible: the same ballots draw the same lot.
  expect(count(tied, { rule: 'meek' }).elected).toEqual(meek.elected);
  // A published seed replaces it.
  expect(count(tied, { rule: 'meek', seed: 'meeting 2026-11-21' }).seed).toBe('meeting 2026-11-21');
});
