// Casting a ballot: the busiest route of an election. It is anonymous — no session and no cookie are read, and
// nothing about the client is logged — so app.ts mounts it ahead of the session reader and the other routers.
import { castInput, electionParams } from '@openslate/client';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { isUniqueViolation } from '../elections.js';
import { ApiError, isDatabaseUnavailable } from '../errors.js';
import { castBatchWriter, type VerifiedCast } from './cast-batch.js';
import { GroupCommit } from './group-commit.js';
import { loadManifest } from './manifest.js';
import { inProcessVerifier } from './verify-cast.js';

// The most ballots one cast transaction writes (7 bind parameters per ballot row: 1,792, far below 65,535).
const CAST_BATCH = 256;

export function castRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx.database;
  const verifier = ctx.castVerifier ?? inProcessVerifier;
  const writeCasts = castBatchWriter(db);
  const casts = new GroupCommit<string, VerifiedCast, number>(
    (electionId, batch) => {
      ctx.metrics.castBatchSize.observe(batch.length);
      return writeCasts(electionId, batch);
    },
    {
      maxBatch: CAST_BATCH,
      maxWaitMs: 0,
      retryAlone: (err) => !isDatabaseUnavailable(err),
    },
  );

  router.post('/api/elections/:election/ballots', async (req, res) => {
    const { election: electionId } = electionParams.parse(req.params);
    const { ballot } = castInput.parse(req.body);
    const { manifest } = await loadManifest(db, electionId);
    const checked = await verifier.verify(
      {
        electionId,
        issuerKeys: manifest.issuerKeys,
        electionPublicKey: manifest.electionKey.publicKey,
      },
      ballot,
    );
    if (!checked.ok) throw new ApiError(400, checked.code, checked.message);
    const { cast, tracker } = checked;
    let logIndex: number;
    try {
      // Answered only once the batch holding this ballot has committed (group commit, cast-batch.ts).
      logIndex = await casts.submit(electionId, cast);
    } catch (err) {
      if (isUniqueViolation(err))
        throw new ApiError(
          409,
          'STALE_COUNTER',
          'a ballot with this counter was already cast with this credential',
        );
      throw err;
    }
    ctx.metrics.ballotsCast.inc();
    res.status(201).json({
      hash: cast.hash,
      tracker,
      logIndex,
      proof: `/log/${electionId}/proof/inclusion?index=${logIndex}`,
    });
  });
  return router;
}
