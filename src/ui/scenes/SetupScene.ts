// Setup: each role played by a human or the AI (hot-seat for several humans), the shared seed, start.
import { AI_LEVELS, aiLevelOf, type AiLevel } from '../aiLevel.js';
import { app } from '../app.js';
import { bridge } from '../bridge.js';
import { announce } from '../dom/live.js';
import { drawActorBadge } from '../widgets/actorBadge.js';
import { freshSeed } from '../seed.js';
import { seedProblem } from '../urlParams.js';
import { savedGames } from '../saveSlots.js';
import { goTitle, rememberScreen } from '../session.js';
import { COLOR, CSS } from '../theme.js';
import { BaseScene } from './BaseScene.js';

export class SetupScene extends BaseScene {
  private humans = new Set<string>();
  private seed = '';
  private error = '';
  private forScenario = '';
  private ai: AiLevel = aiLevelOf(null);

  constructor() {
    super('setup');
  }

  protected build(): void {
    const sc = bridge.need();
    if (this.forScenario !== sc.hash) {
      this.forScenario = sc.hash;
      this.humans = new Set(sc.actors[0] ? [sc.actors[0].id] : []);
      this.seed = freshSeed();
      this.error = '';
      this.ai = aiLevelOf(null);
    }
    const def = sc.def;
    const top = this.header(`Set up: ${def.title}`, `${def.actors.length} roles · ${def.turns.count} turns`);
    const pad = this.portrait ? 12 : 24;
    let y = top + 16;
    this.txt(pad, y, 'Who plays each role?', { size: 19, weight: 600, color: CSS.accent });
    this.txt(pad, y + 28, 'Several humans share this screen and take turns (hot-seat). The AI plays the rest.', {
      size: 14,
      color: CSS.muted,
      wrap: this.W - pad * 2,
    });
    y += this.portrait ? 72 : 60;
    const cols = this.portrait ? 1 : def.actors.length > 6 ? 3 : 2;
    const gap = 12;
    const cw = (this.W - pad * 2 - gap * (cols - 1)) / cols;
    const rowH = this.portrait ? 50 : 56;
    def.actors.forEach((a, i) => {
      const r = { x: pad + (i % cols) * (cw + gap), y: y + Math.floor(i / cols) * (rowH + 8), w: cw, h: rowH };
      const human = this.humans.has(a.id);
      this.panel(r, human ? 0x23384a : COLOR.card, human ? COLOR.accent : COLOR.panelEdge, 8);
      drawActorBadge(this, r.x + 26, r.y + rowH / 2, 15, a, sc.def.actors.indexOf(a));
      this.txt(r.x + 52, r.y + (rowH - 22) / 2, a.name, { size: 17, weight: 600, maxLines: 1, wrap: r.w - 170 });
      const tag = human ? 'Human' : 'AI';
      this.txt(r.x + r.w - 16, r.y + (rowH - 22) / 2, tag, { size: 17, weight: 600, align: 'right', color: human ? CSS.accent : CSS.muted });
      app().twins.button({
        id: `seat-${a.id}`,
        label: `${a.name}: played by ${human ? 'a human' : 'the AI'}`,
        description: 'Activate to switch between human and AI.',
        pressed: human,
        rect: r,
        onActivate: () => this.toggle(a.id, a.name),
      });
    });
    y += Math.ceil(def.actors.length / cols) * (rowH + 8) + 16;
    this.txt(pad, y, 'Seed', { size: 19, weight: 600, color: CSS.accent });
    this.txt(pad + 60, y + 3, 'Everyone who enters the same seed gets the same dice.', { size: 14, color: CSS.muted, wrap: this.W - pad * 2 - 60 });
    y += this.portrait ? 48 : 34;
    const seedW = this.portrait ? this.W - pad * 2 : 420;
    app().twins.input({
      id: 'seed',
      label: 'Seed',
      value: this.seed,
      rect: { x: pad, y, w: seedW, h: 46 },
      maxLength: 200,
      onInput: (v) => {
        this.seed = v;
      },
    });
    const newX = this.portrait ? pad : pad + seedW + 12;
    const newY = this.portrait ? y + 56 : y;
    this.button({ id: 'new-seed', label: 'New seed', rect: { x: newX, y: newY, w: 150, h: 46 }, onActivate: () => this.newSeed() });
    const aiX = newX + 162;
    this.button({
      id: 'ai-level',
      label: `AI difficulty: ${this.ai.name}`,
      text: `AI: ${this.ai.name}`,
      rect: { x: aiX, y: newY, w: Math.min(240, this.W - pad - aiX), h: 46 },
      description: `${this.ai.text}. Activate to switch between ${AI_LEVELS.map((l) => l.name).join(', ')}.`,
      onActivate: () => this.nextAi(),
    });
    y = newY + 66;
    if (this.error) this.txt(pad, y - 12, this.error, { size: 15, color: CSS.bad, wrap: this.W - pad * 2 });
    const humans = [...this.humans];
    const who =
      humans.length === 0
        ? 'Nobody plays: you watch the AI play every role.'
        : `${humans.length} human${humans.length === 1 ? '' : 's'}: ${def.actors
            .filter((a) => this.humans.has(a.id))
            .map((a) => a.name)
            .join(', ')}.`;
    this.txt(pad, y + 14, who, { size: 15, color: CSS.text, wrap: this.W - pad * 2 });
    const kept = savedGames().length;
    const below = y + 20 + this.lineCount(who, { size: 15, wrap: this.W - pad * 2 }) * 21;
    if (kept > 0)
      this.txt(pad, below, `Your ${kept === 1 ? 'saved game is' : `${kept} saved games are`} kept: this game is saved beside ${kept === 1 ? 'it' : 'them'}.`, {
        size: 14,
        color: CSS.muted,
        wrap: this.W - pad * 2,
      });
    const by = this.H - (this.portrait ? 70 : 78);
    this.button({ id: 'back', label: 'Back to the scenarios', text: 'Back', rect: { x: pad, y: by, w: 140, h: 50 }, onActivate: goTitle });
    this.button({ id: 'start', label: 'Start the game', primary: true, rect: { x: this.W - pad - 220, y: by, w: 220, h: 50 }, onActivate: () => this.start() });
  }

  private toggle(id: string, name: string): void {
    if (this.humans.has(id)) this.humans.delete(id);
    else this.humans.add(id);
    this.rebuild();
    announce(`${name}: ${this.humans.has(id) ? 'human' : 'AI'}`);
    app().twins.focus(`seat-${id}`);
  }

  private newSeed(): void {
    this.seed = freshSeed();
    this.rebuild();
    announce(`New seed ${this.seed}`);
    app().twins.focus('new-seed');
  }

  private nextAi(): void {
    const i = AI_LEVELS.findIndex((l) => l.id === this.ai.id);
    this.ai = AI_LEVELS[(i + 1) % AI_LEVELS.length]!;
    this.rebuild();
    announce(`AI difficulty: ${this.ai.name}; ${this.ai.text}`);
    app().twins.focus('ai-level');
  }

  private start(): void {
    const seed = this.seed.trim();
    const problem = seedProblem(seed);
    if (problem) {
      this.error = `The seed cannot be used: ${problem}.`;
      this.rebuild();
      app().twins.focus('seed');
      return;
    }
    const sc = bridge.need();
    const seats: Record<string, 'human' | 'ai'> = {};
    for (const a of sc.actors) seats[a.id] = this.humans.has(a.id) ? 'human' : 'ai';
    this.forScenario = '';
    rememberScreen('game');
    bridge.newGame({ seed, seats, aiFuzz: this.ai.fuzz });
  }
}
