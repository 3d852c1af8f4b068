// @openslate/verify: the published election bundle (docs/bundle-format.md) and its independent verifier.
// Pure: files come through a ReadFile callback; no I/O.
export { VerifyError, type VerifyErrorCode } from './errors.js';
export { readFromMap, type ReadFile } from './files.js';
export { BUNDLE_FORMAT, paths as bundlePaths, type BundleManifest } from './bundle-format.js';
export { bundleFiles, type BundleInput } from './bundle-files.js';
export { resultsPage, type PageContest } from './results-page.js';
export { rollChanges, type RollChanges } from './roll-changes.js';
export { readEntryBytes, parseEntries, type ParsedEntry } from './log-entries.js';
export { readTar, writeTar } from './tar.js';
export { tallyContest, toPreferences, type ContestTally } from './tally.js';
export {
  answerOf,
  contestKind,
  contestQuorum,
  questionOf,
  tallyQuestion,
  type ContestChoice,
  type CountContext,
  type QuestionChoice,
  type QuestionKind,
  type QuestionTally,
} from './question-tally.js';
export { countContest, resultEntry, type CountedContest } from './count-contest.js';
// Proposals' amendment outcomes are resolved by the API's count with the same function the verifier will use.
export { resolveAmendments, type AmendmentOutcome, type YesNoReport } from '@openslate/questions';
export type {
  ContestKind,
  ManifestContest,
  ManifestQuorum,
  QuestionSettings,
  VotingManifest,
} from './manifest.js';
export {
  verifyBundle,
  type CheckId,
  type CheckLine,
  type VerifyOptions,
  type VerifyReport,
} from './verify-bundle.js';
export type { ContestOutcome } from './checks/recount.js';
export type { ProposalOutcome } from './checks/proposals.js';
export {
  derivedRollEntries,
  type DerivedRollEntry,
  type DerivedWinner,
  type RollDerivedBody,
} from './derived-roll.js';
