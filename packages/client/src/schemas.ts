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
});

export const contestInput = z
  .object({
    title: z.string().trim().min(1).max(300),
    seats: z.number().int().min(1).max(100),
    rules: z.enum(RULES).default('ers97'),
    mode: z.enum(['secret', 'recorded']).default('secret'),
    constraints: z.array(constraintSchema).max(10).default([]),
    nominationThreshold: z
      .object({ members: z.number().int().min(1).optional(), affiliates: z.number().int().min(1).optional() })
      .default({}),
    candidates: z.array(candidateInput).max(200).default([]),
  })
  .refine((c) => c.constraints.every((k) => (k.min ?? 0) <= c.seats), 'a minimum cannot exceed the seats');

export const electionInput = z.object({
  title: z.string().trim().min(1).max(300),
  contests: z.array(contestInput).max(50).default([]),
});

export const transitionInput = z.object({ to: z.enum(['nominations', 'shortlist', 'voting', 'closed']) });

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
