// The engine's runtime entry: pure functions over a compiled scenario and a serializable state. It loads no schema or
// validator (a test checks its module graph), so the browser game's play loop and the batch workers load only this.
// Reading and checking a scenario or replay file goes through the compiler entry, ./compiler.ts.
export type { ScenarioFile } from './schema.js';
export { compileScenario, type CompileOutcome } from './compile.js';
export { formatPath, type Diagnostic, type JsonPath } from './diagnostics.js';
export { createGame, type GameOptions } from './game.js';
export { charCount, MAX_SEED_CHARS, seedProblem } from './seed.js';
export { step, completeChoices, type StepOptions } from './step.js';
export { rerunTurn } from './rerun.js';
export { legalChoices, PASS_ID, type ActionView, type DilemmaView, type LegalChoices, type OddsView } from './choices.js';
export { chooseAi, chooseDilemmaOption, dilemmaDecision, type AiDecision, type DilemmaDecision, type OptionScore, type Reason } from './ai.js';
export { explain, explainTargets, bandOf, type Explanation } from './explain.js';
export { leverageOf } from './env.js';
export { maxScoreOf, scoreObjectives, type ObjectiveScore, type ScorePart } from './objectives.js';
export { stateHash, scenarioHash, canonicalJson, sha256Hex } from './hash.js';
export { seedRng, drawFor, DRAW_ACTION, DRAW_EVENT, type RngState } from './rng.js';
export * from './types.js';
export { History } from './history.js';
export { EFFECT_MODES } from './modes.js';
export { unreachable } from './unreachable.js';
export { recordReplay, verifyReplay, REPLAY_FORMAT, REPLAY_VERSION, type Replay, type ReplayCheck } from './replay.js';
export { viewFor, sharedView, vagueChanges, estimateGroups, estimateOf, type SeatView, type Reading, type Estimate, type VagueChange } from './view.js';
export {
  previewAction,
  previewOption,
  objectiveEffects,
  type ChoicePreview,
  type PreviewChange,
  type PreviewBranch,
  type PreviewObjective,
} from './preview.js';
export { objectiveStatus, compares, type ObjectiveStatus, type ObjectiveTerm } from './objectiveTerms.js';
