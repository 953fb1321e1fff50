// Title: the bundled scenarios with their summaries, the saved games (continue or delete each), open a scenario file, messages.
import { app } from './app.js';
import { bridge } from './bridge.js';
import { summaryOf, type CatalogEntry } from './catalog.js';
import { openDialog } from './dom/dialog.js';
import { button as domButton, el } from './dom/el.js';
import { announce } from './dom/live.js';
import { enableDrop, filePicker } from './dom/filePicker.js';
import { FLAGSHIP } from './bundled.js';
import { download } from './exports.js';
import { openCompare } from './dom/compareDialog.js';
import { openInstructorView } from './dom/instructorView.js';
import { openRunClass } from './classroom/createForm.js';
import { openJoinClass } from './classroom/joinForm.js';
import { openFile } from './openFile.js';
import type { ButtonOptions, Painter } from './painter.js';
import type { SaveData } from './saves.js';
import { deleteSlot, savedGames, summariseSave, type SlotSummary } from './saveSlots.js';
import { continueSlot, fileUnreadable, rememberScreen } from './session.js';
import { COLOR, CSS } from './theme.js';

/** The first saved game listed (the list pages through older games when they do not all fit). */
let firstListed = 0;

/** The title screen, drawn by a Phaser scene or, before Phaser has loaded, by the DOM painter. */
export class TitleView {
  constructor(
    private readonly p: Painter,
    private readonly catalog: CatalogEntry[],
  ) {}

  get W(): number {
    return this.p.W;
  }
  get H(): number {
    return this.p.H;
  }
  get portrait(): boolean {
    return this.p.portrait;
  }
  private txt(...a: Parameters<Painter['txt']>): void {
    this.p.txt(...a);
  }
  private panel(...a: Parameters<Painter['panel']>): void {
    this.p.panel(...a);
  }
  private button(o: ButtonOptions): HTMLButtonElement {
    return this.p.button(o);
  }
  private rebuild(): void {
    this.p.rebuild();
  }

  build(): void {
    rememberScreen('title');
    enableDrop(openFile, fileUnreadable, openCompare);
    const top = this.p.header('Statecraft', 'Turn-based scenarios for international-relations exercises');
    const pad = this.portrait ? 12 : 24;
    const colW = this.portrait ? this.W - pad * 2 : Math.round(this.W * 0.56);
    let y = top + (this.portrait ? 12 : 20);
    app().twins.heading(2, 'Choose a scenario');
    this.txt(pad, y, 'Choose a scenario', { size: this.portrait ? 17 : 19, weight: 600, color: CSS.accent });
    y += 32;
    this.catalog.forEach((entry, i) => {
      const cardH = this.scenarioCard(entry, i, pad, y, colW);
      y += cardH + 12;
    });
    const x2 = this.portrait ? pad : pad * 2 + colW;
    const w2 = this.portrait ? this.W - pad * 2 : this.W - x2 - pad;
    let y2 = this.portrait ? y + 4 : top + 52;
    y2 = this.sideColumn(x2, y2, w2);
    this.messages(x2, y2, w2, this.H - y2 - (this.portrait ? 40 : 44));
    this.txt(this.W / 2, this.H - (this.portrait ? 30 : 32), 'Press ? for the keyboard keys', { size: 14, color: CSS.muted, align: 'center' });
    this.p.keys((key) => {
      const entry = this.catalog?.[Number(key) - 1];
      if (!entry) return false;
      this.play(entry);
      return true;
    });
  }

