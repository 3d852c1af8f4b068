// The published election bundle, format `openslate/bundle/v1` (docs/bundle-format.md): file paths and manifest.
import type { ElectionKeyRecord, IssuerKeySet } from '@openslate/ballot';
import type { ManifestContest } from './manifest.js';

export const BUNDLE_FORMAT = 'openslate/bundle/v1';

export interface BundleManifest {
  readonly format: typeof BUNDLE_FORMAT;
  readonly election: string;
  readonly title: string;
  readonly contests: readonly ManifestContest[];
  readonly issuerKeys: IssuerKeySet;
  /** The trustees' commitments and the election public key (openslate/election-key/v1). */
  readonly electionKey: ElectionKeyRecord;
  readonly log: {
    /** C2SP tlog-checkpoint origin line. */
    readonly origin: string;
    /** C2SP signed-note verifier key of the log. */
    readonly verifierKey: string;
    /** C2SP tlog-cosignature verifier keys of the witnesses whose cosignatures `log/checkpoint` carries. */
    readonly witnesses: readonly string[];
    /** Entries covered by `log/checkpoint`: the whole log, results included. */
    readonly size: number;
    /** Size of the sealed checkpoint: the close entry's index + 1. */
    readonly sealedSize: number;
  };
  /** The roll commitment at the opening. */
  readonly roll: { readonly size: number; readonly root: string };
}

export const paths = {
  manifest: 'manifest.json',
  checkpoint: 'log/checkpoint',
  log: (tile: string) => `log/${tile}`,
  reveal: (trustee: number) => `keys/trustee-${trustee}.json`,
  report: (contest: string) => `results/${contest}.json`,
  blt: (contest: string) => `results/${contest}.blt`,
  text: (contest: string) => `results/${contest}.txt`,
  explain: (contest: string) => `results/${contest}.explain`,
  /** An STV contest's quorum report (a question's is inside its report). */
  quorum: (contest: string) => `results/${contest}.quorum.json`,
  page: 'results/index.html',
  rollCommitment: 'roll/commitment.json',
  rollChanges: 'roll/changes.json',
} as const;
