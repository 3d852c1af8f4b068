// A contest's kind and settings between the officer's input (packages/client contestInput), the contests table
// (migration 0003) and the voting manifest (packages/verify ManifestContest): STV or a question counted by
// packages/questions (docs/counting-rules.md, "Questions and proposals").
import type { contestInput } from '@openslate/client';
import type { Contest } from '@openslate/db';
import type { ManifestContest, ManifestQuorum, QuestionSettings } from '@openslate/verify';
import type { z } from 'zod';
import { ApiError } from './errors.js';

type ContestInput = z.infer<typeof contestInput>;

/** The insert values a contest's kind decides; a question's seats are its winners (approval) or 1, its rules its kind. */
export function kindValues(c: ContestInput) {
  const question: QuestionSettings = {
    ...(c.majority !== undefined && { majority: c.majority }),
    ...(c.abstentions !== undefined && { abstentions: c.abstentions }),
    ...(c.winners !== undefined && { winners: c.winners }),
    ...(c.requireMajority !== undefined && { requireMajority: c.requireMajority }),
    ...(c.text !== undefined && { text: c.text }),
  };
  const stv = c.kind === 'stv';
  return {
    kind: c.kind,
    seats: stv ? c.seats! : (c.winners ?? 1),
    rules: stv ? (c.rules ?? 'ers97') : c.kind,
    question,
    quorum: c.quorum ?? null,
  };
}

/** A motion's answers are yes, no and abstain: it takes no candidates (nominated or entered). */
export function assertTakesCandidates(contest: Pick<Contest, 'kind' | 'id'>): void {
  if (contest.kind === 'yes-no-abstain')
    throw new ApiError(409, 'MOTION_HAS_NO_CANDIDATES', 'a yes/no/abstain motion has no candidates', {
      contest: contest.id,
    });
}

/** The same columns as stored, for the `contest.created` entry and the public election: STV's as before. */
export function kindFields(row: { kind: Contest['kind']; question: object; quorum: unknown }): {
  kind?: ManifestContest['kind'];
  question?: QuestionSettings;
  quorum?: ManifestQuorum;
} {
  return {
    ...(row.kind !== 'stv' && { kind: row.kind, question: row.question as QuestionSettings }),
    ...(row.quorum !== null && { quorum: row.quorum as ManifestQuorum }),
  };
}
