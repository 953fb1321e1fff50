// The scenario format: one zod source for the validator, the TypeScript types and the JSON Schema file.
import { z } from 'zod';

export const FORMAT_VERSION = 1;

const LIMIT = { id: 64, label: 200, text: 4000, list: 500, number: 1e9 } as const;
/** The format's caps on a scenario's size: classroom simulations with 20 to 25 country teams fit with room to spare. */
export const MAX_ACTORS = 64;
export const MAX_TURNS = 1000;
/** Lists that grow with the actors: one stance relation per ordered pair, a few actions, indicators and flows each. */
const PER_PAIR = MAX_ACTORS * (MAX_ACTORS - 1);

const id = z
  .string()
  .min(1)
  .max(LIMIT.id)
  .regex(/^[a-z][a-z0-9_]*$/, 'an id: lower-case letters, digits and _, starting with a letter')
  .describe('An identifier: lower-case letters, digits and underscores, starting with a letter.');
const label = z.string().min(1).max(LIMIT.label);
const text = z.string().min(1).max(LIMIT.text);
const num = z.number().min(-LIMIT.number).max(LIMIT.number);
const int = z.number().int().min(0).max(1000);
const expr = z
  .string()
  .min(1)
  .max(2000)
  .describe(
    'An expression: arithmetic, comparisons, and/or/not, min/max/clamp/abs/if, stance(a, b), leverage(a, b), flow(id), flag(id), active(situation), fired(event), taken(action), turn, indicator ids.',
  );
const amount = z.union([num, expr]).describe('A number or an expression giving one.');
const condition = expr.describe('An expression; true when it is not zero.');
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMIT.list);
const sourceRefs = list(id).describe('Ids of entries in the scenario\'s "sources" list that this rests on.');
const assumption = z.string().min(1).max(LIMIT.text).describe('Marks a mechanic that goes beyond the sources, with its reasoning in one line.');

export const sourceSchema = z
  .object({
    id,
    title: label,
    publisher: label.optional(),
    date: z.string().max(40).optional(),
    url: z.string().max(500).optional(),
    note: text.optional(),
  })
  .strict()
  .describe('A source that facts in the scenario rest on.');

export const paragraphSchema = z
  .object({ text, sources: sourceRefs.optional(), assumption: assumption.optional() })
  .strict()
  .describe('A paragraph of briefing text, tagged with its sources or marked as a model assumption.');

export const goalSchema = z
  .object({
    id,
    label,
    value: expr.describe('What the actor wants to be high (negate it for low).'),
    weight: amount.describe(
      'How much the goal counts: a number, or an expression read from the state before the AI decides, so that what matters to an actor can change with the situation (e.g. "1 + 0.05*max(0, escalation - 50)").',
    ),
  })
  .strict();

export const vetoSchema = z
  .object({
    label,
    actions: list(id).optional().describe("Action ids this veto applies to; all of the actor's actions when absent."),
    tags: list(id).optional().describe('Applies to actions carrying any of these tags.'),
    when: condition.optional().describe('The veto holds while this is true; always when absent.'),
  })
  .strict();

export const aiSchema = z
  .object({
    goals: list(goalSchema).min(1),
    vetoes: list(vetoSchema).optional(),
    fuzz: z.number().min(0).max(1).optional().describe("Seeded noise on the AI's scores, 0 (none) to 1 (erratic)."),
    preferences: z.record(id, num).optional().describe('Extra score for particular action ids or tags: its temperament.'),
    personality: text.optional().describe("A sentence describing how this actor's AI behaves."),
  })
  .strict();

export const objectiveSchema = z
  .object({
    id,
    label,
    when: condition.describe('Scored at the end: met when this is true.'),
    points: z.number().int().min(0).max(1000),
    sources: sourceRefs.optional(),
    assumption: assumption.optional(),
  })
  .strict();

