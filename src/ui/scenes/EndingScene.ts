// Ending: the ending and its explanation, objectives scored, indicators over time, the timeline, exports.
import { debriefMarkdown, estimateLine } from '../../analysis/debrief.js';
import { estimateNotes } from '../../analysis/estimates.js';
import { RATING_WORDS, ratingLine, ratingNumber, ratingWord, verdictLine } from '../../analysis/ratings.js';
import { reflectionPrompts } from '../../analysis/reflection.js';
import { app } from '../app.js';
import { bridge } from '../bridge.js';
import { el } from '../dom/el.js';
import { openWhatIf } from '../dom/forkDialog.js';
import { announce } from '../dom/live.js';
import { timelineTable } from '../dom/timeline.js';
import { download, historyCsv, replayJson } from '../exports.js';
import { goTitle } from '../session.js';
import { COLOR, CSS, fmt } from '../theme.js';
import { drawActorBadge } from '../widgets/actorBadge.js';
import { drawChart } from '../widgets/chart.js';
import type { ObjectiveScore } from '../../engine/index.js';
import { BaseScene } from './BaseScene.js';

type Tab = 'outcome' | 'charts' | 'timeline';

export class EndingScene extends BaseScene {
  private tab: Tab = 'outcome';
  private announcedFor = '';

  constructor() {
    super('ending');
  }

  protected build(): void {
    const sc = bridge.need();
    const s = bridge.game();
    const ending = sc.def.endings.find((e) => e.id === s.ending);
    const top = this.header(`The end: ${ending?.title ?? 'game over'}`, `${sc.def.title} · seed ${s.seed}`);
    const pad = this.portrait ? 8 : 24;
    const tabs: Array<[Tab, string]> = [
      ['outcome', 'Outcome'],
      ['charts', 'Indicators'],
      ['timeline', 'Decisions'],
    ];
    const tw = this.portrait ? (this.W - pad * 2 - 16) / 3 : 170;
    tabs.forEach(([id, label], i) =>
      this.button({
        id: `tab-${id}`,
        label: `Show ${label.toLowerCase()}`,
        text: label,
        pressed: this.tab === id,
        rect: { x: pad + i * (tw + 8), y: top + 10, w: tw, h: 40 },
        size: 15,
        onActivate: () => this.show(id),
      }),
    );
    const body = { x: pad, y: top + 60, w: this.W - pad * 2, h: this.H - top - 60 - (this.portrait ? 186 : 76) };
    if (this.tab === 'outcome') this.outcome(body);
    else if (this.tab === 'charts') this.charts(body);
    else {
      this.panel(body, COLOR.panel);
      app().twins.region(
        timelineTable(sc, s, (t) => bridge.turnLabel(t)),
        { x: body.x + 8, y: body.y + 8, w: body.w - 12, h: body.h - 14 },
      );
    }
    this.actionsBar(pad);
    if (this.announcedFor !== bridge.hash()) {
      this.announcedFor = bridge.hash() ?? '';
      announce(`The game is over: ${ending?.title ?? ''}. ${ending?.text ?? ''}`);
    }
  }

  protected override initialFocus(): string | null {
    return 'tab-outcome';
  }

  private show(tab: Tab): void {
    this.tab = tab;
    this.rebuild();
    app().twins.focus(`tab-${tab}`);
  }

