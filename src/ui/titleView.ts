// Title: the bundled scenarios with their summaries, open a scenario file, continue a saved game, messages.
import { app } from './app.js';
import { bridge } from './bridge.js';
import type { CatalogEntry } from './catalog.js';
import { el } from './dom/el.js';
import { enableDrop, filePicker } from './dom/filePicker.js';
import { FLAGSHIP } from './bundled.js';
import { download } from './exports.js';
import { openInstructorView } from './dom/instructorView.js';
import { openFile } from './openFile.js';
import type { ButtonOptions, Painter } from './painter.js';
import { readSave } from './saves.js';
import { continueSaved, fileUnreadable, rememberScreen } from './session.js';
import { COLOR, CSS } from './theme.js';

/** The title screen, drawn by a Phaser scene or, before Phaser has loaded, by the DOM painter. */
export class TitleView {
  constructor(private readonly p: Painter, private readonly catalog: CatalogEntry[]) {}

  get W(): number { return this.p.W; }
  get H(): number { return this.p.H; }
  get portrait(): boolean { return this.p.portrait; }
  private txt(...a: Parameters<Painter['txt']>): void { this.p.txt(...a); }
  private panel(...a: Parameters<Painter['panel']>): void { this.p.panel(...a); }
  private button(o: ButtonOptions): HTMLButtonElement { return this.p.button(o); }
  private rebuild(): void { this.p.rebuild(); }

  build(): void {
    rememberScreen('title');
    enableDrop(openFile, fileUnreadable);
    const top = this.p.header('Statecraft', 'Turn-based scenarios for international-relations exercises');
    const pad = this.portrait ? 12 : 24;
    const colW = this.portrait ? this.W - pad * 2 : Math.round(this.W * 0.56);
    let y = top + (this.portrait ? 12 : 20);
    this.txt(pad, y, 'Choose a scenario', { size: this.portrait ? 17 : 19, weight: 600, color: CSS.accent });
    y += 32;
    const cardH = this.portrait ? 118 : 132;
    this.catalog.forEach((entry, i) => {
      this.scenarioCard(entry, i, { x: pad, y, w: colW, h: cardH });
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

  private scenarioCard(entry: CatalogEntry, i: number, r: { x: number; y: number; w: number; h: number }): void {
    this.panel(r, COLOR.card);
    const ok = entry.summary;
    const title = ok?.title ?? entry.file;
    const badge = entry.id === FLAGSHIP ? 'Flagship · ' : '';
    this.txt(r.x + 16, r.y + 10, `${i + 1}`, { size: 15, weight: 600, color: CSS.accent });
    this.txt(r.x + 40, r.y + 10, title, { size: this.portrait ? 17 : 20, weight: 600, maxLines: 1, wrap: r.w - 56 });
    const meta = ok ? `${badge}${ok.actors} roles · ${ok.turns} turns (${ok.unit}s)` : 'This scenario is not valid JSON and cannot be played';
    this.txt(r.x + 40, r.y + (this.portrait ? 36 : 40), meta, { size: 14, color: ok ? CSS.muted : CSS.bad });
    const summary = ok?.summary ?? '';
    this.txt(r.x + 40, r.y + (this.portrait ? 58 : 64), summary, { size: this.portrait ? 13 : 15, wrap: r.w - 56, maxLines: this.portrait ? 3 : 3 });
    app().twins.button({
      id: `scenario-${entry.id}`, label: ok ? `Play ${title}` : `${title}: has errors`, description: ok ? `${meta}. ${ok.summary}` : meta,
      rect: r, keyHint: String(i + 1), onActivate: () => this.play(entry),
    });
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
    const saved = readSave();
    if (saved.kind === 'ok') {
      const s = saved.save;
      const title = this.catalog?.find((e) => e.id === s.scenario.bundled)?.summary?.title ?? s.scenario.file?.name ?? s.scenario.id;
      const where = s.phase.name === 'ending' ? 'finished — see the results' : `turn ${s.turns.length + 1}`;
      this.button({ id: 'continue', label: `Continue: ${title}, ${where}`, text: 'Continue the saved game', rect: { x, y, w, h: 52 }, primary: true, onActivate: () => void this.resume() });
      this.txt(x + 4, y + 58, `${title} · ${where} · seed ${s.seed}`, { size: 14, color: CSS.muted, wrap: w - 8, maxLines: 2 });
      y += 100;
    }
    const dropped = app().droppedSave;
    if (dropped !== null) {
      this.button({ id: 'download-set-aside', label: 'Download the set-aside save', description: 'The saved game that could not be resumed, as a file: it did not fit in this browser\'s storage.', rect: { x, y, w, h: 52 }, onActivate: () => download('statecraft-set-aside-save.json', 'application/json', dropped) });
      y += 72;
    }
    const open = filePicker(app().twins.root, openFile, fileUnreadable);
    this.button({ id: 'open-file', label: 'Open a scenario or replay file', description: 'Choose a scenario JSON file to play, or a replay file to watch; you can also drop one onto the page.', rect: { x, y, w, h: 52 }, onActivate: open });
    this.txt(x + 4, y + 58, 'or drop a scenario or replay .json file anywhere on this page', { size: 14, color: CSS.muted, wrap: w - 8 });
    y += 92;
    this.button({ id: 'instructors', label: 'For instructors', description: 'Learning objectives, class plan, glossary, discussion questions, what is invented, and printable handouts: role cards and a class sheet.', rect: { x, y, w, h: 52 }, onActivate: () => openInstructorView(this.catalog) });
    return y + 72;
  }

  private async resume(): Promise<void> {
    if (!(await continueSaved())) this.rebuild();
  }

  private about(x: number, y: number, w: number, hMax: number): void {
    if (hMax < 120) return;
    const h = Math.min(hMax, this.portrait ? 260 : 300);
    this.panel({ x, y, w, h }, COLOR.panel);
    const box = el('div', { class: 'reading about', id: 'about', role: 'region', 'aria-label': 'How to play' },
      el('h2', { text: 'How to play' }),
      el('p', { text: 'Choose a scenario, then who plays each role: several people can share this screen, and the AI plays the rest. Everyone who uses the same seed rolls the same dice.' }),
      el('p', { text: 'Each turn, every role picks one policy card; all choices resolve together. Select any indicator, country or stance to see why it moved.' }),
      el('p', { text: 'The game saves itself after every step. Press ? for the keyboard keys.' }));
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
