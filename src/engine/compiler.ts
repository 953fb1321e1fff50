// The engine's compiler entry: everything that reads a scenario or replay file (the zod schema and its JSON Schema, the
// compiler, the expression language and its interval analysis), plus the runtime entry. Tools and loaders use this one.
export * from './index.js';
export { FORMAT_VERSION, MAX_ACTORS, MAX_TURNS, scenarioSchema, scenarioJsonSchema } from './schema.js';
export type { ActionDef, ActorDef, EffectDef, EventDef, IndicatorDef, SituationDef } from './schema.js';
export { compileExpr, exprRange, treeOf, EXPR_LIMITS, type ArithOp, type Bounds, type CmpOp, type CompiledExpr, type RNode } from './expr/index.js';
export { parseReplay, replaySchema } from './replayFile.js';
export { closest, showChar } from './text.js';
