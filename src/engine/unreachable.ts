// The exhaustiveness check that ends a switch over a union: tsc rejects the call while any member is left unhandled.

/** Never returns: reached only by a value outside its union (a bug, or untyped input); `what` names the union. */
export function unreachable(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value) ?? String(value)}`);
}
