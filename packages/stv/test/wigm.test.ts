import { count, parseBlt } from '../src/index.js';
import { ELECTIONS, filesUnder, readText } from './support/elections.js';
import { droopRows, parseDroopReport } from './support/droop-report.js';
import { names } from './support/compare.js';

describe('droop-reference: PRF reference WIGM (wigm-prf, 4 decimals), every total after every transfer', () => {
  const reports = filesUnder(`${ELECTIONS}/droop-reference/report`, /-wigm-prf-fixed-p4-d4\.txt$/);
  test('all nine reports are here', () => expect(reports).toHaveLength(9));
  test.each(reports)('%s', (reportPath) => {
    const blt = reportPath.replace('/report/', '/blt/').replace(/-wigm-prf-fixed-p4-d4\.txt$/, '.blt');
    const parsed = parseBlt(readText(blt));
    // Droop's predetermined tie order, absent a [tie] line, is ballot-file order.
    const election = { ...parsed, tieOrder: parsed.tieOrder ?? parsed.candidates.map((c) => c.id) };
    const report = count(election, { rule: 'wigm' });
    const droop = parseDroopReport(readText(reportPath));
    expect(report.quota).toBe(droop.quota);
    const { ours, theirs } = droopRows(report, droop, { withdrawn: election.withdrawn, zero: '0.0000' });
    expect(ours).toEqual(theirs);
    expect(names(report, report.elected).sort()).toEqual([...droop.elected].sort());
  });
});
