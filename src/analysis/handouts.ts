// Printable handouts of a scenario as self-contained HTML pages: role cards, a class sheet, the instructor's notes, what is invented.
import { createGame, legalChoices, type Scenario } from '../engine/index.js';

export interface Handout {
  file: string;
  title: string;
  html: string;
}

/** pure; text made safe for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A role card is one printed page (A4 or Letter): smaller type and tighter spacing than the other handouts. */
export const ROLE_CARD_STYLE = `
.role-card { font-size: 9pt; line-height: 1.3; }
.role-card h1 { font-size: 1.5em; margin: 0 0 .1em; } .role-card h2 { font-size: 1.1em; margin: .6em 0 .2em; }
.role-card p { margin: .2em 0 .35em; } .role-card ul { margin: .2em 0; padding-left: 1.3em; }
.role-card th, .role-card td { padding: .12em .35em; }
`;

const STYLE = `
body { font: 11pt/1.45 "IBM Plex Sans", "Helvetica Neue", Arial, sans-serif; color: #111; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0 0 .2em; } h2 { font-size: 1.2em; margin: 1.2em 0 .3em; border-bottom: 1px solid #999; }
.meta { color: #444; font-size: .95em; } .assumption { color: #444; font-style: italic; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999; padding: .25em .4em; text-align: left; vertical-align: top; }
dt { font-weight: 600; } dd { margin: 0 0 .5em 1.2em; }
nav a { margin-right: 1em; }
@media print { nav, .noprint { display: none; } body { margin: 0; max-width: none; } @page { margin: 12mm; } h2 { break-after: avoid; } section { break-inside: avoid-page; } }
${ROLE_CARD_STYLE}
`;

function page(sc: Scenario, title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`${title} — ${sc.def.title}`)}</title><style>${STYLE}</style></head>
<body><nav class="noprint"><a href="index.html">All handouts</a></nav>
<p class="meta">${escapeHtml(sc.def.title)}</p>
${body}
<p class="meta">Sources: ${sc.def.sources.map((s) => escapeHtml(s.title)).join('; ')}.</p>
</body></html>
`;
}

const list = (items: readonly string[], ordered = false): string =>
  items.length === 0 ? '' : `<${ordered ? 'ol' : 'ul'}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${ordered ? 'ol' : 'ul'}>`;
const paragraphs = (items: ReadonlyArray<{ text: string; assumption?: string }>): string =>
  items
    .map((p) => `<p>${escapeHtml(p.text)}${p.assumption ? ` <span class="assumption">(Invented for play: ${escapeHtml(p.assumption)})</span>` : ''}</p>`)
    .join('\n');

/** The role's card: who you are, what you want, how you score, what you can do on the first turn. */
function roleCard(sc: Scenario, actor: number): Handout {
  const def = sc.def;
  const a = def.actors[actor]!;
  const start = createGame(sc, { seed: 'handout' });
  const first = legalChoices(sc, start, a.id).actions.filter((x) => x.available);
  const objectives = sc.actors[actor]!.objectives.map((o) => `${o.label}: ${o.points} point${o.points === 1 ? '' : 's'}`);
  if (sc.endingPoints > 0) objectives.push(`The ending: up to ${4 * sc.endingPoints} points, by how your government rates it`);
  const body = `<div class="role-card"><h1>${escapeHtml(a.name)}</h1>
<section><h2>Who you are</h2>${paragraphs(a.biography ?? [])}</section>
<section><h2>What your government wants</h2>${list(a.goalsText ?? [])}</section>
<section><h2>How your play is scored</h2>${list(objectives)}</section>
<section><h2>What you can do on the first turn</h2>
<table><thead><tr><th>Option</th><th>What it is</th></tr></thead><tbody>
${first.map((x) => `<tr><td>${escapeHtml(x.label)}</td><td>${escapeHtml(x.description)}${x.cost.length ? ` Cost: ${escapeHtml(x.cost.map((c) => `${c.amount} ${c.name}`).join(', '))}.` : ''}</td></tr>`).join('\n')}
</tbody></table></section></div>`;
  return { file: `role-${a.id}.html`, title: `Role card: ${a.name}`, html: page(sc, `Role card: ${a.name}`, body) };
}

/** The class sheet every student gets: the situation, the roles, how a turn goes, the glossary. */
function classSheet(sc: Scenario): Handout {
  const def = sc.def;
  const glossary = def.instructor?.glossary ?? [];
  const body = `<h1>${escapeHtml(def.title)}</h1>
