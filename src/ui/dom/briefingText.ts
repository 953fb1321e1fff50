// The briefing as readable DOM text: role biography, goals, objectives, the numbers seen only as estimates, and the
// situation with its sources.
import type { ScenarioFile } from '../../engine/compiler.js';
import { el } from './el.js';

type Paragraph = { text: string; sources?: string[] | undefined; assumption?: string | undefined };

/** A paragraph with its source citations or its assumption marker. */
export function paragraph(def: ScenarioFile, p: Paragraph): HTMLElement {
  const box = el('div', { class: 'para' }, el('p', { text: p.text }));
  if (p.sources?.length) {
    const names = p.sources.map((id) => {
      const s = def.sources.find((x) => x.id === id);
      if (!s) return id;
      return [s.title, s.publisher, s.date].filter(Boolean).join(', ');
    });
    box.append(el('p', { class: 'source', text: `Source${names.length === 1 ? '' : 's'}: ${names.join('; ')}` }));
  }
  if (p.assumption) box.append(el('p', { class: 'assumption', text: `Model assumption: ${p.assumption}` }));
  return box;
}

/** The full briefing of one role. */
export function briefingBody(def: ScenarioFile, actorId: string): HTMLElement {
  const actor = def.actors.find((a) => a.id === actorId);
  const root = el('article', { class: 'briefing' });
  if (!actor) return root;
  root.append(el('h2', { text: `Your role: ${actor.name}` }));
  for (const p of actor.biography) root.append(paragraph(def, p));
  if (actor.goalsText?.length) {
    root.append(el('h3', { text: 'What you want' }));
    root.append(el('ul', {}, ...actor.goalsText.map((g) => el('li', { text: g }))));
  }
  root.append(el('h3', { text: 'Objectives scored at the end' }));
  root.append(el('ul', {}, ...actor.objectives.map((o) => el('li', { text: `${o.label} — ${o.points} point${o.points === 1 ? '' : 's'}` }))));
  const estimated = def.indicators.flatMap((ind) => {
    const g = ind.estimate?.groups.find((x) => x.roles.includes(actorId));
    return g ? [`${ind.name}: each turn you get a fresh reading, within ${g.error} of the truth.${ind.estimate?.note ? ` ${ind.estimate.note}` : ''}`] : [];
  });
  if (estimated.length) {
    root.append(el('h3', { text: 'Numbers you see only as estimates' }));
    root.append(el('ul', { id: 'briefing-estimates' }, ...estimated.map((t) => el('li', { text: t }))));
  }
  root.append(el('h3', { text: 'The situation' }));
  for (const p of def.briefing) root.append(paragraph(def, p));
  const lo = def.instructor?.learningObjectives ?? [];
  if (lo.length) {
    root.append(el('h3', { text: 'Learning objectives of this exercise' }));
    root.append(el('ul', {}, ...lo.map((t) => el('li', { text: t }))));
  }
  root.append(el('h3', { text: 'Time' }));
  root.append(
    el('p', {
      text: `${def.turns.count} turns of one ${def.turns.unit} each${def.turns.startLabel ? `, starting ${def.turns.startLabel}` : ''}.${def.turns.why ? ` ${def.turns.why}` : ''}`,
    }),
  );
  return root;
}
