// Request bodies, parsed at the edge with zod; handlers trust the parsed types.
import { z } from 'zod';

export const RULES = ['scottish', 'ers97', 'wigm', 'meek'] as const;

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

export const transitionInput = z.object({
  to: z.enum(['nominations', 'shortlist', 'voting', 'closed']),
});

export const decisionInput = z.object({
  status: z.enum(['longlisted', 'shortlisted', 'rejected', 'withdrawn']),
  reason: z.string().trim().min(3, 'give the reason for the decision').max(2000),
});

export const affiliateNominationInput = z.object({
  candidate: z.string().min(1).max(100),
  affiliate: z.string().trim().min(1).max(200),
});

export const electionParams = z.object({ election: z.string().min(1).max(100) });
export const contestParams = electionParams.extend({ contest: z.string().min(1).max(100) });
export const candidateParams = electionParams.extend({ candidate: z.string().min(1).max(100) });
