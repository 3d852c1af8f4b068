// The report as JSON with candidates named (the CLI's `--format json` contract): `quota`, `elected` (names in
// order of election) and `stages[].votes` (name -> decimal string), plus everything else the Report holds.
import type { CandidateId, Report, Stage, StageAction, TieBreak } from '../types.js';
import { actionSummary, candidateLabels, namesOf } from './labels.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function byName(labels: readonly string[], values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  values.forEach((v, i) => {
    out[labels[i] ?? `#${i + 1}`] = v;
  });
  return out;
}

function actionJson(action: StageAction, labels: readonly string[]): Json {
  const name = (id: CandidateId): string => namesOf(labels, [id]).join('');
  switch (action.kind) {
    case 'first-preferences':
      return { kind: action.kind };
    case 'surplus':
      return {
        kind: action.kind,
        candidate: name(action.candidate),
        surplus: action.surplus,
        ...(action.transferValue === undefined ? {} : { transferValue: action.transferValue }),
      };
    case 'exclusion':
    case 'fill-remaining':
      return { kind: action.kind, candidates: namesOf(labels, action.candidates) };
    case 'constraint':
      return {
        kind: action.kind,
        constraint: { ...action.constraint },
        candidates: namesOf(labels, action.candidates),
        description: action.description,
      };
    case 'iteration':
      return { kind: action.kind, iterations: action.iterations };
  }
}

function tieJson(tie: TieBreak, labels: readonly string[]): Json {
  return {
    purpose: tie.purpose,
    between: namesOf(labels, tie.between),
    method: tie.method,
    ...(tie.stage === undefined ? {} : { stage: tie.stage }),
    chosen: namesOf(labels, [tie.chosen]).join(''),
  };
}

function stageJson(stage: Stage, labels: readonly string[]): Json {
  return {
    number: stage.number,
    summary: actionSummary(stage, labels),
    action: actionJson(stage.action, labels),
    votes: byName(labels, stage.votes),
    transferred: byName(labels, stage.transferred),
    nonTransferable: stage.nonTransferable,
    roundingLoss: stage.roundingLoss,
    quota: stage.quota,
    ...(stage.keepFactors === undefined ? {} : { keepFactors: byName(labels, stage.keepFactors) }),
    elected: stage.elected.map((e) => ({
      candidate: namesOf(labels, [e.candidate]).join(''),
      reason: e.reason,
    })),
    excluded: stage.excluded.map((e) => ({
      candidate: namesOf(labels, [e.candidate]).join(''),
      reason: e.reason,
    })),
    ties: stage.ties.map((t) => tieJson(t, labels)),
  };
}

/** The report as a plain JSON value, candidates referred to by name (see `candidateLabels` for duplicates). */
export function reportToJson(report: Report): { [key: string]: Json } {
  const labels = candidateLabels(report);
  return {
    title: report.title,
    rule: report.rule,
    parameters: { ...report.parameters },
    seats: report.seats,
    validVotes: report.validVotes,
    quota: report.quota,
    seed: report.seed,
    candidates: report.candidates.map((c, i) => ({
      name: labels[i] ?? c.name,
      ...(c.affiliation === undefined ? {} : { affiliation: c.affiliation }),
      attributes: { ...c.attributes },
    })),
    withdrawn: namesOf(labels, report.withdrawn),
    constraints: report.constraints.map((c) => ({ ...c })),
    elected: namesOf(labels, report.elected),
    stages: report.stages.map((s) => stageJson(s, labels)),
  };
}

/** `reportToJson` printed with two-space indentation and a final newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(reportToJson(report), null, 2)}\n`;
}
