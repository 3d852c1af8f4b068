// Renderers tested on the count of Glasgow 2022 Ward 1, against its official stage sheet (expected.json), plus
// hand-made stages for the actions a Scottish count never shows (ties, constraints, Meek iterations).
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCsv } from '../src/render/csv.js';
import { renderExplanation } from '../src/render/explain.js';
import { renderJson, reportToJson } from '../src/render/json.js';
import { candidateLabels } from '../src/render/labels.js';
import { renderText } from '../src/render/text.js';
import { Fixed } from '../src/arith/index.js';
import { parseBlt } from '../src/blt.js';
import { count } from '../src/count.js';
import { candidateId, type Report } from '../src/types.js';

const WARD = '/work/shared/elections/glasgow-2022/Ward-1-Linn';

interface ExpectedStage {
  stage: number;
  votes: Record<string, string>;
}
interface Expected {
  quota: number;
  candidates: string[];
  elected_in_order: string[];
  ballot_file: string;
  stages: ExpectedStage[];
}

const expected = JSON.parse(readFileSync(join(WARD, 'expected.json'), 'utf8')) as Expected;
/** Official figures print whole numbers without decimals ("1035"); compare at the rule's 5 places. */
const at5 = (d: string | undefined): string => Fixed.parse(d ?? 'NaN', 5).toString();
const official = (s: ExpectedStage, row: string): string => at5(s.votes[row]);

/** The real count of Ward 1 under the Scottish rule (its figures are checked against the sheet elsewhere). */
function officialReport(): Report {
  return count(parseBlt(readFileSync(join(WARD, expected.ballot_file), 'utf8')), { rule: 'scottish' });
}

/** A three-candidate report exercising ties, a constraint, a Meek iteration and filling the last seat. */
function syntheticReport(): Report {
  const [a, b, c] = [candidateId(0), candidateId(1), candidateId(2)];
  const base = { nonTransferable: '0', roundingLoss: '0', quota: '3.000000001', ties: [] };
  return {
    rule: 'meek',
    parameters: { precision: '9', omega: '0.000001' },
    title: 'Synthetic, with "quotes", and commas',
    seats: 2,
    candidates: [
      { id: a, name: 'Ann', attributes: { gender: 'woman' } },
      { id: b, name: 'Bob, Jr.', attributes: { gender: 'man' } },
      { id: c, name: 'Ann', attributes: { gender: 'man' } },
    ],
    withdrawn: [],
    constraints: [{ attribute: 'gender', value: 'woman', min: 1 }],
    validVotes: '8',
    quota: '2.666666667',
    seed: 'agm-2026',
    stages: [
      {
        ...base,
        number: 1,
        quota: '2.666666667',
        action: { kind: 'first-preferences' },
        votes: ['3.000000000', '2.500000000', '2.500000000'],
        transferred: ['0', '0', '0'],
        elected: [{ candidate: a, reason: 'quota' }],
        excluded: [],
      },
      {
        ...base,
        number: 2,
        action: { kind: 'iteration', iterations: 4 },
        keepFactors: ['0.888888889', '1.000000000', '1.000000000'],
        votes: ['2.666666667', '2.666666666', '2.666666667'],
        transferred: ['-0.333333333', '0.166666666', '0.166666667'],
        elected: [],
        excluded: [{ candidate: b, reason: 'lowest' }],
        ties: [{ purpose: 'exclusion', between: [b, c], method: 'lot', chosen: b }],
      },
      {
        ...base,
        number: 3,
        action: { kind: 'fill-remaining', candidates: [c] },
        votes: ['2.666666667', '0.000000000', '5.333333333'],
        transferred: ['0', '-2.666666666', '2.666666666'],
        elected: [{ candidate: c, reason: 'remaining-seats' }],
        excluded: [],
      },
    ],
    elected: [a, c],
  };
}

/** An independent RFC 4180 reader (csv-parse) for the renderer's output. */
const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: true }) as string[][];

describe('JSON renderer (CLI contract)', () => {
  const report = officialReport();
  const json = JSON.parse(renderJson(report)) as {
    quota: string;
    elected: string[];
    stages: { votes: Record<string, string>; action: { kind: string; candidate?: string } }[];
  };

  it('names the winners in order of election and keeps the quota as a string', () => {
    expect(at5(json.quota)).toBe(at5(String(expected.quota)));
    expect(json.elected).toEqual(expected.elected_in_order);
  });

  it('gives every candidate total at every stage by name, exactly as in the report', () => {
    expect(json.stages).toHaveLength(expected.stages.length);
    json.stages.forEach((s, i) => {
      const sheet = expected.stages[i] as ExpectedStage;
      for (const name of expected.candidates) expect(s.votes[name]).toBe(official(sheet, name));
    });
    expect(json.stages[1]?.action).toMatchObject({
      kind: 'surplus',
      candidate: 'Malcolm CUNNING',
      surplus: '353.00000',
    });
  });

  it('keeps duplicate names apart and records ties, keep factors and the seed by name', () => {
    const out = reportToJson(syntheticReport()) as unknown as {
      elected: string[];
      seed: string;
      stages: { keepFactors?: Record<string, string>; ties: { between: string[]; chosen: string }[] }[];
    };
    expect(out.elected).toEqual(['Ann (#1)', 'Ann (#3)']);
    expect(out.seed).toBe('agm-2026');
    expect(out.stages[1]?.keepFactors?.['Ann (#1)']).toBe('0.888888889');
    expect(out.stages[1]?.ties[0]).toMatchObject({ between: ['Bob, Jr.', 'Ann (#3)'], chosen: 'Bob, Jr.' });
  });
});

