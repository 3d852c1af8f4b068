// Check 2: every entry is a well-formed entry of this election and the sequence is a legal election
// (docs/log-entries.md): the manifest is logged before the opening and matches the bundle's; no ballot before
// the opening or after the close; no credential before the issuer keys, none twice for a roll position, none
// beyond the roll; a ballot key's revotes carry rising counters (docs/protocol.md "Revoting"); the close entry
// names the sealed size.
import { canonicalize, type JsonValue } from '@openslate/canonical-json';
import type { BundleManifest } from '../bundle-format.js';
import { entryProblem } from '../entry-types.js';
import { check } from '../errors.js';
import type { ParsedEntry } from '../log-entries.js';
import type { VotingManifest } from '../manifest.js';

export interface ElectionSequence {
  readonly manifest: VotingManifest;
  readonly openIndex: number;
  readonly closeIndex: number;
  readonly sealedSize: number;
  /** `ballot.cast` entries (all before the close). */
  readonly ballots: readonly { readonly logIndex: number; readonly ballot: unknown }[];
  /** Credentials issued per issuer key id. */
  readonly issued: ReadonlyMap<string, number>;
  /** `trustee.revealed` reveals in log order. */
  readonly reveals: readonly unknown[];
  /** `result` entry bodies by contest id. */
  readonly results: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const stateTo = (e: ParsedEntry, to: string) => e.type === 'election.state' && e.body['to'] === to;

function findOne(
  entries: readonly ParsedEntry[],
  what: string,
  test: (e: ParsedEntry) => boolean,
): ParsedEntry {
  const found = entries.filter(test);
  check(
    found.length === 1,
    'SEQUENCE_ILLEGAL',
    () => `the log has ${found.length} ${what} entries, expected one`,
  );
  return found[0]!;
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalize(a as JsonValue) === canonicalize(b as JsonValue);
  } catch {
    return false;
  }
}

export function checkSequence(entries: readonly ParsedEntry[], bundle: BundleManifest): ElectionSequence {
  for (const e of entries) {
    check(e.election === bundle.election, 'ENTRY_MALFORMED', () => {
      return `log entry ${e.index} belongs to election '${e.election}', not '${bundle.election}'`;
    });
    const problem = entryProblem(e.type, e.body);
    check(problem === undefined, 'ENTRY_MALFORMED', () => `log entry ${e.index}: ${problem}`);
  }
  const manifestEntry = findOne(entries, 'voting.manifest', (e) => e.type === 'voting.manifest');
  const manifest = manifestEntry.body['manifest'] as VotingManifest;
  for (const field of ['contests', 'issuerKeys', 'electionKey', 'roll', 'title'] as const) {
    check(sameJson(record(manifest)[field], bundle[field]), 'MANIFEST_MISMATCH', () => {
      return `manifest.json: '${field}' differs from the voting manifest logged at index ${manifestEntry.index}`;
    });
  }
  const open = findOne(entries, 'opening (election.state to voting)', (e) => stateTo(e, 'voting'));
  const close = findOne(entries, 'close (election.state to closed)', (e) => stateTo(e, 'closed'));
  check(manifestEntry.index < open.index && open.index < close.index, 'SEQUENCE_ILLEGAL', () => {
    return `the manifest (${manifestEntry.index}), opening (${open.index}) and close (${close.index}) are out of order`;
  });
  const sealedSize = close.index + 1;
  check(
    close.body['sealedSize'] === sealedSize && bundle.log.sealedSize === sealedSize,
    'SEQUENCE_ILLEGAL',
    () => {
      return `the close at log index ${close.index} seals size ${String(close.body['sealedSize'])}, the manifest says ${bundle.log.sealedSize}, expected ${sealedSize}`;
    },
  );

  let rollSize = manifest.roll.size;
  const positions = new Map<string, number>();
  const issued = new Map<string, number>();
  const counters = new Map<string, { counter: number; index: number }>();
  const ballots: { logIndex: number; ballot: unknown }[] = [];
  const reveals: unknown[] = [];
  const results = new Map<string, Readonly<Record<string, unknown>>>();
  for (const e of entries) {
    const roll = record(e.body['roll']);
    if (e.type.startsWith('roll.') && typeof roll['size'] === 'number')
      rollSize = Math.max(rollSize, roll['size']);
    if (e.type === 'credential.issued') {
      const request = record(e.body['request']);
      const member = String(request['memberId']);
      check(e.index > manifestEntry.index && e.index < close.index, 'SEQUENCE_ILLEGAL', () => {
        return `credential issued at log index ${e.index}, outside voting (issuer keys at ${manifestEntry.index}, close at ${close.index})`;
      });
      const earlier = positions.get(member);
      check(earlier === undefined, 'SEQUENCE_ILLEGAL', () => {
        return `a second credential for roll position ${member} at log index ${e.index} (first at ${earlier})`;
      });
      positions.set(member, e.index);
      check(positions.size <= rollSize, 'OVER_ISSUED', () => {
        return `credential at log index ${e.index} is the ${positions.size}th, beyond the roll of ${rollSize}`;
      });
      const key = String(request['issuerKeyId']);
      issued.set(key, (issued.get(key) ?? 0) + 1);
    } else if (e.type === 'ballot.cast') {
      check(e.index > open.index && e.index < close.index, 'SEQUENCE_ILLEGAL', () => {
        return `ballot at log index ${e.index} is ${e.index < open.index ? 'before the opening' : 'after the close'} (voting from ${open.index} to ${close.index})`;
      });
      const ballot = record(e.body['ballot']);
      const key = String(ballot['ballotKey']);
      const counter = typeof ballot['counter'] === 'number' ? ballot['counter'] : NaN;
      const prior = counters.get(key);
      check(prior === undefined || counter > prior.counter, 'REVOTE_ORDER', () => {
        return `ballot at log index ${e.index} reuses the credential of the ballot at log index ${prior?.index} without a higher counter (${counter} after ${prior?.counter})`;
      });
      counters.set(key, { counter, index: e.index });
      ballots.push({ logIndex: e.index, ballot: e.body['ballot'] });
    } else if (e.type === 'trustee.revealed') {
      check(
        e.index > close.index,
        'SEQUENCE_ILLEGAL',
        () => `key share revealed at log index ${e.index}, before the close`,
      );
      reveals.push(e.body['reveal']);
    } else if (e.type === 'result') {
      check(
        e.index > close.index,
        'SEQUENCE_ILLEGAL',
        () => `result at log index ${e.index}, before the close`,
      );
      results.set(String(e.body['contest']), e.body);
    }
  }
  check(close.body['ballots'] === ballots.length, 'SEQUENCE_ILLEGAL', () => {
    return `the close at log index ${close.index} recorded ${String(close.body['ballots'])} ballots accepted, the log holds ${ballots.length}`;
  });
  return {
    manifest,
    openIndex: open.index,
    closeIndex: close.index,
    sealedSize,
    ballots,
    issued,
    reveals,
    results,
  };
}
