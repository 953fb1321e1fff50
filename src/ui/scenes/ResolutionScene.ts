// Turn resolution: what every actor did (with the AI's top reasons), rolled odds, and the events that followed.
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
    const rowH = this.portrait ? Math.min(86, Math.floor((this.H * 0.55 - top) / Math.max(1, results.length))) : Math.min(96, Math.floor((this.H - top - 110) / Math.max(1, results.length)));
    let y = top + 12;
    const transcript: string[] = [];
    for (const e of results) {
      const r = e.result;
      const i = sc.actorIndex.get(r.actor) ?? 0;
      const actor = sc.def.actors[i]!;
      const human = report.choices[r.actor] && s.seats[r.actor] === 'human';
      this.panel({ x: pad, y, w: colW, h: rowH - 8 }, COLOR.card, COLOR.panelEdge, 8);
      drawActorBadge(this, pad + 24, y + 24, 13, actor, i);
      this.txt(pad + 46, y + 6, `${actor.name}${human ? ' (human)' : ' (AI)'}`, { size: 13, color: CSS.muted, maxLines: 1 });
      this.txt(pad + 46, y + 22, r.label, { size: this.portrait ? 15 : 17, weight: 600, maxLines: 1, wrap: colW - 230 });
      const roll = rollText(r.odds, r.success);
      if (roll) this.txt(pad + colW - 12, y + 10, `${r.success ? '✔' : '✘'} ${roll}`, { size: this.portrait ? 14 : 16, weight: 600, align: 'right', color: r.success ? CSS.good : CSS.bad });
      const decision = report.decisions[r.actor];
      const why = decision && !human ? `Why: ${decision.reasons.map((x) => `${x.label} (${fmtDelta(x.contribution)})`).join(', ') || 'nothing better to do'}` : human ? 'Chosen by the player.' : '';
      if (why && rowH > 60) this.txt(pad + 46, y + (this.portrait ? 42 : 46), why, { size: 13, color: CSS.muted, wrap: colW - 60, maxLines: rowH > 84 ? 2 : 1 });
      transcript.push(`${actor.name}: ${r.label}${roll ? `, ${roll}` : ''}.${why && !human ? ` ${why}.` : ''}`);
      y += rowH;
    }
    const after = describeEvents(sc, report.events.filter((e) => e.type !== 'action'), report.turn);
    const ex = this.portrait ? pad : pad * 2 + colW;
    const ey = this.portrait ? y + 4 : top + 12;
    const ew = this.portrait ? this.W - pad * 2 : this.W - ex - pad;
    const eh = this.H - ey - (this.portrait ? 74 : 84);
    this.panel({ x: ex, y: ey, w: ew, h: eh }, COLOR.panel);
    this.txt(ex + 12, ey + 8, 'Events', { size: 16, weight: 600, color: CSS.accent });
    const panel = newsPanel(after, (t) => bridge.turnLabel(t));
    const changes = this.changes();
    const shared = bridge.humans().length > 1 && bridge.view().estimated.length > 0
      ? 'Numbers some of you see only as estimates are shown as the least-informed of you sees them.' : null;
    if (changes.length) panel.prepend(el('h3', { text: 'What changed' }), ...changes.map((c) => el('p', { text: c })), ...(shared ? [el('p', { class: 'muted', text: shared })] : []));
    app().twins.region(panel, { x: ex + 8, y: ey + 32, w: ew - 12, h: eh - 38 });
    for (const n of after) transcript.push(`${n.title}. ${n.text}`);
    if (changes.length) transcript.push(`What changed: ${changes.join('; ')}.`);
    app().twins.note('resolution-transcript', `Results of ${bridge.turnLabel(report.turn)}. ${transcript.join(' ')}`, 'region');
    const label = s.over ? 'See the ending' : `Continue to ${bridge.turnLabel(s.turn)}`;
    const bw = this.portrait ? this.W - pad * 2 : 320;
    this.button({ id: 'continue', label, primary: true, rect: { x: this.W - pad - bw, y: this.H - (this.portrait ? 64 : 72), w: bw, h: 54 }, onActivate: () => bridge.continueFromResolution() });
    announce(`Results of ${bridge.turnLabel(report.turn)}. ${transcript.join(' ')}`);
    app().twins.focus('continue');
  }

  /**
   * The five indicators that moved most this turn (relative to their range), in words, as the human seats may see
   * them on a shared screen: each estimated number as the least-informed of them reads it (bridge.view()).
   */
  private changes(): string[] {
    const sc = bridge.need();
    if (!bridge.report) return [];
    const view = bridge.view();
    const before = view.history[view.history.length - 2]?.indicators;
    if (!before) return [];
    return sc.def.indicators
      .map((ind, i) => ({ ind, i, from: before[i]!, to: view.indicators[i]! }))
      .filter((c) => Math.abs(c.to.value - c.from.value) >= 0.05)
      .sort((a, b) => Math.abs(b.to.value - b.from.value) / (b.ind.max - b.ind.min) - Math.abs(a.to.value - a.from.value) / (a.ind.max - a.ind.min))
      .slice(0, 5)
      .map(({ ind, i, from, to }) => {
        const band = bridge.indicatorBand(i, to.value);
        const delta = to.value - from.value;
        const seen = to.exact ? '' : ` between two estimates, each ±${fmt(to.error)}`;
        return `${ind.name}: ${readingShort(from)} → ${readingShort(to)} (${delta > 0 ? '▲' : '▼'} ${fmtDelta(delta)}${seen})${band ? `, ${band}` : ''}`;
      });
  }
}
