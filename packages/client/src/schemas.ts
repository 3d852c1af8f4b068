// Every request the API accepts, as zod schemas: the API parses with them at the edge, the OpenAPI document is
// generated from them, and the typed client's argument types are inferred from them — one definition each.
import { MAX_TRUSTEES, MIN_TRUSTEES } from '@openslate/ballot';
import { z } from 'zod';

export const RULES = ['scottish', 'ers97', 'wigm', 'meek'] as const;

/** Why an entry left or joined the roll after the import: stable codes, shown to the member with the note. */
export const ROLL_REASONS = [
  'lapsed',
  'resigned',
  'duplicate',
  'deceased',
  'ineligible',
  'data-correction',
  'appeal-upheld',
  'late-joiner',
] as const;

const id = z.string().min(1).max(100);

// Path parameters.
export const electionParams = z.object({ election: id });
export const contestParams = electionParams.extend({ contest: id });
export const candidateParams = electionParams.extend({ candidate: id });
export const memberParams = electionParams.extend({ membership: z.string().min(1).max(64) });
export const receiptParams = electionParams.extend({
  hash: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a ballot hash, base64url'),
});

// Sign-in.
export const officerLogin = z.object({
  email: z.string().email().max(320),
  password: z.string().min(1).max(1024),
  totp: z
    .string()
    .regex(/^\d{6}$/, 'a 6-digit code')
    .optional(),
});
export const codeLogin = z.object({ code: z.string().min(8).max(64) });
export const totpConfirm = z.object({ totp: z.string().regex(/^\d{6}$/, 'a 6-digit code') });

// Elections, contests, candidates.
export const constraintSchema = z
  .object({
    attribute: z.string().min(1).max(64),
    value: z.string().min(1).max(128),
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
  })
  .refine((c) => c.min !== undefined || c.max !== undefined, 'a constraint needs a min or a max')
  .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, 'min must not exceed max');

export const attributesSchema = z.record(z.string().min(1).max(64), z.string().max(128));

export const candidateInput = z.object({
  name: z.string().trim().min(1).max(200),
  statement: z.string().max(5000).default(''),
  attributes: attributesSchema.default({}),
  /** The member standing's membership number: lets the winner become a roll entry of a later election. */
  membership: z.string().trim().min(1).max(64).optional(),
});

/** What a contest asks: an STV election of `seats`, or a question counted by packages/questions. */
export const CONTEST_KINDS = ['stv', 'yes-no-abstain', 'approval', 'choose-one'] as const;
export type ContestKind = (typeof CONTEST_KINDS)[number];
/** A motion's majority and whether abstentions count in its base (docs/counting-rules.md, "Questions"). */
export const MAJORITIES = ['simple', 'two-thirds', 'of-eligible'] as const;
export const ABSTENTIONS = ['excluded', 'included'] as const;

/** Minimum turnout (weight of the ballots received for the contest): a weight, or a share of the roll's weight. */
export const quorumInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weight'), weight: z.number().int().min(1).max(1_000_000_000) }),
  z
    .object({
      kind: z.literal('fraction-of-eligible'),
      numerator: z.number().int().min(1).max(1_000_000),
      denominator: z.number().int().min(1).max(1_000_000),
    })
    .refine(
      (q) => q.numerator <= q.denominator,
      'a quorum fraction must be at most 1 (numerator ≤ denominator)',
    ),
]);

/** The settings each kind may carry; anything else given for that kind is refused by name. */
const KIND_FIELDS: Readonly<Record<ContestKind, readonly string[]>> = {
  stv: ['seats', 'rules', 'constraints'],
  'yes-no-abstain': ['majority', 'abstentions', 'text'],
  approval: ['winners', 'text'],
  'choose-one': ['requireMajority', 'abstentions', 'text'],
};
const SETTINGS = ['seats', 'rules', 'majority', 'abstentions', 'winners', 'requireMajority', 'text'] as const;

interface ContestShape {
  kind: ContestKind;
  seats?: number | undefined;
  majority?: string | undefined;
  abstentions?: string | undefined;
  requireMajority?: boolean | undefined;
  winners?: number | undefined;
  constraints: readonly { min?: number | undefined }[];
  candidates: readonly unknown[];
  [setting: string]: unknown;
}