  /** Draws a scenario's card, tall enough for its whole summary; returns its height. */
  private scenarioCard(entry: CatalogEntry, i: number, x: number, y: number, w: number): number {
    const ok = entry.summary;
    const title = ok?.title ?? entry.file;
    const titleSize = this.portrait ? 17 : 20;
    // A long title takes a second line (never cut), moving the rest of the card down.
    const extra = (Math.min(2, this.p.lineCount(title, { size: titleSize, weight: 600, wrap: w - 56 })) - 1) * Math.ceil(titleSize * 1.3);
    const size = this.portrait ? 13 : 15;
    const summaryY = (this.portrait ? 58 : 64) + extra;
    const lines = ok?.summary ? this.p.lineCount(ok.summary, { size, wrap: w - 56 }) : 0;
    const h = Math.max(this.portrait ? 118 : 132, summaryY + Math.ceil(lines * size * 1.36) + 12);
    const r = { x, y, w, h };
    this.panel(r, COLOR.card);
    const badge = entry.id === FLAGSHIP ? 'Flagship · ' : '';
    this.txt(r.x + 16, r.y + 10, `${i + 1}`, { size: 15, weight: 600, color: CSS.accent });
    this.txt(r.x + 40, r.y + 10, title, { size: titleSize, weight: 600, maxLines: 2, wrap: r.w - 56 });
    const meta = ok ? `${badge}${ok.actors} roles · ${ok.turns} turns (${ok.unit}s)` : 'This scenario is not valid JSON and cannot be played';
    this.txt(r.x + 40, r.y + (this.portrait ? 36 : 40) + extra, meta, { size: 14, color: ok ? CSS.muted : CSS.bad });
    const summary = ok?.summary ?? '';
    this.txt(r.x + 40, r.y + summaryY, summary, { size, wrap: r.w - 56 });
    app().twins.button({
      id: `scenario-${entry.id}`,
      label: ok ? `Play ${title}` : `${title}: has errors`,
      description: ok ? `${meta}. ${ok.summary}` : meta,
      rect: r,
      keyHint: String(i + 1),
      onActivate: () => this.play(entry),
    });
    return h;
  }

  private play(entry: CatalogEntry): void {
    const outcome = entry.check();
    if (!outcome.ok) {
      app().fileErrors = { name: entry.file, diagnostics: outcome.diagnostics };
      this.rebuild();
      return;
    }
    app().fileErrors = null;
    bridge.useScenario(outcome.scenario, { bundled: entry.id, file: null });
    bridge.show({ name: 'setup' });
  }

  private sideColumn(x: number, y: number, w: number): number {
    y = this.elsewhereBox(x, y, w);
    y = this.savedList(x, y, w);
    const dropped = app().droppedSave;
    if (dropped !== null) {
      this.button({
        id: 'download-set-aside',
        label: 'Download the set-aside save',
        description: "The saved game that could not be resumed, as a file: it did not fit in this browser's storage.",
        rect: { x, y, w, h: 52 },
        onActivate: () => download('statecraft-set-aside-save.json', 'application/json', dropped),
      });
      y += 72;
    }
    const open = filePicker(app().twins.root, openFile, fileUnreadable, openCompare);
    this.button({
      id: 'open-file',
      label: 'Open a scenario or replay file',
      description: 'Choose a scenario JSON file to play, or a replay file to watch; you can also drop one onto the page.',
      rect: { x, y, w, h: 52 },
      onActivate: open,
    });
    this.txt(x + 4, y + 58, 'or drop a scenario or replay .json file anywhere on this page', { size: 14, color: CSS.muted, wrap: w - 8 });
    y += 92;
    const half = (w - 8) / 2;
    this.button({
      id: 'instructors',
      label: 'For instructors',
      description: 'Learning objectives, class plan, glossary, discussion questions, what is invented, and printable handouts: role cards and a class sheet.',
      rect: { x, y, w: half, h: 52 },
      onActivate: () => openInstructorView(this.catalog),
    });
    this.button({
      id: 'compare-games',
      label: 'Compare games',
      description: "Several groups' replays of one scenario side by side: endings, scores, who chose what, the numbers over time.",
      rect: { x: x + half + 8, y, w: half, h: 52 },
      onActivate: () => openCompare(),
    });
    y += 64;
    this.button({
      id: 'run-class',
      label: 'Run a class',
      description: 'Create a class on the classroom server: every student plays from their own device, you follow the tables on a dashboard.',
      rect: { x, y, w: half, h: 48 },
      onActivate: () => openRunClass(this.catalog),
    });
    this.button({
      id: 'join-class',
      label: 'Join a class',
      description: 'Type the code your instructor shows to take a seat in a class game.',
      rect: { x: x + half + 8, y, w: half, h: 48 },
      onActivate: () => openJoinClass(),
    });
    return y + 68;
  }

