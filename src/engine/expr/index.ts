// Public API of the expression language: re-exports only.
export { compileExpr } from './compile.js';
export type { CompileResult, CompiledExpr, ExprEnv, ExprFn, ExprReads, ExprRefs } from './compile.js';
export type { ExprError } from './lexer.js';
export type { ArithOp, CmpOp } from './parser.js';
export { EXPR_LIMITS } from './parser.js';
export { exprRange } from './range.js';
export type { Bounds } from './range.js';
export { treeOf } from './compile.js';
export type { RNode } from './compile.js';