  private outcome(r: { x: number; y: number; w: number; h: number }): void {
    const sc = bridge.need();
    const s = bridge.game();
    const ending = sc.def.endings.find((e) => e.id === s.ending);
    const split = this.portrait ? 0 : Math.round(r.w * 0.45);
    const textRect = this.portrait ? { x: r.x, y: r.y, w: r.w, h: Math.round(r.h * 0.4) } : { x: r.x, y: r.y, w: split - 12, h: r.h };
    this.panel(textRect, COLOR.panel);
    const box = el('div', { class: 'reading', id: 'ending-text', tabindex: 0, role: 'region', 'aria-label': 'The ending' });
    box.append(el('h2', { text: ending?.title ?? 'Game over' }), el('p', { text: ending?.text ?? '' }));
    this.verdicts(box);
    if (ending?.explanation) box.append(el('h3', { text: 'Why this ending' }), el('p', { text: ending.explanation }));
    const estimates = estimateNotes(sc, s);
    if (estimates.length) {
      box.append(
        el('h3', { text: 'Numbers seen only as estimates' }),
        el('p', {
          class: 'muted',
          text: 'During play these numbers were shown to some roles only as estimates. Every figure on this screen, in the charts and in the exports is the true one.',
        }),
      );
      box.append(el('ul', { id: 'ending-estimates' }, ...estimates.map((n) => el('li', { text: estimateLine(sc, s, n) }))));
    }
    this.reflect(box);
    const qs = sc.def.instructor?.discussionQuestions ?? [];
    if (qs.length) box.append(el('h3', { text: 'For discussion' }), el('ul', {}, ...qs.map((q) => el('li', { text: q }))));
    app().twins.region(box, { x: textRect.x + 8, y: textRect.y + 8, w: textRect.w - 12, h: textRect.h - 14 });
    const or = this.portrait ? { x: r.x, y: r.y + textRect.h + 8, w: r.w, h: r.h - textRect.h - 8 } : { x: r.x + split, y: r.y, w: r.w - split, h: r.h };
    this.panel(or, COLOR.panel);
    this.txt(or.x + 12, or.y + 8, 'Objectives scored', { size: 16, weight: 600, color: CSS.accent });
    // The human roles first: their own scores are what they look for.
    const scores = [...bridge.objectives()].sort((a, b) => Number(s.seats[b.actor] === 'human') - Number(s.seats[a.actor] === 'human'));
    const list = { x: or.x, y: or.y + 36, w: or.w, h: or.h - 44 };
    const full = scores.reduce((sum, sc0) => sum + 21 + 19 + sc0.objectives.length * 36 + 10, 0) <= list.h;
    let y = list.y;
    scores.forEach((score, k) => {
      // Every role gets its line: when the full layout would not fit, each has an equal share and its objectives one line each.
      const share = full ? Infinity : Math.floor((list.y + list.h - y) / (scores.length - k));
      const end = y + share;
      y = this.scoreBlock(score, ending?.ratings?.[score.actor], { x: or.x, y, w: or.w }, full, end);
      app().twins.note(`objectives-${score.actor}`, this.scoreNote(score, ending?.ratings?.[score.actor]));
    });
  }

