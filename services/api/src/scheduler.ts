// Scheduled opening and closing of voting: the officer's times live in elections.settings.schedule (set by
// PUT /api/officer/elections/:election/schedule); startScheduler performs the due transitions by the actor
// 'schedule', exactly as the officer's transition route does (transition.ts).
import { json, type Election, type ElectionState, type Schema } from '@openslate/db';
import type { Kysely } from 'kysely';
import type { AppContext } from './context.js';
import { electionById } from './elections.js';
import { ApiError } from './errors.js';
import { transitionElection, type TransitionTarget } from './transition.js';
import type { StateHooks } from './state-hooks.js';
import { votingHooks } from './voting/open-close.js';

/** A due transition that was refused: shown in the console until it succeeds or the schedule changes. */
export interface ScheduleError {
  /** When it was refused (ISO 8601 UTC). */
  readonly at: string;
  readonly transition: TransitionTarget;
  readonly code: string;
  readonly message: string;
}

export interface Schedule {
  /** ISO 8601 UTC (RFC 3339 §5.6), or null for none. */
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  readonly lastError?: ScheduleError;
}

/** The states from which opening, and closing, can still happen; a time for a stage already past is refused. */
const BEFORE_VOTING: readonly ElectionState[] = ['draft', 'nominations', 'shortlist'];
const BEFORE_CLOSE: readonly ElectionState[] = [...BEFORE_VOTING, 'voting'];

const refuse = (code: string, message: string, details?: unknown) =>
  new ApiError(409, code, message, details);

/** The officer's times as ISO 8601 UTC (the input may carry any offset). */
export function normaliseSchedule(input: { opensAt: string | null; closesAt: string | null }): Schedule {
  const utc = (t: string | null) => (t === null ? null : new Date(t).toISOString());
  return { opensAt: utc(input.opensAt), closesAt: utc(input.closesAt) };
}

/** Refuses a schedule whose close is not after its opening, a time in the past, or a time for a stage gone by. */
export function assertSchedulable(state: ElectionState, schedule: Schedule, now: Date): void {
  const { opensAt, closesAt } = schedule;
  if (opensAt !== null && closesAt !== null && closesAt <= opensAt)
    throw new ApiError(422, 'SCHEDULE_ORDER', 'voting must close after it opens', { opensAt, closesAt });
  for (const [field, at] of [
    ['opensAt', opensAt],
    ['closesAt', closesAt],
  ] as const) {
    if (at !== null && at <= now.toISOString())
      throw new ApiError(422, 'SCHEDULE_IN_PAST', `${field} is in the past`, { field, at });
  }
  if (opensAt !== null && !BEFORE_VOTING.includes(state))
    throw refuse('SCHEDULE_STAGE_PAST', `voting has already opened (the election is ${state})`, { state });
  if (closesAt !== null && !BEFORE_CLOSE.includes(state))
    throw refuse('SCHEDULE_STAGE_PAST', `voting has already closed (the election is ${state})`, { state });
}

/** The schedule stored in an election's settings, or null. */
export function scheduleOf(settings: Record<string, unknown>): Schedule | null {
  return (settings['schedule'] as Schedule | undefined) ?? null;
}

/** The transition due at `now` for an election in `state`, or null. */
export function dueTransition(
  state: ElectionState,
  schedule: Schedule | null,
  now: Date,
): TransitionTarget | null {
  if (schedule === null) return null;
  const due = (at: string | null) => at !== null && new Date(at) <= now;
  if (due(schedule.opensAt) && BEFORE_VOTING.includes(state)) return 'voting';
  if (due(schedule.closesAt) && state === 'voting') return 'closed';
  return null;
}

/** Writes (or clears) settings.schedule.lastError, reading the row FOR UPDATE so no other change is lost. */
async function setLastError(db: Kysely<Schema>, electionId: string, error: ScheduleError | null) {
  await db.transaction().execute(async (trx) => {
    const election = await electionById(trx, electionId, { forUpdate: true });
    const schedule = scheduleOf(election.settings);
    if (schedule === null) return;
    const { lastError: _previous, ...rest } = schedule;
    const next: Schedule = error === null ? rest : { ...rest, lastError: error };
    await trx
      .updateTable('elections')
      .set({ settings: json({ ...election.settings, schedule: next }) })
      .where('id', '=', electionId)
      .execute();
  });
}

export interface SchedulerOptions {
  /** How often to look for due transitions; a refused one is retried at most this often. */
  readonly intervalMs: number;
  /** The clock (tests inject one). */
  readonly now?: () => Date;
  /** The life-cycle hooks (default: the voting hooks, as the app's). */
  readonly hooks?: StateHooks;
}

export interface Scheduler {
  /** One pass over the elections with a schedule (what each interval runs). */
  tick(): Promise<void>;
  /** Stops the timer and waits for a pass under way. */
  stop(): Promise<void>;
}

/**
 * Performs due scheduled transitions every `intervalMs`. Safe with several API processes: each transition takes
 * the election row FOR UPDATE and re-checks that it is still due, so only one process performs it.
 */
export function startScheduler(ctx: AppContext, options: SchedulerOptions): Scheduler {
  const { db } = ctx.database;
  const now = options.now ?? (() => new Date());
  const hooks = options.hooks ?? votingHooks(ctx);

  const perform = async (electionId: string, to: TransitionTarget) => {
    const stillDue = async (election: Election) =>
      dueTransition(election.state, scheduleOf(election.settings), now()) === to ? election : null;
    try {
      const done = await transitionElection(db, hooks, electionId, to, 'schedule', async (trx) =>
        stillDue(await electionById(trx, electionId, { forUpdate: true })),
      );
      if (done !== null) {
        ctx.logger.info({ election: electionId, to }, 'scheduled transition');
        await setLastError(db, electionId, null);
      }
    } catch (err) {
      // Not a refusal (e.g. the database is unreachable): logged, and tried again on the next pass.
      if (!(err instanceof ApiError)) {
        ctx.logger.error({ err, election: electionId, to }, 'scheduled transition failed');
        return;
      }
      ctx.logger.warn({ election: electionId, to, code: err.code }, 'scheduled transition refused');
      const at = now().toISOString();
      await setLastError(db, electionId, { at, transition: to, code: err.code, message: err.message });
    }
  };

  const tick = async () => {
    const rows = await db
      .selectFrom('elections')
      .select(['id', 'state', 'settings'])
      .where('state', 'in', BEFORE_CLOSE)
      .execute();
    for (const row of rows) {
      const to = dueTransition(row.state, scheduleOf(row.settings), now());
      if (to !== null) await perform(row.id, to);
    }
  };

  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    running = tick()
      .catch((err: unknown) => ctx.logger.error({ err }, 'scheduler pass failed; retrying next interval'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, options.intervalMs);
      });
  };
  timer = setTimeout(loop, options.intervalMs);
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
