// The log entry types of docs/log-entries.md ("Types") and the body fields each must carry: an entry of another
// type, or without one of these fields, is not well formed.
const SUPPORT_FIELDS = ['proposal', 'supporter', 'members', 'affiliates'];
const ELIGIBILITY_FIELDS = ['proposal', 'threshold', 'members', 'affiliates'];

export const ENTRY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'election.created': ['title', 'by'],
  'contest.created': ['contest', 'title', 'seats', 'rules'],
  'candidate.added': ['contest', 'candidate', 'name'],
  nomination: ['contest', 'candidate', 'kind'],
  'candidate.decision': ['contest', 'candidate', 'from', 'to', 'reason'],
  'election.state': ['from', 'to'],
  'roll.imported': ['entries', 'weight'],
  'roll.added': ['position', 'weight'],
  'roll.removed': ['position', 'reason'],
  'roll.derived': ['source', 'contests', 'entries'],
  'invitations.sent': ['count'],
  'ceremony.configured': ['threshold', 'trustees'],
  'ceremony.reset': [],
  'trustee.announced': ['announcement'],
  'trustee.dealing-hash': ['hash'],
  'trustee.dealing': ['dealing'],
  'trustee.confirmed': ['trustee', 'electionKey'],
  'voting.manifest': ['manifest'],
  'member.identity': ['position', 'identityKey'],
  'credential.issued': ['request'],
  'ballot.cast': ['ballot'],
  'trustee.revealed': ['reveal'],
  result: ['contest', 'elected', 'ballots', 'invalid', 'blank', 'seed', 'report', 'blt'],
  // docs/log-entries.md "Proposals"
  'proposal.settings': ['threshold', 'supporters', 'by'],
  'proposal.drafted': ['proposal', 'title', 'text', 'amends', 'drafter'],
  'proposal.supported': SUPPORT_FIELDS,
  'proposal.withdrawn': SUPPORT_FIELDS,
  'proposal.eligible': ELIGIBILITY_FIELDS,
  'proposal.ineligible': ELIGIBILITY_FIELDS,
  'proposal.scheduled': ['proposal', 'contest', 'amends', 'position', 'by'],
  'proposal.outcome': [
    'proposal',
    'contest',
    'amendments',
    'adopted',
    'rejected',
    'text',
    'carried',
    'words',
  ],
};

/** Why the entry is not well formed, or undefined if it is. */
export function entryProblem(type: string, body: Readonly<Record<string, unknown>>): string | undefined {
  const fields = ENTRY_FIELDS[type];
  if (fields === undefined) return `unknown entry type '${type}'`;
  const missing = fields.filter((f) => body[f] === undefined);
  return missing.length ? `a ${type} entry without ${missing.join(', ')}` : undefined;
}