  /** What the list says of a saved game. */
  private summary(save: SaveData): SlotSummary {
    const entry = this.catalog.find((e) => e.id === save.scenario.bundled);
    const sum = entry?.summary ?? (save.scenario.file ? summaryOf(save.scenario.file.text) : null);
    const title = sum?.title ?? save.scenario.file?.name ?? save.scenario.id;
    return summariseSave(save, title, sum?.names ?? new Map(), new Date());
  }

  /** The game another tab has open, offered to take over here. */
  private elsewhereBox(x: number, y: number, w: number): number {
    const id = app().elsewhere;
    const game = id ? savedGames().find((g) => g.id === id) : undefined;
    if (!id || !game) return y;
    const s = this.summary(game.save);
    this.panel({ x, y, w, h: 128 }, COLOR.card, COLOR.accent);
    this.txt(x + 14, y + 10, 'This game is open in another tab', { size: 16, weight: 600, color: CSS.accent, wrap: w - 28 });
    this.txt(x + 14, y + 34, `${s.title} · ${s.roles} · ${s.where}. Its moves there are saved; taking it over here continues from the last one.`, {
      size: 13,
      color: CSS.text,
      wrap: w - 28,
    });
    this.button({
      id: 'take-over',
      label: `Take over ${s.title} here`,
      text: 'Take over here',
      description: 'The other tab stops saving this game and says so.',
      primary: true,
      rect: { x: x + 14, y: y + 80, w: Math.min(240, w - 28), h: 40 },
      size: 15,
      onActivate: () => void this.resume(id, true),
    });
    return y + 140;
  }

  /** The saved games, newest first, as many as fit (with buttons to page through the rest). */
  private savedList(x: number, y: number, w: number): number {
    const games = savedGames().filter((g) => g.id !== app().elsewhere);
    if (games.length === 0) return y;
    app().twins.heading(2, 'Saved games');
    this.txt(x, y, 'Saved games', { size: this.portrait ? 17 : 19, weight: 600, color: CSS.accent });
    y += 30;
    const delW = this.portrait ? 76 : 86;
    const textW = w - delW - 8 - 24;
    // Each row is as tall as its whole text needs (a long title or list of roles wraps instead of being cut).
    const rows = games.map((g) => {
      const s = this.summary(g.save);
      const meta = `${s.where} · ${s.roles} · saved ${s.when}`;
      const titleH = this.p.lineCount(s.title, { size: 15, weight: 600, wrap: textW }) * 20;
      const h = Math.max(62, 12 + titleH + this.p.lineCount(meta, { size: 13, wrap: textW }) * 18 + 8);
      return { g, s, meta, titleH, h };
    });
    const room = this.H - y - (this.portrait ? 40 : 44) - 92 - 68 - (app().droppedSave !== null ? 72 : 0);
    const fitFrom = (from: number, space: number) => {
      let n = 0;
      for (let used = 0; from + n < rows.length && used + rows[from + n]!.h + 8 <= space; n++) used += rows[from + n]!.h + 8;
      return Math.max(1, n);
    };
    firstListed = Math.min(firstListed, rows.length - 1);
    let fit = fitFrom(firstListed, room);
    if (firstListed > 0 || firstListed + fit < rows.length) fit = fitFrom(firstListed, room - 48);
    for (const { g, s, meta, titleH, h } of rows.slice(firstListed, firstListed + fit)) {
      const row = { x, y, w: w - delW - 8, h };
      this.panel(row, COLOR.card);
      this.txt(x + 12, y + 10, s.title, { size: 15, weight: 600, wrap: textW });
      this.txt(x + 12, y + 12 + titleH, meta, { size: 13, color: CSS.muted, wrap: textW });
      const said = `${s.title}: ${s.roles}, ${s.where}, saved ${s.when}`;
      app().twins.button({ id: `resume-${g.id}`, label: `Continue ${said}`, rect: row, onActivate: () => void this.resume(g.id) });
      this.button({
        id: `delete-${g.id}`,
        label: `Delete the saved game ${said}`,
        text: 'Delete',
        size: 15,
        rect: { x: x + w - delW, y, w: delW, h },
        onActivate: () => this.confirmDelete(g.id, said),
      });
      y += h + 8;
    }
    if (firstListed > 0 || firstListed + fit < games.length) {
      const half = (w - 8) / 2;
      const older = firstListed + fit < games.length;
      const newer = firstListed > 0;
      this.button({
        id: 'saves-newer',
        label: 'Show newer saved games',
        text: 'Newer',
        unavailable: !newer,
        size: 15,
        rect: { x, y, w: half, h: 40 },
        onActivate: () => this.page(newer ? -fit : 0),
      });
      this.button({
        id: 'saves-older',
        label: `Show older saved games (${games.length - firstListed - fit} more)`,
        text: `Older (${Math.max(0, games.length - firstListed - fit)})`,
        unavailable: !older,
        size: 15,
        rect: { x: x + half + 8, y, w: half, h: 40 },
        onActivate: () => this.page(older ? fit : 0),
      });
      y += 48;
    }
    return y + 8;
  }

