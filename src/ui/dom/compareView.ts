// Several groups' games side by side, as compareGames gives them: endings, scores, where the groups parted, who chose
// what each turn ("k of N groups chose X"), and every indicator's trajectories overlaid. Reused by the class dashboard.
import type { Comparison, ChoiceSplit } from '../../analysis/compare.js';
import { turnLabel } from '../../analysis/debrief.js';
import type { Scenario } from '../../engine/index.js';
import { el } from './el.js';
import { lineChart } from './lineChart.js';
import './instructor.css';

function splitText(split: ChoiceSplit, n: number): HTMLElement {
  return el(
    'ul',
    { class: 'split' },
    ...split.options.map((o) => el('li', {}, el('b', { text: `${o.groups.length} of ${n}` }), ` chose ${o.label} (${o.groups.join(', ')})`)),
  );
}

function scoresTable(sc: Scenario, c: Comparison, noun: string): HTMLElement {
  const head = el(
    'tr',
    {},
    el('th', { text: noun[0]!.toUpperCase() + noun.slice(1) }),
    el('th', { text: 'Ending' }),
    el('th', { text: 'Turns' }),
    ...sc.def.actors.map((a) => el('th', { text: a.name })),
  );
  const rows = c.groups.map((g) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row', text: g.name }),
      el('td', { text: g.endingTitle }),
      el('td', { class: 'num', text: String(g.turns) }),
      ...g.scores.map((s) => el('td', { class: 'num', text: `${s.score} / ${s.max}` })),
    ),
  );
  return el('table', { class: 'compare-scores', id: 'compare-scores' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

function choicesTable(sc: Scenario, c: Comparison, many: string): HTMLElement {
  const n = c.groups.length;
  const head = el('tr', {}, el('th', { text: 'Turn' }), el('th', { text: 'Role' }), el('th', { text: `What the ${many} chose` }));
  const rows: HTMLElement[] = [];
  for (const t of c.turns) {
    const splits = [...t.actions.map((a) => ({ who: a.name, split: a })), ...t.dilemmas.map((d) => ({ who: `${d.name}, answering “${d.title}”`, split: d }))];
    const marks = [t.turn === c.mostSplit ? 'choices split most' : '', t.turn === c.mostDiverged ? 'numbers drew apart most' : ''].filter(Boolean).join('; ');
    splits.forEach(({ who, split }, k) => {
      const row = el('tr', { class: t.turn === c.mostDiverged || t.turn === c.mostSplit ? 'marked' : '', 'data-turn': t.turn });
      if (k === 0)
        row.append(el('th', { scope: 'rowgroup', rowspan: splits.length, text: `${turnLabel(sc, t.turn)} (turn ${t.turn})${marks ? ` — ${marks}` : ''}` }));
      row.append(el('td', { text: who }), el('td', {}, splitText(split, n)));
      rows.push(row);
    });
  }
  return el('table', { class: 'compare-choices', id: 'compare-choices' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

/** The comparison as one element (no dialog, no globals), labelled by the group names given to compareGames; `noun` names a group ("table" on the class dashboard). */
export function compareView(sc: Scenario, c: Comparison, noun = 'group'): HTMLElement {
  const n = c.groups.length;
  const many = `${noun}s`;
  const root = el('div', { class: 'compare-view' });
  root.append(
    el('h3', { text: 'Endings' }),
    el(
      'ul',
      { id: 'compare-endings' },
      ...c.endings.map((e) => el('li', {}, el('b', { text: e.title }), `: ${e.groups.length} of ${n} ${n === 1 ? noun : many} (${e.groups.join(', ')})`)),
    ),
  );
  const parted: string[] = [];
  if (c.mostDiverged !== null) parted.push(`The ${many}' numbers drew apart most in ${turnLabel(sc, c.mostDiverged)} (turn ${c.mostDiverged}).`);
  if (c.mostSplit !== null) parted.push(`Their choices split most in ${turnLabel(sc, c.mostSplit)} (turn ${c.mostSplit}).`);
  if (parted.length === 0)
    parted.push(n < 2 ? `One ${noun}: nothing to compare it with yet.` : `The ${many} made the same choices and their numbers stayed together.`);
  root.append(el('p', { id: 'compare-diverged', class: 'lead', text: parted.join(' ') }));
  root.append(el('h3', { text: 'Scores' }), scoresTable(sc, c, noun));
  root.append(
    el('h3', { text: 'The numbers, turn by turn' }),
    el(
      'div',
      { class: 'chart-grid-list', id: 'compare-charts' },
      ...c.trajectories.map((t) => {
        const ind = sc.def.indicators.find((d) => d.id === t.id);
        return lineChart({
          id: `compare-chart-${t.id}`,
          title: t.name,
          min: ind?.min ?? 0,
          max: ind?.max ?? 100,
          series: t.groups.map((g) => ({ label: g.name, values: g.values })),
        });
      }),
    ),
  );
  root.append(el('h3', { text: 'Who chose what' }), choicesTable(sc, c, many));
  return root;
}
