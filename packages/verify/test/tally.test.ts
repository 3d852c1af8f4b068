import { candidateId } from '@openslate/stv';
import { tallyContest, toPreferences, type ManifestContest } from '../src/index.js';

const contest: ManifestContest = {
  id: 'c1',
  title: 'Committee',
  seats: 1,
  rules: 'ers97',
  mode: 'secret',
  constraints: [],
  candidates: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), attributes: {} })),
};
const index = new Map(contest.candidates.map((c, i) => [c.id, candidateId(i)] as const));

test('a ranking becomes preferences; equal rankings stay grouped', () => {
  expect(toPreferences({ ranking: ['b', ['a', 'c']] }, index)).toEqual([[1], [0, 2]]);
});

test.each([
  ['an unknown candidate', { ranking: ['z'] }],
  ['a candidate twice', { ranking: ['a', 'a'] }],
  ['an empty group', { ranking: [[]] }],
  ['not an array', { ranking: 'a' }],
  ['no ranking', null],
])('%s is invalid, not a crash', (_, value) => {
  expect(toPreferences(value, index)).toBeNull();
});

test('tallyContest counts weights, sorts out blank and invalid choices, and groups identical rankings', () => {
  const tally = tallyContest(
    contest,
    [
      { value: { ranking: ['a'] }, weight: 2 },
      { value: { ranking: ['a'] }, weight: 1 },
      { value: { ranking: ['b', 'a'] }, weight: 1 },
      { value: { ranking: [] }, weight: 1 },
      { value: undefined, weight: 1 },
      { value: { ranking: ['nobody'] }, weight: 1 },
    ],
    'c2VlZA==',
  );
  expect(tally.blank).toBe(2);
  expect(tally.invalid).toBe(1);
  expect(tally.election.ballots).toHaveLength(2);
  expect(tally.election.ballots.map((b) => b.weight)).toEqual([3n, 1n]);
  expect(tally.report.elected).toEqual([0]);
});
