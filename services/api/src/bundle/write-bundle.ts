// Writes the published election bundle (docs/bundle-format.md) under `<publication root>/bundles/<election>/`
// and its `<election>.tar.gz` beside it. The layout is packages/verify's bundleFiles; this module gathers the
// inputs (database, publication directory) and does the I/O.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ShareReveal } from '@openslate/ballot';
import { cosignatureVerifier, tilePath, tilesForSize } from '@openslate/log';
import { logOrigin } from '@openslate/publisher';
import { bundleFiles, parseEntries, readEntryBytes, writeTar } from '@openslate/verify';
import type { AppContext } from '../context.js';
import { commitRoll } from '../roll-commitment.js';
import { rollLeaves } from '../roll-leaves.js';
import { loadManifest } from '../voting/manifest.js';
import { finalCheckpoint } from './final-checkpoint.js';

export interface WrittenBundle {
  /** The bundle folder. */
  readonly dir: string;
  /** The `.tar.gz` beside it. */
  readonly archive: string;
  /** Log entries covered by the bundle's checkpoint. */
  readonly size: number;
  readonly files: number;
}

/** The verifier keys of the witnesses that cosigned the checkpoint of `size`, and their signature lines. */
async function cosignaturesOf(
  ctx: AppContext,
  electionId: string,
  size: number,
  settings: Record<string, unknown>,
) {
  const rows = await ctx.database.db
    .selectFrom('cosignatures')
    .select(['witness', 'signature_line'])
    .where('election_id', '=', electionId)
    .where('size', '=', size)
    .orderBy('witness')
    .execute();
  const keys = (settings['witnesses'] as string[] | undefined) ?? [];
  const witnesses = rows.flatMap((r) => keys.filter((k) => cosignatureVerifier(k).name === r.witness));
  return { witnesses, lines: rows.map((r) => r.signature_line) };
}

/** Writes the files through a temporary folder and a rename, so readers never see half a bundle. */
function writeFolder(dir: string, files: ReadonlyMap<string, Uint8Array>): void {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const [relative, data] of files) {
    const file = path.join(tmp, ...relative.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}

export async function writeElectionBundle(ctx: AppContext, electionId: string): Promise<WrittenBundle> {
  const { db } = ctx.database;
  const { size, checkpoint } = await finalCheckpoint(ctx, electionId);
  const election = await db
    .selectFrom('elections')
    .select(['settings'])
    .where('id', '=', electionId)
    .executeTakeFirstOrThrow();
  const settings = election.settings as Record<string, unknown>;
  const { manifest } = await loadManifest(db, electionId);

  const tiles = new Map<string, Uint8Array>();
  for (const tile of tilesForSize(size)) {
    const p = tilePath(tile);
    const data = ctx.publication.read(electionId, p);
    if (!data) throw new Error(`published log of ${electionId} lacks ${p}`);
    tiles.set(p, data);
  }
  const entries = parseEntries(await readEntryBytes(async (p) => tiles.get(p), size));
  const reveals = entries
    .filter((e) => e.type === 'trustee.revealed')
    .map((e) => e.body['reveal'] as ShareReveal);
  const results = await db
    .selectFrom('results')
    .select(['contest_id', 'report', 'blt', 'stage_table', 'explanation', 'quorum'])
    .where('election_id', '=', electionId)
    .execute();
  const roll = commitRoll(await rollLeaves(db, electionId));
  const cosigned = await cosignaturesOf(ctx, electionId, size, settings);

  const files = bundleFiles({
    manifest,
    log: {
      origin: logOrigin(ctx.identity, electionId),
      verifierKey: ctx.identity.verifierKey,
      witnesses: cosigned.witnesses,
      sealedSize: settings['sealedSize'] as number,
      checkpoint: checkpoint + cosigned.lines.map((l) => `${l}\n`).join(''),
      tiles,
      entries,
    },
    reveals,
    results: results.map((r) => ({
      contest: r.contest_id,
      report: r.report as Record<string, unknown>,
      blt: r.blt,
      stageTable: r.stage_table,
      explanation: r.explanation,
      quorum: r.quorum,
    })),
    roll: { size: roll.size, root: roll.root, leaves: roll.leaves },
  });

  const bundles = path.join(ctx.publication.root, 'bundles');
  const dir = path.join(bundles, electionId);
  writeFolder(dir, files);
  // The archive holds the same files under a top folder named after the election.
  const archive = path.join(bundles, `${electionId}.tar.gz`);
  const prefixed = new Map([...files].map(([p, d]) => [`${electionId}/${p}`, d] as const));
  const tmp = `${archive}.tmp-${process.pid}`;
  writeFileSync(tmp, gzipSync(writeTar(prefixed), { level: 9 }));
  renameSync(tmp, archive);
  return { dir, archive, size, files: files.size };
}