/** Why a contest's settings do not fit its kind, as zod issues naming the field. */
function checkContestKind(c: ContestShape, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const allowed = KIND_FIELDS[c.kind];
  for (const field of SETTINGS)
    if (c[field] !== undefined && !allowed.includes(field))
      issue(field, `${field} does not apply to a ${c.kind} contest`);
  if (c.kind !== 'stv' && c.constraints.length > 0)
    issue('constraints', `constraints apply only to STV contests, not to a ${c.kind} contest`);
  if (c.kind === 'stv' && c.seats === undefined) issue('seats', 'an STV contest needs seats');
  if (c.kind === 'stv' && c.constraints.some((k) => (k.min ?? 0) > (c.seats ?? 0)))
    issue('constraints', 'a minimum cannot exceed the seats');
  if (c.kind === 'yes-no-abstain' && c.majority === undefined)
    issue('majority', 'a yes/no/abstain motion needs a majority: simple, two-thirds or of-eligible');
  if (c.kind === 'yes-no-abstain' && c.candidates.length > 0)
    issue('candidates', 'a yes/no/abstain motion has no candidates: its answers are yes, no and abstain');
  if (c.kind === 'yes-no-abstain' && c.majority === 'of-eligible' && c.abstentions !== undefined)
    issue('abstentions', 'a majority of the eligible roll ignores abstentions: leave them unset');
  if (c.kind === 'choose-one' && c.abstentions !== undefined && c.requireMajority !== true)
    issue('abstentions', 'abstentions matter only with requireMajority: true');
  if (
    c.kind === 'approval' &&
    c.winners !== undefined &&
    c.candidates.length > 0 &&
    c.winners > c.candidates.length
  )
    issue('winners', `${c.winners} winners wanted but only ${c.candidates.length} options given`);
}

/**
 * A contest: `kind` (default `stv`) and that kind's settings. STV: `seats`, `rules`, `constraints`. A motion
 * (`yes-no-abstain`): `majority`, `abstentions`, optional `text`; its answers are yes/no/abstain, so no candidates.
 * `approval` (optional `winners`) and `choose-one` (optional `requireMajority`, `abstentions`): the candidates are
 * the options. Every kind may have a `quorum`.
 */
export const contestInput = z
  .object({
    title: z.string().trim().min(1).max(300),
    kind: z.enum(CONTEST_KINDS).default('stv'),
    /** A motion's or question's full text, shown on the ballot under the title. */
    text: z.string().max(20_000).optional(),
    seats: z.number().int().min(1).max(100).optional(),
    rules: z.enum(RULES).optional(),
    majority: z.enum(MAJORITIES).optional(),
    abstentions: z.enum(ABSTENTIONS).optional(),
    winners: z.number().int().min(1).max(200).optional(),
    requireMajority: z.boolean().optional(),
    quorum: quorumInput.optional(),
    mode: z.enum(['secret', 'recorded']).default('secret'),
    constraints: z.array(constraintSchema).max(10).default([]),
    nominationThreshold: z
      .object({ members: z.number().int().min(1).optional(), affiliates: z.number().int().min(1).optional() })
      .default({}),
    candidates: z.array(candidateInput).max(200).default([]),
  })
  .superRefine(checkContestKind);

export const electionInput = z.object({
  title: z.string().trim().min(1).max(300),
  contests: z.array(contestInput).max(50).default([]),
});

export const transitionInput = z.object({ to: z.enum(['nominations', 'shortlist', 'voting', 'closed']) });

// Scheduled opening and closing: ISO 8601 date-times with an offset (RFC 3339 §5.6), null for none.
const scheduleTime = z.iso.datetime({ offset: true }).nullable();
export const scheduleInput = z.object({ opensAt: scheduleTime, closesAt: scheduleTime });

export const decisionInput = z.object({
  status: z.enum(['longlisted', 'shortlisted', 'rejected', 'withdrawn']),
  reason: z.string().trim().min(3, 'give the reason for the decision').max(2000),
});

export const affiliateNominationInput = z.object({
  candidate: id,
  affiliate: z.string().trim().min(1).max(200),
});

export const memberNomination = z.union([
  z.object({ candidate: id }),
  z.object({
    contest: id,
    name: z.string().trim().min(1).max(200),
    statement: z.string().max(5000).default(''),
  }),
]);

