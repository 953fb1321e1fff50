// Modified copies of a scenario for the balance report's what-ifs: leverage switched off, one flow cut.
import { compileScenario, type Scenario, type ScenarioFile } from '../engine/index.js';

function compiled(def: ScenarioFile, what: string): Scenario {
  const out = compileScenario(def);
  if (!out.ok)
    throw new Error(
      `${what}: the modified scenario does not compile: ${out.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => d.message)
        .join('; ')}`,
    );
  return out.scenario;
}

/** pure; `sc` with `leverage.strength` set to 0 (leverage then scales no effect), compiled from a modified copy of its definition. */
export function withoutLeverage(sc: Scenario): Scenario {
  return compiled({ ...sc.def, leverage: { ...(sc.def.leverage ?? {}), strength: 0 } }, 'leverage off');
}

/**
 * pure; `sc` with flow `flowId` cut: initial 0 and max 0, so it stays at 0 whatever is done. The compiler refuses a
 * flow whose max equals its min, so the copy is compiled with initial 0 (and a min of at most 0) and its compiled
 * flow's bounds are then narrowed to [0, 0]; the engine clamps every change to a flow to those compiled bounds.
 */
export function withFlowCut(sc: Scenario, flowId: string): Scenario {
  const k = sc.flowIndex.get(flowId);
  if (k === undefined) throw new Error(`unknown flow "${flowId}"; flows: ${sc.flows.map((f) => f.id).join(', ')}`);
  const flows = (sc.def.flows ?? []).map((f, i) => (i === k ? { ...f, initial: 0, min: Math.min(f.min ?? 0, 0), max: Math.max(f.max ?? 100, 1) } : f));
  const base = compiled({ ...sc.def, flows }, `flow ${flowId} cut`);
  const cut = base.flows.map((f, i) => (i === k ? { ...f, min: 0, max: 0 } : f));
  const def = { ...base.def, flows: flows.map((f, i) => (i === k ? { ...f, min: 0, max: 0 } : f)) };
  return { ...base, def, flows: cut };
}

/**
 * pure; the flows `major` defaults to: those the scenario marks `major: true`, or, when it marks none, those not marked
 * `major: false` whose initial value is at least `share` of their max.
 */
export function defaultMajorFlows(sc: Scenario, share = 0.2): string[] {
  const defs = sc.def.flows ?? [];
  if (defs.some((f) => f.major === true)) return sc.flows.filter((_, i) => defs[i]?.major === true).map((f) => f.id);
  return sc.flows.filter((f, i) => defs[i]?.major !== false && (defs[i]?.initial ?? 0) >= share * f.max).map((f) => f.id);
}
