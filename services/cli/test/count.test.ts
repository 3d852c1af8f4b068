// `openslate count`: the CLI contract (JSON with quota, elected names in order, stages[].votes by name), every
// format, constraints with an attributes CSV, and exit code 2 with a located message on bad input.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../src/main.js';

const ROOT = resolve(__dirname, '../../..');
const GLASGOW = '/work/shared/elections/glasgow-2022';
const VEGETABLES = '/work/shared/elections/stv-rs-meek/ballots/vegetables.blt';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

interface Sheet {
  ballot_file: string;
  quota: number;
  candidates: string[];
  elected_in_order: string[];
  stages: { votes: Record<string, string> }[];
}
const ward = (name: string): { blt: string; sheet: Sheet } => {
  const sheet = JSON.parse(readFileSync(join(GLASGOW, name, 'expected.json'), 'utf8')) as Sheet;
  return { blt: join(GLASGOW, name, sheet.ballot_file), sheet };
};
/** "1035" and "1035.00000" are the same figure. */
const same = (a: string | undefined): string => {
  const [whole = '', frac = ''] = (a ?? '').split('.');
  return `${whole}.${frac.padEnd(5, '0')}`;
};

const dir = mkdtempSync(join(tmpdir(), 'openslate-count-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('openslate count (in process)', () => {
  it.each(['Ward-1-Linn', 'Ward-14-Drumchapel-Anniesland'])(
    'prints the official count of Glasgow 2022 %s as JSON',
    async (name) => {
      const { blt, sheet } = ward(name);
      const { code, out, err } = await cli(['count', blt, '--rules', 'scottish', '--format', 'json']);
      expect(err).toBe('');
      expect(code).toBe(0);
      const report = JSON.parse(out) as {
        quota: string;
        elected: string[];
        stages: { votes: Record<string, string> }[];
      };
      expect(same(report.quota)).toBe(same(String(sheet.quota)));
      expect(new Set(report.elected)).toEqual(new Set(sheet.elected_in_order));
      expect(report.elected).toHaveLength(sheet.elected_in_order.length);
      expect(report.stages).toHaveLength(sheet.stages.length);
      report.stages.forEach((stage, i) => {
        for (const c of sheet.candidates) expect(same(stage.votes[c])).toBe(same(sheet.stages[i]?.votes[c]));
      });
    },
  );

  it('prints text, CSV and explanation formats', async () => {
    const { blt, sheet } = ward('Ward-1-Linn');
    const text = await cli(['count', blt, '--rules', 'scottish']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Candidate Votes Per Stage');
    const csv = await cli(['count', blt, '--rules', 'scottish', '--format', 'csv']);
    expect(csv.out.split('\r\n')[0]).toBe(
      `Candidate,${sheet.stages.map((_, i) => `Stage ${i + 1}`).join(',')},Result`,
    );
    const explain = await cli(['count', blt, '--rules', 'scottish', '--format', 'explain']);
    expect(explain.out).toContain('Stage 2: Malcolm CUNNING had 353.00000 votes more than the quota');
  });

  it('counts Meek, with --seats overriding the file', async () => {
    const four = await cli(['count', VEGETABLES, '--rules', 'meek', '--format', 'json']);
    expect(four.code).toBe(0);
    expect((JSON.parse(four.out) as { elected: string[] }).elected).toEqual([
      'Grape',
      'Hazelnut',
      'Jalapeno',
      'Eggplant',
    ]);
    const two = await cli(['count', VEGETABLES, '--rules', 'meek', '--seats', '2', '--format', 'json']);
    expect((JSON.parse(two.out) as { elected: string[] }).elected).toHaveLength(2);
  });

  it('reads JSON ballots and applies a constraint from an attributes CSV, which changes the result', async () => {
    const ballots = file(
      'committee.json',
      JSON.stringify({
        title: 'Committee',
        seats: 2,
        candidates: ['Alan', 'Bill', 'Carl', 'Wendy', 'Xena'].map((name) => ({
          id: name.toLowerCase(),
          name,
        })),
        ballots: [
          { ranking: ['alan', 'bill'], weight: 40 },
          { ranking: ['bill', 'alan'], weight: 35 },
          { ranking: ['carl', 'bill'], weight: 5 },
          { ranking: ['wendy', 'xena'], weight: 12 },
          { ranking: ['xena', 'wendy'], weight: 8 },
        ],
      }),
    );
    const attributes = file(
      'people.csv',
      'name,gender\nAlan,man\nBill,man\nCarl,man\nWendy,woman\n"Xena",woman\n',
    );
    for (const rule of ['scottish', 'wigm', 'ers97', 'meek']) {
      const free = await cli(['count', ballots, '--rules', rule, '--format', 'json']);
      expect(free.err).toBe('');
      expect((JSON.parse(free.out) as { elected: string[] }).elected.sort()).toEqual(['Alan', 'Bill']);
      const args = ['count', ballots, '--rules', rule, '--format', 'json', '--attributes', attributes];
      const fair = await cli([...args, '--constraint', 'gender=woman>=1']);
      expect(fair.err).toBe('');
      const elected = (JSON.parse(fair.out) as { elected: string[] }).elected;
      expect(elected).toContain('Wendy');
      expect(elected).toHaveLength(2);
    }
  });

  it.each([
    [['count'], 'expected exactly one ballot file'],
    [['count', VEGETABLES], '--rules must be one of'],
    [['count', VEGETABLES, '--rules', 'irv'], '--rules must be one of'],
    [['count', VEGETABLES, '--rules', 'meek', '--format', 'pdf'], '--format must be one of'],
    [['count', VEGETABLES, '--rules', 'meek', '--seats', 'two'], '--seats must be a positive whole number'],
    [['count', VEGETABLES, '--rules', 'meek', '--constraint', 'women>=2'], 'expected attribute=value>=N'],
    [['count', VEGETABLES, '--rules', 'meek', '--colour', 'red'], "Unknown option '--colour'"],
    [['count', '/no/such/file.blt', '--rules', 'meek'], 'cannot read /no/such/file.blt'],
  ])('refuses %j with exit code 2', async (args, message) => {
    const { code, out, err } = await cli(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
  });

  it('names the file, line and column of bad ballots, and bad seats or constraints, with exit code 2', async () => {
    const bad = file('bad.blt', '3 2\n1 1 2 0\n2 1 4 0\n0\n"A"\n"B"\n"C"\n"T"\n');
    const blt = await cli(['count', bad, '--rules', 'wigm']);
    expect(blt.code).toBe(2);
    expect(blt.err).toContain(`${bad}: line 3, column 5:`);
    const json = file(
      'bad.json',
      '{"title": "t", "seats": 1,\n "candidates": [{"id": "a", "name": "A"}],\n "ballots": [{"ranking": ["b"]}]}',
    );
    const j = await cli(['count', json, '--rules', 'meek']);
    expect(j.code).toBe(2);
    expect(j.err).toContain(`${json}: line 3, column 27: unknown candidate id "b"`);
    const seats = await cli(['count', VEGETABLES, '--rules', 'meek', '--seats', '9']);
    expect(seats.code).toBe(2);
    expect(seats.err).toContain('seats');
    const people = file('unknown.csv', 'name,gender\nNobody,woman\n');
    const attrs = await cli(['count', VEGETABLES, '--rules', 'meek', '--attributes', people]);
    expect(attrs.code).toBe(2);
    expect(attrs.err).toContain(`${people}: line 2, column 1: no candidate named "Nobody"`);
  });
});

describe('the openslate binary', () => {
  beforeAll(() => {
    execFileSync('npx', ['tsc', '-b', 'services/cli'], { cwd: ROOT, stdio: 'pipe' });
  }, 180_000);

  const bin = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'services/cli/bin/openslate.js'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('exits 0 with the JSON report, and 2 with a message on stderr for bad input', () => {
    const { blt, sheet } = ward('Ward-11-Hillhead');
    const ok = bin(['count', blt, '--rules', 'scottish', '--format', 'json']);
    expect(ok.status).toBe(0);
    expect(new Set((JSON.parse(ok.stdout) as { elected: string[] }).elected)).toEqual(
      new Set(sheet.elected_in_order),
    );
    const bad = bin(['count', blt, '--rules', 'scottish', '--seats', '40']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('seats');
  }, 60_000); // two child processes: slow on a busy machine
});