export const actorSchema = z
  .object({
    id,
    name: label,
    short: z.string().min(1).max(12).optional(),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb'),
    pattern: z.enum(['solid', 'striped', 'dotted', 'checked', 'hatched']).optional().describe('A second visual carrier besides colour.'),
    location: z
      .object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })
      .strict()
      .optional(),
    biography: z.array(paragraphSchema).min(1).max(20).describe('The role biography, written for the student who plays it.'),
    goalsText: list(text).optional().describe("The actor's goals, stated from its own point of view."),
    objectives: list(objectiveSchema),
    ai: aiSchema,
  })
  .strict();

export const bandSchema = z.object({ upTo: num, label }).strict();

export const estimateGroupSchema = z
  .object({
    roles: z.array(id).min(1).max(MAX_ACTORS).describe("Actor ids of the roles that see this indicator only as an estimate; never the indicator's own actor."),
    error: z
      .number()
      .int()
      .min(1)
      .max(LIMIT.number)
      .describe(
        'How far a reading may stray from the true value, in whole units: each turn these roles read a whole number within this distance of the truth.',
      ),
  })
  .strict()
  .describe('A group of roles that see the indicator only as an estimate, and how far off their reading may be.');

export const estimateSchema = z
  .object({
    groups: z
      .array(estimateGroupSchema)
      .min(1)
      .max(MAX_ACTORS)
      .describe('One entry per group of roles with the same error size. Roles not listed see the exact value.'),
    note: text.optional().describe('Why these roles see only an estimate, in a sentence shown to the players.'),
    sources: sourceRefs.optional(),
    assumption: assumption.optional(),
  })
  .strict()
  .describe(
    'Who sees this indicator only as an estimate (a fresh reading each turn, within the stated error of the truth). The debrief and the ending show the truth.',
  );

export const indicatorSchema = z
  .object({
    id,
    name: label,
    description: text,
    actor: id.optional().describe('The actor this indicator belongs to; global when absent.'),
    unit: z.string().max(40).optional(),
    min: num,
    max: num,
    initial: num,
    bands: list(bandSchema).optional().describe('Named bands in ascending order: a value belongs to the first band whose upTo it does not exceed.'),
    perTurn: list(z.object({ label, amount }).strict()).optional().describe('Changes applied every turn (drift, growth, erosion), each with a named cause.'),
    higherIs: z.enum(['better', 'worse', 'neutral']).optional(),
    estimate: estimateSchema.optional(),
    sources: sourceRefs.optional(),
    assumption: assumption.optional(),
  })
  .strict();

export const stanceBandSchema = z.object({ id, label, upTo: num }).strict();

export const relationSchema = z
  .object({
    from: id,
    to: id,
    initial: num,
    rest: num.describe('The resting point the stance returns to as modifiers decay.'),
    note: text.optional().describe('Why these values.'),
    sources: sourceRefs.optional(),
    assumption: assumption.optional(),
  })
  .strict();

export const stancesSchema = z
  .object({
    min: num.optional(),
    max: num.optional(),
    decay: z.number().min(0).max(1).optional().describe('Default share of a modifier that fades each turn.'),
    bands: list(stanceBandSchema).min(2).optional(),
    relations: z.array(relationSchema).max(PER_PAIR),
  })
  .strict();

export const flowSchema = z
  .object({
    id,
    from: id.describe('The actor that provides.'),
    to: id.describe('The actor that depends on it.'),
    kind: z.enum(['trade', 'aid', 'munitions', 'security', 'technology', 'energy', 'labour', 'diplomatic', 'other']),
    label,
    initial: num,
    min: num.optional(),
    max: num.optional(),
    note: text.optional(),
    major: z
      .boolean()
      .optional()
      .describe(
        "For the balance report's flow-cut bar: true marks a flow the scenario turns on, whose cut must change how the actors play. When no flow is marked true, every flow not marked false whose initial value is at least 20% of its max counts.",
      ),
    sources: sourceRefs.optional(),
    assumption: assumption.optional(),
  })
  .strict();