<p>${escapeHtml(def.summary)}</p>
<section><h2>The situation</h2>${paragraphs(def.briefing)}</section>
<section><h2>The roles</h2>${list(def.actors.map((a) => a.name))}</section>
<section><h2>How the game runs</h2><p>${escapeHtml(`${def.turns.count} turns of one ${def.turns.unit} each. Every turn each role picks one action; all actions resolve together, then events happen and some roles face a dilemma they answer at the start of the next turn.`)}</p>${def.turns.why ? `<p>${escapeHtml(def.turns.why)}</p>` : ''}</section>
${glossary.length ? `<section><h2>Glossary</h2><dl>${glossary.map((g) => `<dt>${escapeHtml(g.term)}</dt><dd>${escapeHtml(g.definition)}</dd>`).join('')}</dl></section>` : ''}`;
  return { file: 'class-sheet.html', title: 'Class sheet', html: page(sc, 'Class sheet', body) };
}

/** The instructor's page: objectives, plan, questions, notes. */
function instructorSheet(sc: Scenario): Handout {
  const i = sc.def.instructor;
  const body = `<h1>For the instructor</h1>
<section><h2>Learning objectives</h2>${list(i?.learningObjectives ?? [], true)}</section>
<section><h2>Class plan</h2>${list(i?.classPlan ?? [])}</section>
<section><h2>Discussion questions</h2>${list(i?.discussionQuestions ?? [], true)}</section>
<section><h2>Notes</h2>${list([...(i?.notes ?? []), ...(sc.def.notes ?? [])])}</section>`;
  return { file: 'instructor.html', title: 'For the instructor', html: page(sc, 'For the instructor', body) };
}

/** pure; every part of the scenario marked as the authors' assumption, with its reason, grouped by kind. */
export function inventions(sc: Scenario): Array<{ group: string; items: Array<{ name: string; assumption: string }> }> {
  const def = sc.def;
  type Marked = { assumption?: string };
  const nameOf = (id: string) => def.actors.find((a) => a.id === id)?.name ?? id;
  const of = <T extends Marked>(xs: readonly T[] | undefined, name: (x: T) => string) =>
    (xs ?? []).filter((x) => x.assumption).map((x) => ({ name: name(x), assumption: x.assumption! }));
  const groups = [
    { group: 'The situation', items: of(def.briefing, (b) => b.text.slice(0, 80)) },
    { group: 'Roles', items: def.actors.flatMap((a) => of(a.biography, () => a.name)) },
    { group: 'Numbers', items: of(def.indicators, (x) => x.name) },
    { group: 'How much a number is known', items: def.indicators.flatMap((x) => of(x.estimate ? [x.estimate] : [], () => `${x.name} (seen as an estimate)`)) },
    { group: 'Relations', items: of(def.stances.relations, (r) => `${nameOf(r.from)} toward ${nameOf(r.to)}`) },
    { group: 'Flows', items: of(def.flows, (x) => x.label) },
    { group: 'Actions', items: of(def.actions, (x) => x.label) },
    { group: 'Events', items: of(def.events, (x) => x.title) },
    { group: 'Situations', items: of(def.situations, (x) => x.name) },
    { group: 'Objectives', items: def.actors.flatMap((a) => of(a.objectives, (o) => `${a.name}: ${o.label}`)) },
  ];
  return groups.filter((g) => g.items.length > 0);
}

function inventedSheet(sc: Scenario): Handout {
  const body = `<h1>What is invented</h1>
<p>The scenario follows its sources for facts; the parts below are the authors' assumptions, made to let the game run. Each says why.</p>
${inventions(sc)
  .map(
    (g) =>
      `<section><h2>${escapeHtml(g.group)}</h2><table><tbody>${g.items.map((x) => `<tr><td>${escapeHtml(x.name)}</td><td>${escapeHtml(x.assumption)}</td></tr>`).join('\n')}</tbody></table></section>`,
  )
  .join('\n')}`;
  return { file: 'invented.html', title: 'What is invented', html: page(sc, 'What is invented', body) };
}

/** pure; all handouts of a scenario, the index first. */
export function handoutsOf(sc: Scenario): Handout[] {
  const pages = [classSheet(sc), ...sc.def.actors.map((_, i) => roleCard(sc, i)), inventedSheet(sc), instructorSheet(sc)];
  const index = page(
    sc,
    'Handouts',
    `<h1>Handouts</h1>${`<ul>${pages.map((p) => `<li><a href="${escapeHtml(p.file)}">${escapeHtml(p.title)}</a></li>`).join('')}</ul>`}<p class="noprint">Open a page and print it (or save it as PDF); each role card fits on one page (A4 or Letter).</p>`,
  );
  return [{ file: 'index.html', title: 'Handouts', html: index }, ...pages];
}
