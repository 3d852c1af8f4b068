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

export interface ManifestContest {
  readonly id: string;
  readonly title: string;
  readonly seats: number;
  readonly rules: string;
  readonly mode: 'secret' | 'recorded';
  readonly constraints: readonly Constraint[];
  /** The ballot's candidates, in ballot order (the BLT numbering). */
  readonly candidates: readonly {
    readonly id: string;
    readonly name: string;
    readonly attributes: Readonly<Record<string, string>>;
  }[];
}