  /** One role's score from `at.y`, its objectives while they fit above `end`; returns where the next starts. */
  private scoreBlock(score: ObjectiveScore, rating: number | undefined, at: { x: number; y: number; w: number }, full: boolean, end: number): number {
    const sc = bridge.need();
    const s = bridge.game();
    const i = sc.actorIndex.get(score.actor) ?? 0;
    const a = sc.def.actors[i]!;
    const wrap = at.w - 56;
    let y = at.y;
    drawActorBadge(this, at.x + 24, y + 11, full ? 11 : 9, a, i);
    const head = this.txt(at.x + 44, y + 1, `${a.name}${s.seats[a.id] === 'human' ? ' (human)' : ''}: ${score.score} of ${score.max} points`, {
      size: 15,
      weight: 600,
      maxLines: 1,
      wrap,
    });
    const said = rating !== undefined ? ratingLine(sc, a.id, rating) : null;
    const tone = rating === undefined ? CSS.muted : rating > 0 ? CSS.good : rating < 0 ? CSS.bad : CSS.muted;
    if (said && full) {
      y += 21;
      this.txt(at.x + 44, y, said, { size: 13, weight: 600, color: tone, maxLines: 1, wrap });
      y += 19;
    } else {
      if (said)
        this.txt(at.x + 44 + head.width + 10, y + 3, `${ratingWord(rating!)} (${ratingNumber(rating!)})`, {
          size: 13,
          weight: 600,
          color: tone,
          maxLines: 1,
          wrap: Math.max(40, wrap - head.width - 10),
        });
      y += 20;
    }
    const partText = (o: ObjectiveScore['objectives'][number]) =>
      o.kind === 'ending' && rating !== undefined ? `Ending: ${ratingWord(rating)} (${ratingNumber(rating)})` : o.label;
    const rowH = full ? 0 : 16;
    const shown = full ? score.objectives : score.objectives.slice(0, Math.max(0, Math.floor((end - y - 6) / rowH)));
    const left = score.objectives.length - shown.length;
    const rows = left > 0 && shown.length > 0 ? shown.slice(0, -1) : shown;
    for (const o of rows) {
      const text = o.kind === 'ending' ? `◆ ${o.earned} of ${o.points} · ${partText(o)}` : `${o.met ? '✔ met' : '✘ not met'} · ${o.label} (${o.points})`;
      const line = this.txt(at.x + 44, y, text, { size: full ? 13 : 12, color: o.met ? CSS.good : CSS.muted, wrap, maxLines: full ? 2 : 1 });
      y += full ? line.height + 2 : rowH;
    }
    const hidden = score.objectives.length - rows.length;
    if (hidden > 0 && end - y >= rowH) {
      this.txt(
        at.x + 44,
        y,
        `${score.objectives.filter((o) => o.met).length} of ${score.objectives.length} met · ${hidden} more in the debrief and the screen-reader text`,
        { size: 12, color: CSS.muted, wrap, maxLines: 1 },
      );
      y += rowH;
    }
    return y + (full ? 10 : 6);
  }

  /** A role's score for screen readers: points, the rating in words, each objective met or not. */
  private scoreNote(score: ObjectiveScore, rating: number | undefined): string {
    const sc = bridge.need();
    const name = sc.def.actors[sc.actorIndex.get(score.actor) ?? -1]?.name ?? score.actor;
    const said = rating !== undefined ? ` ${ratingLine(sc, score.actor, rating)}.` : '';
    const parts = score.objectives.map((o) =>
      o.kind === 'ending'
        ? `Ending${rating !== undefined ? `: ${ratingWord(rating)} (${ratingNumber(rating)})` : ''}: ${o.earned} of ${o.points} points`
        : `${o.label}: ${o.met ? 'met' : 'not met'}, ${o.points} points`,
    );
    return `${name}: ${score.score} of ${score.max} points.${said} ${parts.join('. ')}.`;
  }

  /** The roles the verdicts and reflection speak to: the human ones, or every role when the AI played them all. */
  private roles(): string[] {
    const humans = bridge.humans();
    return humans.length ? humans : bridge.need().def.actors.map((a) => a.id);
  }