describe('text and CSV stage tables', () => {
  const report = officialReport();

  it('prints one row per candidate with its total under every stage', () => {
    const text = renderText(report);
    const lines = text.split('\n');
    for (const name of expected.candidates) {
      const row = lines.find((l) => l.startsWith(`${name} `));
      const cells =
        row
          ?.slice(name.length)
          .trim()
          .split(/\s{2,}/) ?? [];
      expect(cells.slice(0, expected.stages.length)).toEqual(expected.stages.map((s) => official(s, name)));
    }
    expect(text).toMatch(/Stage 2: Surplus of Malcolm CUNNING \(transfer value 0\.\d{5}\)/);
    expect(text).toContain(`Elected: ${expected.elected_in_order.join(', ')}`);
  });

  it('writes a CSV that reads back to the same grid, with the non-transferable rows', () => {
    const rows = parseCsv(renderCsv(report));
    expect(rows[0]).toEqual(['Candidate', ...expected.stages.map((s) => `Stage ${s.stage}`), 'Result']);
    for (const name of expected.candidates) {
      const row = rows.find((r) => r[0] === name);
      expect(row?.slice(1, -1)).toEqual(expected.stages.map((s) => official(s, name)));
    }
    // The two extra rows as the official sheet prints them (the Report keeps running totals).
    const row = (label: string): string[] | undefined => rows.find((r) => r[0] === label)?.slice(1, -1);
    expect(row('Non-transferable votes')).toEqual(
      expected.stages.map((s) => official(s, '__nontransferable__')),
    );
    expect(row('Non-transferable votes due to rounding')).toEqual(
      expected.stages.map((s) => official(s, '__rounding__')),
    );
    expect(rows.find((r) => r[0] === 'Margaret MORGAN')?.at(-1)).toBe('Elected (stage 7)');
    expect(rows.find((r) => r[0] === 'Angela JONES')?.at(-1)).toBe('Excluded (stage 4)');
  });

  it("prints Meek's keep factors per stage", () => {
    const lines = renderText(syntheticReport()).split('\n');
    const at = lines.indexOf('Keep factors per stage');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 3]?.split(/\s{2,}/)).toEqual(['Ann (#1)', '0.888888889']);
    expect(renderText(officialReport())).not.toContain('Keep factors');
  });

  it('quotes fields with commas and quotes (RFC 4180)', () => {
    const csv = renderCsv(syntheticReport());
    expect(csv).toContain('"Bob, Jr.",2.500000000,2.666666666,0.000000000,Excluded (stage 2)');
    expect(parseCsv(csv).map((r) => r[0])).toContain('Bob, Jr.');
  });
});

describe('plain-English explanation', () => {
  it('explains a surplus transfer with its value and who gained', () => {
    const text = renderExplanation(officialReport());
    expect(text).toContain(
      'Stage 2: Malcolm CUNNING had 353.00000 votes more than the quota; their ballots passed on at 0.',
    );
    expect(text).toContain('Catherine VALLIS gained 219.30811');
    expect(text).toContain(
      'Malcolm CUNNING (2152.00000) and Paul MCCABE (1934.00000) reached the quota and are elected.',
    );
    expect(text).toContain('Angela JONES (120.71127) had the fewest votes and was excluded');
    expect(text).toMatch(
      /Result: Malcolm CUNNING, Paul MCCABE, Margaret MORGAN and Catherine VALLIS are elected/,
    );
  });

  it('explains a lot, a Meek iteration and filling the last seat', () => {
    const text = renderExplanation(syntheticReport());
    expect(text).toContain('Bob, Jr. and Ann (#3) were tied with the fewest votes');
    expect(text).toContain('by lot, drawn from the published seed "agm-2026"');
    expect(text).toContain('Every ballot was counted 4 times');
    expect(text).toContain('Bob, Jr. had the fewest votes and is excluded.');
    expect(text).toContain('Ann (#3) takes the remaining seat');
  });

  it('labels duplicate names by ballot-file number only when needed', () => {
    expect(candidateLabels(syntheticReport())).toEqual(['Ann (#1)', 'Bob, Jr.', 'Ann (#3)']);
    expect(candidateLabels(officialReport())).toEqual(expected.candidates);
  });
});
