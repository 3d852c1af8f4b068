// The voting manifest as the log publishes it (entry `voting.manifest`, docs/log-entries.md): what ballots are
// cast against. Shared by the API (which writes it) and the verifier (which reads it from the log).
import type { ElectionKeyRecord, IssuerKeySet } from '@openslate/ballot';
import type { Constraint } from '@openslate/stv';

export interface VotingManifest {
  readonly type: 'openslate/manifest/v1';
  readonly electionId: string;
  readonly title: string;
  readonly contests: readonly ManifestContest[];
  readonly issuerKeys: IssuerKeySet;
  readonly electionKey: ElectionKeyRecord;
  /** The roll commitment at the opening (size and root of the salted-leaf Merkle tree). */
  readonly roll: { readonly size: number; readonly root: string };
}

/** What a contest asks (docs/log-entries.md "The voting manifest"); a manifest without `kind` means `stv`. */
export type ContestKind = 'stv' | 'yes-no-abstain' | 'approval' | 'choose-one';

/** A question's settings, as packages/questions takes them; only those its kind allows are present. */
export interface QuestionSettings {
  readonly majority?: 'simple' | 'two-thirds' | 'of-eligible';
  readonly abstentions?: 'excluded' | 'included';
  readonly winners?: number;
  readonly requireMajority?: boolean;
  /** The motion's or question's full text. */
  readonly text?: string;
  /** A scheduled proposal's motion: the proposal's id and, for an amendment, the proposal it amends. */
  readonly proposal?: { readonly id: string; readonly amends?: string };
}

/** Minimum turnout: a weight, or a fraction of the eligible roll's weight at the close. */
export type ManifestQuorum =
  | { readonly kind: 'weight'; readonly weight: number }
  | { readonly kind: 'fraction-of-eligible'; readonly numerator: number; readonly denominator: number };

export interface ManifestContest {
  readonly id: string;
  readonly title: string;
  /** Absent in manifests written before question contests: `stv`. */
  readonly kind?: ContestKind;
  /** A question's settings (absent for STV). */
  readonly question?: QuestionSettings;
  /** Absent: no quorum. */
  readonly quorum?: ManifestQuorum;
  /** STV: the seats; a question: its winners (approval) or 1. */
  readonly seats: number;
  /** STV: the rules (scottish, ers97, wigm, meek); a question: its kind. */
  readonly rules: string;
  readonly mode: 'secret' | 'recorded';
  readonly constraints: readonly Constraint[];
  /** The ballot's candidates, in ballot order (the BLT numbering); a question's options (none for a motion). */
  readonly candidates: readonly {
    readonly id: string;
    readonly name: string;
    readonly attributes: Readonly<Record<string, string>>;
  }[];
}
