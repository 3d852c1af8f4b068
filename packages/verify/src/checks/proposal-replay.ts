// The proposals' life before voting replayed from the log (docs/log-entries.md "Proposals"): the rules in force
// (`proposal.settings`, else the documented default), each draft, each support and withdrawal with the counts that
// must follow from the ones before, an eligibility entry exactly at each threshold crossing, and scheduling only of
// proposals eligible at that moment, each right after its motion's `contest.created`, amendments before their
// proposal. Pure: the entries in, the proposals' states out.
import { canonicalize, type JsonValue } from '@openslate/canonical-json';
import { check, type VerifyErrorCode } from '../errors.js';
import type { ParsedEntry } from '../log-entries.js';

export interface Threshold {
  readonly members?: number;
  readonly affiliates?: number;
}

/** docs/log-entries.md "Proposals": without the officer's settings, 10 members or 1 affiliate. */
export const DEFAULT_THRESHOLD: Threshold = { members: 10, affiliates: 1 };

export interface ReplayedProposal {
  readonly id: string;
  readonly amends: string | null;
  members: number;
  affiliates: number;
  eligible: boolean;
  /** Affiliates' names supporting now (only public supporters are named). */
  readonly named: Set<string>;
  scheduled?: { readonly contest: string; readonly index: number };
}

/** Either threshold met (an unset one never is). */
export const meetsThreshold = (t: Threshold, s: { members: number; affiliates: number }): boolean =>
  (t.members !== undefined && s.members >= t.members) ||
  (t.affiliates !== undefined && s.affiliates >= t.affiliates);

const canon = (v: unknown): string => canonicalize((v ?? null) as JsonValue);
const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function need(e: ParsedEntry, ok: boolean, code: VerifyErrorCode, what: () => string): asserts ok {
  check(ok, code, () => `log entry ${e.index} (${e.type}): ${what()}`);
}

class Replay {
  threshold: Threshold = DEFAULT_THRESHOLD;
  readonly proposals = new Map<string, ReplayedProposal>();
  /** The eligibility entry the previous support entry made due. */
  private due: { proposal: string; type: string } | undefined;

  constructor(
    private readonly entries: readonly ParsedEntry[],
    private readonly openIndex: number,
  ) {}

  run(): void {
    for (const e of this.entries) {
      const due = this.due;
      this.due = undefined;
      if (due !== undefined)
        need(
          e,
          e.type === due.type && e.body['proposal'] === due.proposal,
          'PROPOSAL_ELIGIBILITY_MISMATCH',
          () => {
            return `the support entry before it makes proposal ${due.proposal} cross its threshold: ${due.type} was due here`;
          },
        );
      if (!e.type.startsWith('proposal.') || e.type === 'proposal.outcome') continue;
      need(e, e.index < this.openIndex, 'PROPOSAL_ILLEGAL', () => `after voting opened (${this.openIndex})`);
      if (e.type === 'proposal.settings') this.settings(e);
      else if (e.type === 'proposal.drafted') this.drafted(e);
      else if (e.type === 'proposal.supported' || e.type === 'proposal.withdrawn') this.support(e);
      else if (e.type === 'proposal.eligible' || e.type === 'proposal.ineligible') this.crossing(e, due);
      else if (e.type === 'proposal.scheduled') this.scheduled(e);
    }
    const due = this.due;
    check(
      due === undefined,
      'PROPOSAL_ELIGIBILITY_MISMATCH',
      () => `the log ends before ${due?.type} of ${due?.proposal}`,
    );
    for (const p of this.proposals.values()) {
      const amended = p.amends === null ? undefined : this.proposals.get(p.amends);
      check(
        p.scheduled === undefined || amended === undefined || amended.scheduled !== undefined,
        'PROPOSAL_ILLEGAL',
        () => {
          return `amendment ${p.id} is scheduled but the proposal it amends, ${p.amends}, is not`;
        },
      );
    }
  }

  private proposal(e: ParsedEntry): ReplayedProposal {
    const p = this.proposals.get(String(e.body['proposal']));
    need(
      e,
      p !== undefined,
      'PROPOSAL_ILLEGAL',
      () => `proposal ${String(e.body['proposal'])} was never drafted`,
    );
    return p;
  }

  private settings(e: ParsedEntry): void {
    need(
      e,
      this.proposals.size === 0,
      'PROPOSAL_ILLEGAL',
      () => 'the rules changed after a proposal was drafted',
    );
    const t = record(e.body['threshold']);
    const count = (v: unknown) => v === undefined || (Number.isSafeInteger(v) && (v as number) > 0);
    need(e, count(t['members']) && count(t['affiliates']), 'PROPOSAL_ILLEGAL', () => {
      return `threshold ${canon(t)} is not a positive whole number of members or affiliates`;
    });
    this.threshold = t as Threshold;
  }

