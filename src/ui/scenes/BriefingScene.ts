// Briefing for each human role: biography, objectives, and the situation with its sources.
import { aiLevelOf } from '../aiLevel.js';
import { app } from '../app.js';
import { bridge } from '../bridge.js';
import { briefingBody } from '../dom/briefingText.js';
import { el } from '../dom/el.js';
import { goTitle } from '../session.js';
import { COLOR, CSS } from '../theme.js';
import { drawActorBadge } from '../widgets/actorBadge.js';
import { BaseScene } from './BaseScene.js';

export class BriefingScene extends BaseScene {
  constructor() {
    super('briefing');
  }

  protected build(): void {
    const sc = bridge.need();
    const seat = bridge.seatActorDef();
    if (!seat) return;
    const { actor, index } = seat;
    const review = bridge.phase.name === 'review';
    const top = this.header(`Briefing: ${actor.name}`, `${sc.def.title} · AI: ${aiLevelOf(bridge.game().aiFuzz).name}`);
    const pad = this.portrait ? 12 : 24;
    const side = this.portrait ? 0 : 260;
    if (!this.portrait) {
      this.panel({ x: pad, y: top + 16, w: side - 12, h: this.H - top - 110 }, COLOR.card);
      drawActorBadge(this, pad + (side - 12) / 2, top + 90, 46, actor, index);
      this.txt(pad + (side - 12) / 2, top + 150, actor.name, { size: 20, weight: 600, align: 'center', wrap: side - 40 });
      const objectives = actor.objectives.reduce((t, o) => t + o.points, 0);
      this.txt(pad + (side - 12) / 2, top + 186, `${actor.objectives.length} objectives · ${objectives} points`, {
        size: 14,
        color: CSS.muted,
        align: 'center',
        wrap: side - 40,
      });
    }
    const x = pad + side;
    const w = this.W - x - pad;
    const h = this.H - top - 110;
    this.panel({ x, y: top + 16, w, h }, COLOR.panel);
    const body = el('div', { class: 'reading', id: 'briefing-text', tabindex: 0, role: 'region', 'aria-label': `Briefing for ${actor.name}` });
    const ai = aiLevelOf(bridge.game().aiFuzz);
    body.append(el('p', { class: 'source', id: 'briefing-ai', text: `AI difficulty: ${ai.name} (${ai.text}).` }), briefingBody(sc.def, actor.id));
    app().twins.region(body, { x: x + 10, y: top + 22, w: w - 14, h: h - 12 });
    const by = this.H - (this.portrait ? 76 : 80);
    const label = review ? 'Back to the game' : 'Begin';
    this.button({
      id: 'briefing-title',
      label: 'Back to the title screen (the game is saved)',
      text: 'Title screen',
      rect: { x: pad, y: by, w: this.portrait ? 150 : 190, h: 54 },
      onActivate: goTitle,
    });
    this.button({ id: 'begin', label, primary: true, rect: { x: this.W - pad - 240, y: by, w: 240, h: 54 }, onActivate: () => bridge.finishBriefing() });
    app().twins.focus('briefing-text');
  }
}
