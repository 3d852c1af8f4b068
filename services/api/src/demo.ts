import { initLog, json, type Database } from '@openslate/db';
import { recordAudit } from './audit.js';
import { hashPassword } from './auth/password.js';

export const DEMO_ELECTION_ID = 'demo-nec-slate';

const DEMO_TITLE =
  'DEMO ELECTION — Example Left Network: NEC slate and youth representative (not a real vote)';

/** The demo officer's sign-in: printed at start-up, for the demo organisation only. */
export const DEMO_OFFICER = {
  email: 'officer@demo.openslate.invalid',
  password: 'demo-officer-password',
} as const;

// Fictional candidates for a demonstration only.
const NEC_CANDIDATES: Array<[string, string]> = [
  ['Aisha BELLO', 'woman'],
  ['Brendan CALLAGHAN', 'man'],
  ['Carys DAVIES', 'woman'],
  ['Dev PATEL', 'man'],
  ['Eilidh MACLEOD', 'woman'],
  ['Femi ADEYEMI', 'man'],
  ['Grace O’NEILL', 'woman'],
  ['Harvey SMITH', 'man'],
  ['Imogen WRIGHT', 'woman'],
  ['Jordan REID', 'non-binary'],
  ['Kamala SINGH', 'woman'],
  ['Liam MURPHY', 'man'],
];
const YOUTH_CANDIDATES = ['Maya CHEN', 'Niall BYRNE', 'Olu OKAFOR'];

const DEMO_CONTESTS = [
  {
    id: 'demo-nec',
    title: 'National Executive Committee: CLP section (9 seats, at least 5 women)',
    seats: 9,
    constraints: [{ attribute: 'gender', value: 'woman', min: 5 }],
    candidates: NEC_CANDIDATES.map(([name, gender]) => ({ name, attributes: { gender } })),
  },
  {
    id: 'demo-youth',
    title: 'Youth representative (1 seat)',
    seats: 1,
    constraints: [],
    candidates: YOUTH_CANDIDATES.map((name) => ({ name, attributes: {} })),
  },
];

/**
 * Creates the clearly labelled demo organisation, officer and election on first start; does nothing if they
 * exist. Returns the demo officer's sign-in, so it can be printed.
 */
export async function seedDemo(database: Database): Promise<typeof DEMO_OFFICER> {
  const existing = await database.db
    .selectFrom('elections')
    .select('id')
    .where('id', '=', DEMO_ELECTION_ID)
    .executeTakeFirst();
  if (existing) return DEMO_OFFICER;
  const passwordHash = await hashPassword(DEMO_OFFICER.password);
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisations')
      .values({ id: 'demo-org', name: 'Example Left Network (demo)' })
      .execute();
    await trx
      .insertInto('users')
      .values({
        id: 'demo-officer',
        organisation_id: 'demo-org',
        email: DEMO_OFFICER.email,
        name: 'Demo Returning Officer',
        role: 'admin',
        password_hash: passwordHash,
      })
      .execute();
    await trx
      .insertInto('elections')
      .values({
        id: DEMO_ELECTION_ID,
        organisation_id: 'demo-org',
        title: DEMO_TITLE,
        state: 'draft',
        is_demo: true,
        updated_at: new Date(),
      })
      .execute();
    await initLog(trx, DEMO_ELECTION_ID);
    await recordAudit(trx, DEMO_ELECTION_ID, 'election.created', { title: DEMO_TITLE, by: 'demo-officer' });
    for (const [i, c] of DEMO_CONTESTS.entries()) {
      await trx
        .insertInto('contests')
        .values({
          id: c.id,
          election_id: DEMO_ELECTION_ID,
          position: i + 1,
          title: c.title,
          seats: c.seats,
          rules: 'ers97',
          mode: 'secret',
          constraints: json(c.constraints),
        })
        .execute();
      await recordAudit(trx, DEMO_ELECTION_ID, 'contest.created', {
        contest: c.id,
        title: c.title,
        seats: c.seats,
        rules: 'ers97',
        mode: 'secret',
        constraints: c.constraints,
        nominationThreshold: {},
      });
      for (const [j, k] of c.candidates.entries()) {
        const id = `${c.id}-${j + 1}`;
        const reason = 'entered by the returning officer';
        await trx
          .insertInto('candidates')
          .values({
            id,
            contest_id: c.id,
            position: j + 1,
            name: k.name,
            statement: `Demo statement for ${k.name}.`,
            attributes: json(k.attributes),
            status: 'shortlisted',
            status_reason: reason,
          })
          .execute();
        await recordAudit(trx, DEMO_ELECTION_ID, 'candidate.added', {
          contest: c.id,
          candidate: id,
          name: k.name,
          attributes: k.attributes,
          status: 'shortlisted',
          reason,
        });
      }
    }
  });
  return DEMO_OFFICER;
}