  /** Each role's verdict (see roles()), and what the rating words mean. */
  private verdicts(box: HTMLElement): void {
    const sc = bridge.need();
    const s = bridge.game();
    const ending = sc.def.endings.find((e) => e.id === s.ending);
    const humans = bridge.humans();
    const roles = this.roles();
    const scores = bridge.objectives();
    const verdicts = el('ul', { id: 'ending-verdicts' });
    for (const id of roles) {
      const score = scores.find((x) => x.actor === id);
      if (score) verdicts.append(el('li', { text: verdictLine(sc, score, ending?.ratings?.[id]) }));
    }
    box.append(el('h3', { text: humans.length === 1 ? 'Your verdict' : 'Verdicts' }), verdicts);
    const words = Object.entries(RATING_WORDS)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([r, w]) => `${ratingNumber(Number(r))} ${w}`)
      .join(', ');
    box.append(el('p', { class: 'source', text: `Each government rates the ending from −2 to +2: ${words}. The rating also scores points.` }));
  }

  /** Reflection prompts from each role's own game (see roles()). */
  private reflect(box: HTMLElement): void {
    const sc = bridge.need();
    const s = bridge.game();
    const roles = this.roles();
    const reflect = el('div', { id: 'ending-reflect' });
    for (const id of roles) {
      const prompts = reflectionPrompts(sc, s, id);
      if (!prompts.length) continue;
      if (roles.length > 1) reflect.append(el('h4', { text: sc.def.actors[sc.actorIndex.get(id) ?? -1]?.name ?? id }));
      reflect.append(el('ol', {}, ...prompts.map((p) => el('li', { text: p }))));
    }
    if (reflect.childElementCount) box.append(el('h3', { text: 'Reflect' }), reflect);
  }

  private charts(r: { x: number; y: number; w: number; h: number }): void {
    const sc = bridge.need();
    const s = bridge.game();
    const n = sc.def.indicators.length;
    const cols = this.portrait ? 2 : n > 9 ? 4 : 3;
    const rows = Math.max(1, Math.ceil(n / cols));
    const gap = 8;
    const cw = (r.w - gap * (cols - 1)) / cols;
    const ch = Math.max(70, (r.h - gap * (rows - 1)) / rows);
    sc.def.indicators.forEach((ind, i) => {
      const cr = { x: r.x + (i % cols) * (cw + gap), y: r.y + Math.floor(i / cols) * (ch + gap), w: cw, h: ch };
      if (cr.y + cr.h > r.y + r.h + 2) return;
      const values = s.history.map((h) => h.indicators[i] ?? 0);
      const truth = ind.estimate ? ' (true values; some roles saw only estimates)' : '';
      drawChart(this, cr, { name: `${ind.name}${ind.estimate ? ' · true' : ''}`, values, min: ind.min, max: ind.max, bands: ind.bands ?? [] });
      app().twins.button({
        id: `chart-${ind.id}`,
        label: `${ind.name} over time${truth}`,
        description: `From start to the end: ${values.map(fmt).join(', ')}.`,
        rect: cr,
        onActivate: () => announce(`${ind.name}${truth}: ${values.map(fmt).join(', ')}`),
      });
    });
  }

  private actionsBar(pad: number): void {
    const sc = bridge.need();
    const s = bridge.game();
    const base = `${sc.def.id}-${s.seed}`.replace(/[^A-Za-z0-9_.-]+/g, '_');
    const buttons: Array<[string, string, () => void, boolean]> = [
      ['export-replay', 'Export replay (JSON)', () => download(`${base}.replay.json`, 'application/json', replayJson(bridge.replay())), false],
      [
        'export-csv',
        'Export history (CSV)',
        () =>
          download(
            `${base}.history.csv`,
            'text/csv',
            historyCsv(sc, s, (t) => bridge.turnLabel(t)),
          ),
        false,
      ],
      ['export-debrief', 'Export debrief (Markdown)', () => download(`${base}.debrief.md`, 'text/markdown', debriefMarkdown(sc, s)), false],
      ['what-if', 'What if…', () => openWhatIf(sc, s, 1, base), false],
      ['play-again', 'Play again', () => bridge.show({ name: 'setup' }), true],
      ['to-title', 'Title screen', goTitle, false],
    ];
    const cols = this.portrait ? 2 : buttons.length;
    const bw = this.portrait ? (this.W - pad * 2 - 8) / 2 : Math.min(230, (this.W - pad * 2 - (cols - 1) * 10) / cols);
    const x0 = this.portrait ? pad : this.W - pad - cols * bw - (cols - 1) * 10;
    buttons.forEach(([id, label, fn, primary], i) => {
      const row = Math.floor(i / cols);
      const y = this.H - (this.portrait ? 180 : 66) + row * 58;
      this.button({ id, label, primary, rect: { x: x0 + (i % cols) * (bw + (this.portrait ? 8 : 10)), y, w: bw, h: 50 }, size: 15, onActivate: fn });
    });
  }
}