  private drafted(e: ParsedEntry): void {
    const id = String(e.body['proposal']);
    const amends = e.body['amends'] as string | null;
    need(e, !this.proposals.has(id), 'PROPOSAL_ILLEGAL', () => `proposal ${id} drafted twice`);
    if (amends !== null) {
      const amended = this.proposals.get(amends);
      need(e, amended?.amends === null && amended.scheduled === undefined, 'PROPOSAL_ILLEGAL', () => {
        return `it amends ${amends}, which is not an unscheduled proposal drafted before it`;
      });
    }
    this.proposals.set(id, { id, amends, members: 0, affiliates: 0, eligible: false, named: new Set() });
  }

  private support(e: ParsedEntry): void {
    const p = this.proposal(e);
    need(
      e,
      p.scheduled === undefined,
      'PROPOSAL_ILLEGAL',
      () => `support changed after ${p.id} was scheduled`,
    );
    const supporter = record(e.body['supporter']);
    const kind = supporter['kind'];
    need(
      e,
      kind === 'member' || kind === 'affiliate',
      'PROPOSAL_ILLEGAL',
      () => `a supporter of kind ${canon(kind)}`,
    );
    const adds = e.type === 'proposal.supported';
    // An affiliate's name is its supporter key (members' roll names need not be unique, so are not compared).
    const name = kind === 'affiliate' ? supporter['affiliate'] : undefined;
    if (typeof name === 'string') {
      need(e, p.named.has(name) !== adds, 'PROPOSAL_DOUBLE_SUPPORT', () => {
        return adds
          ? `${name} already supports ${p.id}`
          : `${name} withdraws support it did not give to ${p.id}`;
      });
      if (adds) p.named.add(name);
      else p.named.delete(name);
    }
    const field = kind === 'member' ? 'members' : 'affiliates';
    p[field] += adds ? 1 : -1;
    need(
      e,
      p[field] >= 0 && e.body['members'] === p.members && e.body['affiliates'] === p.affiliates,
      'PROPOSAL_COUNT_MISMATCH',
      () =>
        `proposal ${p.id} says ${canon(e.body['members'])} members and ${canon(e.body['affiliates'])} affiliates; the entries before give ${p.members} and ${p.affiliates}`,
    );
    if (meetsThreshold(this.threshold, p) !== p.eligible)
      this.due = { proposal: p.id, type: p.eligible ? 'proposal.ineligible' : 'proposal.eligible' };
  }

  private crossing(e: ParsedEntry, due: { proposal: string; type: string } | undefined): void {
    const p = this.proposal(e);
    need(e, due !== undefined, 'PROPOSAL_ELIGIBILITY_MISMATCH', () => {
      return `proposal ${p.id} did not cross its threshold ${canon(this.threshold)} with ${p.members} members and ${p.affiliates} affiliates`;
    });
    need(
      e,
      canon(e.body['threshold']) === canon(this.threshold) &&
        e.body['members'] === p.members &&
        e.body['affiliates'] === p.affiliates,
      'PROPOSAL_ELIGIBILITY_MISMATCH',
      () =>
        `it says threshold ${canon(e.body['threshold'])} with ${canon(e.body['members'])} members and ${canon(e.body['affiliates'])} affiliates; the rules in force are ${canon(this.threshold)}, the counts ${p.members} and ${p.affiliates}`,
    );
    p.eligible = e.type === 'proposal.eligible';
  }

  private scheduled(e: ParsedEntry): void {
    const p = this.proposal(e);
    need(e, p.eligible && p.scheduled === undefined, 'PROPOSAL_NOT_ELIGIBLE', () => {
      return `proposal ${p.id} is ${p.scheduled ? 'already scheduled' : 'not eligible'} at this point`;
    });
    need(e, e.body['amends'] === p.amends, 'PROPOSAL_ILLEGAL', () => {
      return `it says ${p.id} amends ${canon(e.body['amends'])}, its draft ${canon(p.amends)}`;
    });
    const contest = String(e.body['contest']);
    const created = this.entries[e.index - 1];
    need(
      e,
      created?.type === 'contest.created' && created.body['contest'] === contest,
      'PROPOSAL_NOT_IN_MANIFEST',
      () => {
        return `motion ${contest} is not created by the entry before it`;
      },
    );
    const amended = p.amends === null ? undefined : this.proposals.get(p.amends);
    need(e, amended?.scheduled === undefined, 'PROPOSAL_ILLEGAL', () => {
      return `amendment ${p.id} scheduled after the proposal it amends`;
    });
    for (const a of this.proposals.values())
      need(e, a.amends !== p.id || !a.eligible || a.scheduled !== undefined, 'PROPOSAL_ILLEGAL', () => {
        return `proposal ${p.id} scheduled before its eligible amendment ${a.id}`;
      });
    p.scheduled = { contest, index: e.index };
  }
}

/** Replays every proposal entry before the opening; throws a VerifyError naming the first that does not follow. */
export function replayProposals(
  entries: readonly ParsedEntry[],
  openIndex: number,
): { readonly threshold: Threshold; readonly proposals: ReadonlyMap<string, ReplayedProposal> } {
  const replay = new Replay(entries, openIndex);
  replay.run();
  return { threshold: replay.threshold, proposals: replay.proposals };
}