// The roll.
export const rollCsvBody = z.object({ csv: z.string().max(20_000_000) });
export const rollAddInput = z.object({
  membershipNumber: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().email().max(320),
  weight: z.number().int().min(1).max(1_000_000).default(1),
  attributes: attributesSchema.default({}),
  reason: z.enum(ROLL_REASONS),
  note: z.string().max(1000).default(''),
});
// A roll derived from an earlier election's winners (delegate bodies, issue #9): the source election, and the
// contests whose winners join the roll, each with the weight (votes) every one of its winners gets.
export const rollDeriveInput = z.object({
  source: id,
  contests: z
    .array(z.object({ contest: id, weight: z.number().int().min(1).max(1_000_000).default(1) }))
    .min(1)
    .max(100)
    .refine((cs) => new Set(cs.map((c) => c.contest)).size === cs.length, 'each contest at most once'),
});
export const rollRemoveInput = z.object({
  reason: z.enum(ROLL_REASONS),
  note: z.string().max(1000).default(''),
});
export const invitationsInput = z.object({
  hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(72),
  membershipNumber: z.string().optional(),
});

// The key ceremony.
export const trusteesInput = z
  .object({
    threshold: z.number().int().min(2),
    trustees: z
      .array(z.object({ name: z.string().trim().min(1).max(200) }))
      .min(MIN_TRUSTEES)
      .max(MAX_TRUSTEES),
  })
  .refine((b) => b.threshold <= b.trustees.length, 'the threshold cannot exceed the number of trustees');
/** A ceremony step's body: one packages/ballot object under its name, checked by packages/ballot itself. */
export const ceremonyStepBody = z.record(z.string(), z.unknown());

// Voting.
export const identityInput = z.object({
  identityKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'an Ed25519 public key, base64url'),
});
export const credentialInput = z.object({
  request: z.record(z.string(), z.unknown()),
  blindedMessage: z.string().min(1).max(2000),
});
export const castInput = z.object({ ballot: z.record(z.string(), z.unknown()) });

// The published log.
const treeSize = z.coerce
  .number()
  .int()
  .min(0)
  .max(2 ** 40);
export const inclusionQuery = z.object({ index: treeSize, size: treeSize.optional() });
export const consistencyQuery = z
  .object({ from: treeSize, to: treeSize })
  .refine((q) => q.from <= q.to, 'from must not exceed to');
export const cosignatureInput = z.object({
  checkpoint: z.string().min(1).max(10_000),
  cosignature: z.string().min(1).max(2_000),
});
export const witnessInput = z.object({ verifierKey: z.string().min(10).max(500) });

// Proposals (motions) within an election (issue #9; docs/log-entries.md "Proposals").
export const proposalParams = electionParams.extend({ proposal: id });
/** Who must support a proposal before it is eligible (either suffices), and whether supporters are named. */
export const proposalSettingsInput = z
  .object({
    threshold: z.object({
      members: z.number().int().min(1).max(1_000_000).optional(),
      affiliates: z.number().int().min(1).max(10_000).optional(),
    }),
    supporters: z.enum(['public', 'counted']),
  })
  .refine(
    (s) => s.threshold.members !== undefined || s.threshold.affiliates !== undefined,
    'a threshold needs members, affiliates or both',
  );
/** A member's draft: a proposal, or with `amends` an amendment of one. */
export const proposalInput = z.object({
  title: z.string().trim().min(1).max(300),
  text: z.string().trim().min(1).max(20_000),
  amends: id.optional(),
});
/** An officer drafts on behalf of an affiliate. */
export const affiliateProposalInput = proposalInput.extend({ affiliate: z.string().trim().min(1).max(200) });
/** An officer records an affiliate's support, or its withdrawal. */
export const affiliateSupportInput = z.object({ affiliate: z.string().trim().min(1).max(200) });
/** How the scheduled motion (and each of its amendments) is decided. */
export const scheduleProposalInput = z
  .object({
    majority: z.enum(MAJORITIES),
    abstentions: z.enum(ABSTENTIONS).optional(),
    quorum: quorumInput.optional(),
  })
  .refine(
    (s) => s.majority !== 'of-eligible' || s.abstentions === undefined,
    'a majority of the eligible roll ignores abstentions: leave them unset',
  );
