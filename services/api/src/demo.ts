import { initLog, json, type Database } from '@openslate/db';
import { recordAudit } from './audit.js';

export const DEMO_ELECTION_ID = 'demo-nec-slate';

const DEMO_TITLE =
  'DEMO ELECTION — Example Left Network: NEC slate and youth representative (not a real vote)';

// Fictional candidates for a demonstration only.
const NEC_CANDIDATES: Array<[string, 'woman' | 'man' | 'non-binary']> = [
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

/**
 * Creates the clearly labelled demo election on first start (embedded database only); does nothing if it exists.
 * Returns true when it was created.
 */
export async function seedDemoElection(database: Database): Promise<boolean> {
  const existing = await database.db
    .selectFrom('elections')
    .select('id')
    .where('id', '=', DEMO_ELECTION_ID)
    .executeTakeFirst();
  if (existing) return false;
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisations')
      .values({ id: 'demo-org', name: 'Example Left Network (demo)' })
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
    await recordAudit(trx, DEMO_ELECTION_ID, 'election.created', { title: DEMO_TITLE, demo: true });
    const contests = [
      {
        id: 'demo-nec',
        title: 'National Executive Committee: CLP section (9 seats, at least 5 women)',
        seats: 9,
        rules: 'ers97',
        constraints: [{ attribute: 'gender', value: 'woman', min: 5 }],
        candidates: NEC_CANDIDATES,
      },
      {
        id: 'demo-youth',
        title: 'Youth representative (1 seat)',
        seats: 1,
        rules: 'ers97',
        constraints: [],
        candidates: YOUTH_CANDIDATES.map((n) => [n, undefined] as const),
      },
    ];
    for (const [i, c] of contests.entries()) {
      await trx
        .insertInto('contests')
        .values({
          id: c.id,
          election_id: DEMO_ELECTION_ID,
          position: i + 1,
          title: c.title,
          seats: c.seats,
          rules: c.rules,
          mode: 'secret',
          constraints: json(c.constraints),
        })
        .execute();
      await recordAudit(trx, DEMO_ELECTION_ID, 'contest.created', {
        contest: c.id,
        title: c.title,
        seats: c.seats,
        rules: c.rules,
        constraints: c.constraints,
      });
      for (const [j, [name, gender]] of c.candidates.entries()) {
        const id = `${c.id}-${j + 1}`;
        const attributes = gender ? { gender } : {};
        await trx
          .insertInto('candidates')
          .values({
            id,
            contest_id: c.id,
            position: j + 1,
            name,
            statement: `Demo statement for ${name}.`,
            attributes: json(attributes),
            status: 'nominated',
          })
          .execute();
        await recordAudit(trx, DEMO_ELECTION_ID, 'candidate.nominated', {
          contest: c.id,
          candidate: id,
          name,
          attributes,
        });
      }
    }
  });
  return true;
}