export const leverageSchema = z
  .object({
    scale: z.number().positive().max(LIMIT.number).optional().describe('Net dependency that counts as full leverage (default 100).'),
    strength: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe(
        "The switch and size of leverage (default 0.5; 0 turns every leverage mechanic off): effects of A on B are scaled by 1 + leverage(A, B) * strength when A has leverage over B (a dependent actor's effects are not amplified).",
      ),
    odds: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe(
        'Percentage points that full leverage adds to the odds of an action aimed at a "target" actor, times strength (default 40): a dependent target gives way more often; a target the actor depends on defies it more often.',
      ),
    deference: z
      .number()
      .min(0)
      .max(1000)
      .optional()
      .describe(
        'How much an AI values the stance toward it of an actor it depends on, per point of stance at full leverage, times strength (default 0.5): dependence makes an actor wary of angering its patron.',
      ),
  })
  .strict();

export const effectSchema = z
  .object({
    indicator: id.optional(),
    stance: z.object({ from: id, to: id }).strict().optional(),
    flow: id.optional(),
    flag: id.optional(),
    add: amount.optional().describe('Added to the target (indicator, stance modifier, flow or flag).'),
    set: amount.optional().describe('Sets the target (indicators, flows and flags only).'),
    label: label.optional().describe('The cause as shown in explanations; for stances, the name of the modifier.'),
    decay: z.number().min(0).max(1).optional().describe('Stance modifiers: share that fades each turn; 0 persists.'),
    delay: int.optional().describe('Applies this many turns later.'),
    over: z.number().int().min(1).max(100).optional().describe('Spreads the amount evenly over this many turns.'),
    leveraged: z.boolean().optional().describe("Scale by the acting actor's leverage over the target's owner (default true for other actors)."),
  })
  .strict()
  .describe('Exactly one target (indicator, stance, flow or flag) and exactly one of add or set.');

export const factorSchema = z
  .object({ label, add: amount.describe('Percentage points added to the odds (negative: against).'), when: condition.optional() })
  .strict();

export const outcomeSchema = z
  .object({
    odds: amount.describe('Base chance of success in percent.'),
    factors: list(factorSchema).optional(),
    success: list(effectSchema),
    failure: list(effectSchema),
    successText: text.optional(),
    failureText: text.optional(),
  })
  .strict();

export const requirementSchema = z.object({ label, when: condition }).strict();

export const actionSchema = z
  .object({
    id,
    actor: id,
    label,
    description: text,
    tags: list(id).optional().describe('E.g. cooperative, coercive, cautious.'),
    visible: condition.optional().describe('Listed only while this is true.'),
    requires: list(requirementSchema).optional().describe('All must hold for the action to be available; the UI lists those unmet.'),
    cost: list(z.object({ indicator: id, amount: num }).strict()).optional(),
    cooldown: int.optional().describe('Turns to wait before it can be taken again.'),
    maxUses: int.optional(),
    target: id.optional().describe('The actor this action presses or asks. Its odds gain leverage(actor, target) * strength * leverage.odds points.'),
    humanOnly: text.optional().describe('The AI never takes this action: one line saying why it is an option only for a human player.'),
    effects: list(effectSchema).optional(),
    outcome: outcomeSchema.optional(),
    sources: sourceRefs.optional(),
    assumption: assumption.optional(),
  })
  .strict();

export const dilemmaOptionSchema = z.object({ id, label, description: text.optional(), effects: list(effectSchema) }).strict();

export const dilemmaSchema = z.object({ actor: id, prompt: text, options: z.array(dilemmaOptionSchema).min(2).max(6) }).strict();

export const eventSchema = z
  .object({
    id,
    title: label,
    text,
    turn: z.number().int().min(1).max(MAX_TURNS).optional().describe('Scheduled: fires at the start of this turn.'),
    when: condition.optional().describe('Triggered: may fire at the start of any turn while this is true.'),
    chance: amount.optional().describe('Percent chance of firing when due (default 100).'),
    cooldown: int.optional(),
    once: z.boolean().optional().describe('Fires at most once (default true for scheduled events).'),
    effects: list(effectSchema).optional(),
    dilemma: dilemmaSchema.optional(),
    sources: sourceRefs.optional(),
    assumption: assumption.optional(),
  })
  .strict();

