// Turn resolution: the player's own choice and what it did first, then the other actors (with the AI's top reasons), then the events in time order.
import { choiceEffectLines, choiceEffects, type ChoiceEffects } from '../../analysis/choiceEffects.js';
import { app } from '../app.js';
import { bridge } from '../bridge.js';
import { announce } from '../dom/live.js';
import { el } from '../dom/el.js';
import { newsPanel } from '../dom/newsPanel.js';
import { describeEvents, rollText } from '../news.js';
import { readingShort } from '../readings.js';
import { COLOR, CSS, fmt, fmtDelta } from '../theme.js';
import { drawActorBadge } from '../widgets/actorBadge.js';
import { BaseScene } from './BaseScene.js';

/** A title in curly quotes, unless it starts with quotes of its own. */
const quoted = (t: string) => (/^["“‘']/.test(t) ? t : `“${t}”`);

export class ResolutionScene extends BaseScene {
  constructor() {
    super('resolution');
  }

  protected build(): void {
    const sc = bridge.need();
    const s = bridge.game();
    const report = bridge.report;
    if (!report) return;
    const top = this.header(`What happened: ${bridge.turnLabel(report.turn)}`, `Turn ${report.turn} of ${sc.def.turns.count} resolved · ${sc.def.title}`);
    const pad = this.portrait ? 8 : 24;
    const colW = this.portrait ? this.W - pad * 2 : Math.round(this.W * 0.6);
    const results = report.events.filter((e) => e.type === 'action');
    const humans = bridge.humans();
    const own = this.ownEffects();
    const others = results.filter((e) => !humans.includes(e.result.actor));
    const transcript: string[] = [];
    let y = top + 12;
    if (own.length) {
      const ownH = this.portrait ? 210 : Math.min(230, 120 + own.length * 70);
      this.panel({ x: pad, y, w: colW, h: ownH - 8 }, COLOR.card, COLOR.accent, 8);
      const box = this.ownBox(own, transcript);
      app().twins.region(box, { x: pad + 6, y: y + 4, w: colW - 10, h: ownH - 16 });
      y += ownH;
    }
    const room = this.portrait ? this.H * 0.62 - y : this.H - y - 98;
    const rowH = Math.max(40, Math.min(this.portrait ? 80 : 88, Math.floor(room / Math.max(1, others.length))));
    if (own.length && others.length) transcript.push('The others:');
    for (const e of others) {
      const r = e.result;
      const i = sc.actorIndex.get(r.actor) ?? 0;
      const actor = sc.def.actors[i]!;
      this.panel({ x: pad, y, w: colW, h: rowH - 6 }, COLOR.card, COLOR.panelEdge, 8);
      drawActorBadge(this, pad + 24, y + Math.min(24, (rowH - 6) / 2), 13, actor, i);
      this.txt(pad + 46, y + 4, `${actor.name}${s.seats[r.actor] === 'human' ? ' (human)' : ' (AI)'}`, { size: 13, color: CSS.muted, maxLines: 1 });
      this.txt(pad + 46, y + 19, r.label, { size: this.portrait ? 15 : 16, weight: 600, maxLines: 1, wrap: colW - 230 });
      const roll = rollText(r.odds, r.success);
      if (roll)
        this.txt(pad + colW - 12, y + 8, `${r.success ? '✔' : '✘'} ${roll}`, {
          size: this.portrait ? 14 : 15,
          weight: 600,
          align: 'right',
          color: r.success ? CSS.good : CSS.bad,
        });
      const decision = report.decisions[r.actor];
      const why = decision ? `Why: ${decision.reasons.map((x) => `${x.label} (${fmtDelta(x.contribution)})`).join(', ') || 'nothing better to do'}` : '';
      if (why && rowH > 56)
        this.txt(pad + 46, y + (this.portrait ? 38 : 40), why, { size: 13, color: CSS.muted, wrap: colW - 60, maxLines: rowH > 80 ? 2 : 1 });
      transcript.push(`${actor.name}: ${r.label}${roll ? `, ${roll}` : ''}.${why ? ` ${why}.` : ''}`);
      y += rowH;
    }
    const after = describeEvents(
      sc,
      report.events.filter((e) => e.type !== 'action'),
      report.turn,
    );
    const ex = this.portrait ? pad : pad * 2 + colW;
    const ey = this.portrait ? y + 4 : top + 12;
    const ew = this.portrait ? this.W - pad * 2 : this.W - ex - pad;
    const eh = this.H - ey - (this.portrait ? 74 : 84);
    this.panel({ x: ex, y: ey, w: ew, h: eh }, COLOR.panel);
    this.txt(ex + 12, ey + 8, 'Events', { size: 16, weight: 600, color: CSS.accent });
    const panel = newsPanel(after, (t) => bridge.turnLabel(t));
    const changes = this.changes(own);
    const shared =
      humans.length > 1 && bridge.view().estimated.length > 0
        ? 'Numbers some of you see only as estimates are shown as the least-informed of you sees them.'
        : null;
    if (changes.length)
      panel.prepend(
        el('h3', { text: 'What changed' }),
        el('ul', { id: 'what-changed' }, ...changes.map((c) => el('li', { text: c }))),
        ...(shared ? [el('p', { class: 'muted', text: shared })] : []),
      );
    app().twins.region(panel, { x: ex + 8, y: ey + 32, w: ew - 12, h: eh - 38 });
    for (const n of after) transcript.push(`${n.title}. ${n.text}`);
    if (changes.length) transcript.push(`What changed: ${changes.join('; ')}.`);
    app().twins.note('resolution-transcript', `Results of ${bridge.turnLabel(report.turn)}. ${transcript.join(' ')}`, 'region');
    const label = s.over ? 'See the ending' : `Continue to ${bridge.turnLabel(s.turn)}`;
    const bw = this.portrait ? this.W - pad * 2 : 320;
    this.button({
      id: 'continue',
      label,
      primary: true,
      rect: { x: this.W - pad - bw, y: this.H - (this.portrait ? 64 : 72), w: bw, h: 54 },
      onActivate: () => bridge.continueFromResolution(),
    });
    announce(`Results of ${bridge.turnLabel(report.turn)}. ${transcript.join(' ')}`);
    app().twins.focus('continue');
  }

  /** What each human seat's own choice did this turn, from the turn's ledger. */
  private ownEffects(): ChoiceEffects[] {
    const rec = bridge.game().history.at(-1);
    if (!rec || !bridge.report) return [];
    return bridge.humans().map((id) => choiceEffects(bridge.need(), rec, id));
  }

  /** The readable box of the human seats' own choices: the action, its roll and outcome, and every change it caused. */
  private ownBox(own: ChoiceEffects[], transcript: string[]): HTMLElement {
    const sc = bridge.need();
    const view = bridge.view();
    const hidden = (target: string) => {
      const [kind, id = ''] = target.split(/:(.*)/s);
      return kind === 'indicator' && view.indicators[sc.indicatorIndex.get(id) ?? -1]?.exact === false;
    };
    const box = el('div', {
      class: 'reading own-results',
      id: 'own-results',
      tabindex: 0,
      role: 'region',
      'aria-label': own.length > 1 ? 'Your choices and what they did' : 'Your choice and what it did',
    });
    for (const fx of own) {
      const name = sc.def.actors[sc.actorIndex.get(fx.actor) ?? -1]?.name ?? fx.actor;
      const r = fx.result;
      const roll = r ? rollText(r.odds, r.success) : null;
      const lines = choiceEffectLines(fx, hidden);
      box.append(el('h3', { text: own.length > 1 ? `${name}'s choice` : `Your choice (${name})` }));
      if (r)
        box.append(
          el('p', {}, el('strong', { text: r.label }), roll ? el('span', { class: r.success ? 'up' : 'down', text: ` ${r.success ? '✔' : '✘'} ${roll}` }) : ''),
        );
      if (fx.outcome) box.append(el('p', { text: fx.outcome }));
      for (const a of fx.answers) box.append(el('p', { class: 'source', text: `Your answer to ${quoted(a.title)}: ${a.option}` }));
      box.append(el('ul', { class: 'own-changes' }, ...lines.map((l) => el('li', { text: l }))));
      transcript.push(
        `${own.length > 1 ? `${name}'s choice` : 'Your choice'}: ${r?.label ?? ''}${roll ? `, ${roll}` : ''}.${fx.outcome ? ` ${fx.outcome}` : ''} ${lines.join('. ')}.`,
      );
    }
    return box;
  }

  /**
   * The five indicators that moved most this turn (relative to their range), plus every one the human seats' own
   * choices moved, in words, as the human seats may see them on a shared screen: each estimated number as the
   * least-informed of them reads it (bridge.view()). A number the players' own choice moved says by how much.
   */
  private changes(own: ChoiceEffects[]): string[] {
    const sc = bridge.need();
    if (!bridge.report) return [];
    const view = bridge.view();
    const before = view.history[view.history.length - 2]?.indicators;
    if (!before) return [];
    const mine = new Map<number, { cost: number; rest: number }>();
    for (const fx of own) {
      for (const c of fx.changes) {
        if (!c.target.startsWith('indicator:') || c.part === 'delayed') continue;
        const i = sc.indicatorIndex.get(c.target.slice('indicator:'.length));
        if (i === undefined) continue;
        const m = mine.get(i) ?? { cost: 0, rest: 0 };
        if (c.part === 'cost') m.cost += c.delta;
        else m.rest += c.delta;
        mine.set(i, m);
      }
    }
    const moved = sc.def.indicators
      .map((ind, i) => ({ ind, i, from: before[i]!, to: view.indicators[i]! }))
      .filter((c) => Math.abs(c.to.value - c.from.value) >= 0.05 || mine.has(c.i));
    const size = (c: (typeof moved)[number]) => Math.abs(c.to.value - c.from.value) / (c.ind.max - c.ind.min);
    const biggest = [...moved].sort((a, b) => size(b) - size(a)).slice(0, 5);
    const shown = moved.filter((c) => mine.has(c.i) || biggest.includes(c)).sort((a, b) => Number(mine.has(b.i)) - Number(mine.has(a.i)) || size(b) - size(a));
    return shown.map(({ ind, i, from, to }) => {
      const band = bridge.indicatorBand(i, to.value);
      const delta = to.value - from.value;
      const seen = to.exact ? '' : ` between two estimates, each ±${fmt(to.error)}`;
      const yours = mine.get(i);
      const parts = yours
        ? [yours.cost ? `your cost ${fmtDelta(yours.cost)}` : '', yours.rest ? `your choice ${fmtDelta(yours.rest)}` : ''].filter(Boolean)
        : [];
      const part = !yours ? '' : to.exact ? `; ${parts.join(', ')}` : '; your choice moved it';
      return `${ind.name}: ${readingShort(from)} → ${readingShort(to)} (${Math.abs(delta) < 0.05 ? 'no net change' : `${delta > 0 ? '▲' : '▼'} ${fmtDelta(delta)}`}${seen}${part})${band ? `, ${band}` : ''}`;
    });
  }
}
