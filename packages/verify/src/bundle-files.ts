// Lays out the files of an election bundle (docs/bundle-format.md) from what the operator publishes. Pure: the
// API's writer gathers the inputs and writes the returned files (and their tar.gz).
import type { ShareReveal } from '@openslate/ballot';
import { BUNDLE_FORMAT, paths, type BundleManifest } from './bundle-format.js';
import type { VotingManifest } from './manifest.js';
import { resultsPage } from './results-page.js';
import { rollChanges } from './roll-changes.js';
import type { ParsedEntry } from './log-entries.js';

export interface BundleInput {
  readonly manifest: VotingManifest;
  readonly log: Omit<BundleManifest['log'], 'size'> & {
    /** The signed checkpoint covering every entry, with any cosignature lines. */
    readonly checkpoint: string;
    /** The tlog-tiles files for the checkpoint's size, by path relative to the log (`tile/0/000`). */
    readonly tiles: ReadonlyMap<string, Uint8Array>;
    readonly entries: readonly ParsedEntry[];
  };
  readonly reveals: readonly ShareReveal[];
  readonly results: readonly {
    readonly contest: string;
    /** The report JSON as stored. */
    readonly report: Readonly<Record<string, unknown>>;
    /** Null for a question contest (no BLT file). */
    readonly blt: string | null;
    readonly stageTable: string;
    readonly explanation: string;
    /** An STV contest's quorum report (results/<contest>.quorum.json); absent or null without a quorum. */
    readonly quorum?: unknown;
  }[];
  readonly roll: { readonly size: number; readonly root: string; readonly leaves: readonly string[] };
}

const encoder = new TextEncoder();
const jsonFile = (value: unknown): Uint8Array => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);

/** Every file of the bundle by its path inside the bundle, in a stable order. */
export function bundleFiles(input: BundleInput): Map<string, Uint8Array> {
  const { manifest, log } = input;
  const bundleManifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    election: manifest.electionId,
    title: manifest.title,
    contests: manifest.contests,
    issuerKeys: manifest.issuerKeys,
    electionKey: manifest.electionKey,
    log: {
      origin: log.origin,
      verifierKey: log.verifierKey,
      witnesses: log.witnesses,
      size: log.entries.length,
      sealedSize: log.sealedSize,
    },
    roll: manifest.roll,
  };
  const files = new Map<string, Uint8Array>();
  files.set(paths.manifest, jsonFile(bundleManifest));
  files.set(paths.checkpoint, encoder.encode(log.checkpoint));
  for (const [path, data] of [...log.tiles].sort(([a], [b]) => a.localeCompare(b)))
    files.set(paths.log(path), data);
  for (const reveal of [...input.reveals].sort((a, b) => a.trustee - b.trustee))
    files.set(paths.reveal(reveal.trustee), jsonFile(reveal));
  const page = [];
  for (const contest of manifest.contests) {
    const result = input.results.find((r) => r.contest === contest.id);
    if (!result) continue;
    const { report, blt, stageTable, explanation } = result;
    const quorum = result.quorum ?? null;
    files.set(paths.report(contest.id), jsonFile(report));
    if (blt !== null) files.set(paths.blt(contest.id), encoder.encode(blt));
    files.set(paths.text(contest.id), encoder.encode(stageTable));
    files.set(paths.explain(contest.id), encoder.encode(explanation));
    if (quorum !== null) files.set(paths.quorum(contest.id), jsonFile(quorum));
    const elected = Array.isArray(report['elected']) ? report['elected'].map(String) : [];
    page.push({ contest, elected, stageTable, explanation, report, ...(quorum !== null && { quorum }) });
  }
  files.set(paths.page, encoder.encode(resultsPage(manifest.title, page)));
  files.set(paths.rollCommitment, jsonFile(input.roll));
  files.set(paths.rollChanges, jsonFile(rollChanges(log.entries)));
  return files;
}