export const situationSchema = z
  .object({
    id,
    name: label,
    description: text,
    start: condition,
    stop: condition,
    onStart: list(effectSchema).optional(),
    whileActive: list(effectSchema).optional(),
    onStop: list(effectSchema).optional(),
    assumption: assumption.optional(),
  })
  .strict();

export const endingSchema = z
  .object({
    id,
    title: label,
    text,
    when: condition.optional().describe('Ends the game as soon as this is true (checked in order each turn).'),
    atTimeLimit: condition.optional().describe('At the last turn, the first ending whose condition holds is chosen.'),
    ratings: z.record(id, z.number().int().min(-2).max(2)).optional().describe('How each actor rates this ending, -2 to 2.'),
    ratingReasons: z.record(id, text).optional().describe('Why each actor rates this ending as it does, one line per actor.'),
    explanation: text.optional(),
  })
  .strict();

export const flagSchema = z.object({ id, label, initial: num.optional() }).strict();

export const instructorSchema = z
  .object({
    learningObjectives: list(text),
    discussionQuestions: list(text),
    glossary: list(z.object({ term: label, definition: text }).strict()).optional(),
    classPlan: list(text).optional(),
    notes: list(text).optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    $schema: z.string().max(500).optional(),
    formatVersion: z.literal(FORMAT_VERSION),
    id,
    title: label,
    summary: text,
    version: z.string().max(40).optional(),
    turns: z
      .object({
        count: z.number().int().min(1).max(MAX_TURNS),
        unit: z.enum(['month', 'quarter', 'half-year', 'year', 'round']),
        startLabel: label.optional().describe('The period of turn 1, e.g. "2026 Q1".'),
        labels: list(label).optional(),
        why: text.optional(),
      })
      .strict(),
    sources: list(sourceSchema),
    briefing: z.array(paragraphSchema).min(1).max(LIMIT.list),
    instructor: instructorSchema.optional(),
    actors: z.array(actorSchema).min(1).max(MAX_ACTORS),
    indicators: z.array(indicatorSchema).max(PER_PAIR),
    flags: list(flagSchema).optional(),
    stances: stancesSchema,
    flows: z.array(flowSchema).max(PER_PAIR).optional(),
    leverage: leverageSchema.optional(),
    scoring: z
      .object({
        ending: z
          .number()
          .int()
          .min(0)
          .max(100)
          .optional()
          .describe(
            "Points per step of an actor's rating of the ending reached: the ending scores (rating + 2) * ending points, 0 to 4 * ending (default 0: objectives only).",
          ),
      })
      .strict()
      .optional()
      .describe("How a role's score is made up: its objectives, plus points for the ending by its rating."),
    actions: z.array(actionSchema).max(PER_PAIR),
    events: list(eventSchema).optional(),
    situations: list(situationSchema).optional(),
    endings: z.array(endingSchema).min(1).max(50),
    notes: list(text).optional(),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type ActorDef = z.infer<typeof actorSchema>;
export type IndicatorDef = z.infer<typeof indicatorSchema>;
export type EstimateDef = z.infer<typeof estimateSchema>;
export type EffectDef = z.infer<typeof effectSchema>;
export type ActionDef = z.infer<typeof actionSchema>;
export type EventDef = z.infer<typeof eventSchema>;
export type SituationDef = z.infer<typeof situationSchema>;
export type EndingDef = z.infer<typeof endingSchema>;
export type FlowDef = z.infer<typeof flowSchema>;
export type Paragraph = z.infer<typeof paragraphSchema>;

/** The JSON Schema (draft-07) published beside the scenarios for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  return { ...schema, title: 'Statecraft scenario', description: 'A scenario for the statecraft-sim engine (formatVersion ' + FORMAT_VERSION + ').' };
}
