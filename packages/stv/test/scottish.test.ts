import { count, parseBlt, type Report } from '../src/index.js';
import {
  ELECTIONS,
  electedNames,
  electionFolders,
  filesUnder,
  readText,
  type ExpectedStage,
} from './support/elections.js';
import { droopRows, parseDroopReport, type DroopSnapshot } from './support/droop-report.js';
import { names, value } from './support/compare.js';

const P = 5;

/** The official sheet's rows: "non-transferable" folds in the previous stages' rounding; "rounding" is this stage's. */
function officialRows(report: Report, k: number): Record<string, bigint> {
  const stage = report.stages[k]!;
  const prevRounding = k > 0 ? value(report.stages[k - 1]!.roundingLoss, P) : 0n;
  const rows: Record<string, bigint> = {
    __nontransferable__: value(stage.nonTransferable, P) + prevRounding,
    __rounding__: value(stage.roundingLoss, P) - prevRounding,
  };
  report.candidates.forEach((c, i) => (rows[c.name] = value(stage.votes[i]!, P)));
  return rows;
}

describe('Glasgow 2022 (official Candidate Votes Per Stage reports): every total at every stage', () => {
  test.each(electionFolders('glasgow-2022').map((f) => [f.folder, f] as const))(
    '%s',
    (_ward, { expected, ballotPath }) => {
      const report = count(parseBlt(readText(ballotPath)), { rule: 'scottish' });
      expect(value(report.quota, P)).toBe(value(String(expected.quota), P));
      expect(value(report.validVotes, P)).toBe(value(String(expected.valid_votes), P));
      const stages = expected.stages as ExpectedStage[];
      const got = report.stages.map((_, k) => officialRows(report, k));
      const want = stages.map((s) =>
        Object.fromEntries(Object.entries(s.votes).map(([n, v]) => [n, value(v, P)])),
      );
      expect(got).toEqual(want);
      expect(
        report.stages.map((s) =>
          names(
            report,
            s.elected.map((e) => e.candidate),
          ).sort(),
        ),
      ).toEqual(stages.map((s) => [...s.elected_at_this_stage].sort()));
      expect(names(report, report.elected).sort()).toEqual(electedNames(expected).sort());
    },
  );
});

describe('Edinburgh 2017: declared winners', () => {
  test.each(electionFolders('edinburgh-2017').map((f) => [f.folder, f] as const))(
    '%s',
    (_ward, { expected, ballotPath }) => {
      const report = count(parseBlt(readText(ballotPath)), { rule: 'scottish' });
      expect(value(report.quota, P)).toBe(value(String(expected.quota), P));
      expect(names(report, report.elected).sort()).toEqual(electedNames(expected).sort());
    },
  );
});

describe('Glasgow 2007: Droop reference counts (rule scotland, 5 decimals), every total after every transfer', () => {
  const squash = (s: string): string => s.trim().replace(/ +/g, ' ');
  test.each(electionFolders('glasgow-2007').map((f) => [f.folder, f] as const))(
    '%s',
    (ward, { expected, ballotPath, folder }) => {
      const election = parseBlt(readText(ballotPath));
      const report = count(election, { rule: 'scottish' });
      const reportPath = `${ELECTIONS}/glasgow-2007/${folder}/${ward}-scotland-fixed-p5-d5.droop-report.txt`;
      const droop = parseDroopReport(readText(reportPath));
      expect(report.quota).toBe(droop.quota);
      const { ours, theirs } = droopRows(report, droop, { withdrawn: election.withdrawn, zero: '0.00000' });
      expect(ours).toEqual(theirs);
      expect(names(report, report.elected).map(squash).sort()).toEqual(
        [...(expected.elected_in_order ?? [])].sort(),
      );
    },
  );
});

describe('droop-reference: every scotland report (synthetic ballots, ties included)', () => {
  const reports = filesUnder(`${ELECTIONS}/droop-reference/report`, /-scotland-fixed-p5-d5\.txt$/);
  test('all eleven reports are here', () => expect(reports).toHaveLength(11));
  test.each(reports)('%s', (reportPath) => {
    const blt = reportPath.replace('/report/', '/blt/').replace(/-scotland-fixed-p5-d5\.txt$/, '.blt');
    const parsed = parseBlt(readText(blt));
    // Droop's "lot" takes the first tied candidate in ballot-file order: give that order to match its reports.
    const election = { ...parsed, tieOrder: parsed.tieOrder ?? parsed.candidates.map((c) => c.id) };
    const report = count(election, { rule: 'scottish' });
    const droop = parseDroopReport(readText(reportPath));
    expect(report.quota).toBe(droop.quota);
    // Droop prints a stage for a zero surplus; SSI 2007/42 rule 48(1) has none (as in the Glasgow 2022 sheets).
    const skip = (s: DroopSnapshot): boolean => /Surplus transferred: .* \(0\.00000\)$/.test(s.action);
    const { ours, theirs } = droopRows(report, droop, {
      withdrawn: election.withdrawn,
      zero: '0.00000',
      skip,
    });
    expect(ours).toEqual(theirs);
    expect(names(report, report.elected).sort()).toEqual([...droop.elected].sort());
  });
});