  private page(by: number): void {
    if (by === 0) return;
    firstListed = Math.max(0, firstListed + by);
    this.rebuild();
    app().twins.focus(by > 0 ? 'saves-older' : 'saves-newer');
  }

  private confirmDelete(id: string, said: string): void {
    const d = openDialog({ title: 'Delete this saved game?', className: 'confirm' });
    const yes = domButton(
      'Delete it',
      () => {
        d.close();
        const problem = deleteSlot(id);
        if (problem) app().notices.push(`${said}: ${problem}.`);
        this.rebuild();
        announce(problem ? `Not deleted: ${problem}` : `Deleted the saved game ${said}`);
      },
      { id: 'confirm-delete' },
    );
    const no = domButton('Keep it', () => d.close(), { id: 'keep-save' });
    d.body.append(el('p', { text: `${said}. A deleted game cannot be brought back.` }), el('div', { class: 'dialog-actions' }, no, ' ', yes));
    no.focus();
  }

  private async resume(id: string, takeOver = false): Promise<void> {
    if (!(await continueSlot(id, takeOver))) this.rebuild();
  }

  private about(x: number, y: number, w: number, hMax: number): void {
    if (hMax < 120) return;
    const h = Math.min(hMax, this.portrait ? 260 : 300);
    this.panel({ x, y, w, h }, COLOR.panel);
    const box = el(
      'div',
      { class: 'reading about', id: 'about', tabindex: 0, role: 'region', 'aria-label': 'How to play' },
      el('h2', { text: 'How to play' }),
      el('p', {
        text: 'Choose a scenario, then who plays each role: several people can share this screen, and the AI plays the rest. Everyone who uses the same seed rolls the same dice.',
      }),
      el('p', {
        text: 'Each turn, every role picks one policy card; all choices resolve together. Select any indicator, country or stance to see why it moved.',
      }),
      el('p', { text: 'The game saves itself after every step. Press ? for the keyboard keys.' }),
    );
    app().twins.region(box, { x: x + 8, y: y + 8, w: w - 16, h: h - 16 });
  }

  private messages(x: number, y: number, w: number, h: number): void {
    const { notices, fileErrors } = app();
    if (notices.length === 0 && !fileErrors) return this.about(x, y, w, h);
    const box = el('div', { class: 'reading', id: 'messages', tabindex: 0, role: 'region', 'aria-label': 'Messages' });
    for (const n of notices) box.append(el('p', { class: 'notice', text: n }));
    if (fileErrors) {
      const errors = fileErrors.diagnostics.filter((d) => d.severity === 'error').length;
      box.append(el('h2', { id: 'file-errors-title', text: `${fileErrors.name}: ${errors} error${errors === 1 ? '' : 's'}` }));
      box.append(el('p', { text: 'The file was not opened. Fix these problems and open it again:' }));
      const list = el('div', { id: 'file-errors', role: 'list' });
      for (const d of fileErrors.diagnostics) {
        const item = el('div', { class: 'diag', role: 'listitem' });
        item.append(el('b', { text: `${d.file}:${d.line}:${d.column}` }), ` ${d.severity}: ${d.message}\n  at ${d.path}`);
        list.append(item);
      }
      box.append(list);
    }
    this.panel({ x, y, w, h }, COLOR.panel);
    app().twins.region(box, { x: x + 8, y: y + 8, w: w - 16, h: h - 16 });
  }
}
