// Hand-over between hot-seat players: hides one seat's choice from the next until they are ready.
import { bridge } from '../bridge.js';
import { app } from '../app.js';
import { announce } from '../dom/live.js';
import { COLOR, CSS } from '../theme.js';
import { drawActorBadge } from '../widgets/actorBadge.js';
import { BaseScene } from './BaseScene.js';

export class HandoverScene extends BaseScene {
  constructor() {
    super('handover');
  }

  protected build(): void {
    const seat = bridge.seatActorDef();
    if (!seat) return;
    const { actor, index } = seat;
    const p = bridge.phase;
    const then = p.name === 'handover' ? p.then : 'main';
    const cx = this.W / 2;
    const cy = this.H / 2;
    const w = Math.min(this.W - 24, 640);
    this.panel({ x: cx - w / 2, y: cy - 200, w, h: 400 }, COLOR.panel, COLOR.accent, 14);
    this.txt(cx, cy - 176, 'Pass the screen', { size: 18, color: CSS.muted, align: 'center' });
    drawActorBadge(this, cx, cy - 98, 40, actor, index);
    this.txt(cx, cy - 44, actor.name, { size: 30, weight: 600, align: 'center', wrap: w - 40 });
    const what = then === 'briefing' ? 'reads the briefing for this role' : `chooses for ${bridge.turnLabel(bridge.game().turn)}`;
    this.txt(cx, cy + 6, `${actor.name} ${what}.`, { size: 17, align: 'center', wrap: w - 60 });
    this.txt(cx, cy + 40, "Other players, please look away. Nothing of the previous player's choice is shown.", {
      size: 15,
      color: CSS.muted,
      align: 'center',
      wrap: w - 60,
    });
    this.button({
      id: 'ready',
      label: `I am ${actor.name}: show my screen`,
      text: `I am ${actor.name} — ready`,
      primary: true,
      rect: { x: cx - 200, y: cy + 110, w: 400, h: 56 },
      onActivate: () => bridge.handoverReady(),
    });
    announce(`Pass the screen to ${actor.name}. Press the ready button when ${actor.name} has the screen.`);
    app().twins.focus('ready');
  }
}
