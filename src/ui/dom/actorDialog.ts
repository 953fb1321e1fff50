// An actor's card: who it is, who plays it, and its stances toward and from every other actor (each opens "Why?").
import type { ScenarioFile } from '../../engine/compiler.js';
import type { StanceView } from '../bridge.js';
import { fmt } from '../theme.js';
import { focusFirst, openDialog } from './dialog.js';
import { el } from './el.js';

export interface ActorContext {
  def: ScenarioFile;
  index: number;
  seat: string;
  stances: StanceView[];
  onWhy: (from: number, to: number) => void;
}

function leverageWords(l: number): string {
  if (Math.abs(l) < 0.05) return 'no leverage either way';
  return l > 0 ? `leverage ${fmt(l * 100)}%` : `depends on them ${fmt(-l * 100)}%`;
}

export function openActor(ctx: ActorContext): void {
  const a = ctx.def.actors[ctx.index];
  if (!a) return;
  const d = openDialog({ title: a.name });
  const b = d.body;
  b.append(el('p', { class: 'muted', text: `Played by ${ctx.seat}.${a.ai.personality ? ` AI temperament: ${a.ai.personality}` : ''}` }));
  if (a.biography[0]) b.append(el('p', { text: a.biography[0].text }));
  const list = (title: string, items: StanceView[], other: (s: StanceView) => number) => {
    b.append(el('h3', { text: title }));
    const box = el('div', { class: 'stance-list' });
    for (const s of items) {
      const o = ctx.def.actors[other(s)]!;
      const from = ctx.def.actors[s.from]!.name;
      const to = ctx.def.actors[s.to]!.name;
      const btn = el(
        'button',
        { type: 'button', id: `stance-${ctx.def.actors[s.from]!.id}-${ctx.def.actors[s.to]!.id}` },
        `${from} → ${to}: ${s.band} (${fmt(s.value)}), ${leverageWords(s.leverage)} — why?`,
      );
      // The visible text stays the accessible name (speech input users say what they see); the long form describes it.
      const desc = el('span', {
        class: 'sr-only',
        id: `${btn.id}-desc`,
        text: `${from} toward ${to}: ${s.band}, ${fmt(s.value)}; ${from} has ${leverageWords(s.leverage)} over ${o.name}. Show why.`,
      });
      btn.setAttribute('aria-describedby', desc.id);
      btn.addEventListener('click', () => ctx.onWhy(s.from, s.to));
      box.append(btn, desc);
    }
    b.append(box);
  };
  list(
    `${a.name} toward others`,
    ctx.stances.filter((s) => s.from === ctx.index),
    (s) => s.to,
  );
  list(
    `Others toward ${a.name}`,
    ctx.stances.filter((s) => s.to === ctx.index),
    (s) => s.from,
  );
  focusFirst(d);
}
