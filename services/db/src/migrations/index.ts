import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-elections.js';
import * as m0003 from './0003-question-contests.js';
import * as m0004 from './0004-proposals.js';
import * as m0005 from './0005-delegate-rolls.js';
import * as m0006 from './0006-ballot-body-in-log.js';

/** Every migration, in order. Names sort in the order they must run; never rename or edit a shipped one. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-elections': m0002,
  '0003-question-contests': m0003,
  '0004-proposals': m0004,
  '0005-delegate-rolls': m0005,
  '0006-ballot-body-in-log': m0006,
};
