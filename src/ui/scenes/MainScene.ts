// Main: the map with the stance network, the indicator dashboard, the seat's action cards and the news.
import type { ActionView } from '../../engine/index.js';
import { app } from '../app.js';
import { bridge } from '../bridge.js';
import type { CardSlot } from '../cardText.js';
import { cardDetailPanel, type CardDetail } from '../dom/cardDetail.js';
import { openActor } from '../dom/actorDialog.js';
import { dialogOpen } from '../dom/dialog.js';
import { openDilemma, reopenDilemma } from '../dom/dilemmaDialog.js';
import { openKeys } from '../dom/keysDialog.js';
import { announce } from '../dom/live.js';
import { newsPanel } from '../dom/newsPanel.js';
import { objectivesPanel } from '../dom/objectivesPanel.js';
import { openWhy } from '../dom/whyDialog.js';
import { mainLayout, type MainLayout, type MainTab } from '../mainLayout.js';
import { drawMap } from '../map/MapView.js';
import { indicatorOrder } from '../indicatorOrder.js';
import { newsFeed } from '../news.js';
import { objectiveLines } from '../objectiveText.js';
import { goTitle } from '../session.js';
import { COLOR, CSS, fmt } from '../theme.js';
import { drawActionCards } from '../widgets/actionCards.js';
import type { Rect } from '../dom/twins.js';
import { drawActorBadge } from '../widgets/actorBadge.js';
import { drawDashboard } from '../widgets/dashboard.js';
import { BaseScene } from './BaseScene.js';

export class MainScene extends BaseScene {
  private selected: string | null = null;
  private selectionKey = '';
  private tab: MainTab = 'actions';
  private cardPage = 0;
  private indicatorPage = 0;
  private announced = '';
  /** The card hovered or focused now, shown in the detail panel (else the selected card is). */
  private inspected: { slot: CardSlot; n: number } | null = null;
  /** The player put the detail panel away; the next card hovered, focused or picked brings it back. */
  private detailHidden = false;
  private detail: CardDetail | null = null;
  private quietFocus = false;

  constructor() {
    super('main');
  }

  protected build(): void {
    const sc = bridge.need();
    const s = bridge.game();
    const actorId = bridge.seatActor();
    const key = `${s.turn}:${actorId ?? ''}`;
    if (key !== this.selectionKey) {
      this.selectionKey = key;
      this.selected = null;
      this.cardPage = 0;
    }
    const actorIndex = actorId ? (sc.actorIndex.get(actorId) ?? null) : null;
    const L = mainLayout(this.W, this.H, this.tab);
    this.topBar(L, actorIndex);
    this.later(() =>
      drawMap(this, sc, {
        rect: L.map,
        stances: bridge.stances(),
        before: bridge.stancesBefore(),
        focus: actorIndex,
        legend: true,
        onActor: (i) => this.showActor(i),
      }),
    );
    if (L.tabs) this.tabsBar(L.tabs);
    const slots = actorId ? bridge.cards(actorId) : [];
    const actions = slots.flatMap((c) => (c.view ? [c.view] : []));
    this.inspected = null;
    this.detail = null;
    if (L.cards) {
      if (actorId) {
        const columns = Math.min(L.columns, Math.max(2, slots.length <= 4 ? slots.length : Math.ceil(slots.length / 2)));
        const { perPage } = drawActionCards(this, slots, {
          rect: L.cards,
          selected: this.selected,
          page: this.cardPage,
          columns,
          onPick: (c) => this.pick(c),
          onPage: (p) => {
            this.cardPage = p;
            this.rebuild();
            app().twins.focus('actions-more');
          },
          onInspect: (c, n) => this.inspect(c, n),
        });
        this.cardDetail(L.map, slots, perPage);
        this.keys((k) => this.onKey(k, slots, actions, perPage));
      } else {
        this.panel(L.cards, COLOR.panel);
        this.txt(L.cards.x + 16, L.cards.y + 16, 'Every role is played by the AI. Advance the turn to watch what they do.', {
          size: 16,
          color: CSS.muted,
          wrap: L.cards.w - 32,
        });
        this.keys((k) => this.onKey(k, [], [], 0));
      }
    } else this.keys((k) => this.onKey(k, slots, actions, 9));
    if (L.dashboard) {
      const rect = L.dashboard;
      const view = bridge.view();
      this.later(() =>
        drawDashboard(this, sc, {
          rect,
          page: this.indicatorPage,
          view,
          order: indicatorOrder(sc.def, actorId, actorId ? bridge.objectiveStatus(actorId) : []),
          bandOf: (i, v) => bridge.indicatorBand(i, v),
          onWhy: (i) => this.why(`indicator:${sc.def.indicators[i]!.id}`),
          onPage: (p) => {
            this.indicatorPage = p;
            this.rebuild();
            app().twins.focus('indicators-more');
          },
        }),
      );
    }
    if (L.news) {
      const r = L.news;
      this.later(() => {
        this.panel(r, COLOR.panel);
        const top = actorId ? this.objectives(r, actorId) : r.y;
        this.txt(r.x + 12, top + 8, 'News', { size: 16, weight: 600, color: CSS.accent });
        app().twins.region(
          newsPanel(newsFeed(sc, s), (t) => bridge.turnLabel(t)),
          { x: r.x + 8, y: top + 32, w: r.w - 12, h: r.y + r.h - top - 38 },
        );
      });
    }
    this.bottomBar(L.bar, actorId, actions);
    this.announceTurn(actorId, actions);
    this.askDilemmas(actorId);
  }

  protected override initialFocus(): string | null {
    // The screen's own first focus does not open the detail panel over the map; the player's next move does.
    this.quietFocus = true;
    queueMicrotask(() => {
      this.quietFocus = false;
    });
    const first = document.querySelector<HTMLElement>('#controls button[id^="action-"]:not([aria-disabled="true"])');
    return first?.id ?? 'end-turn';
  }

  private topBar(L: MainLayout, actorIndex: number | null): void {
    const h = L.top;
    const hb = L.header;
    const sc = bridge.need();
    const s = bridge.game();
    const g = this.add.graphics();
    g.fillStyle(COLOR.panel, 1);
    g.fillRect(0, 0, this.W, h);
    g.fillStyle(COLOR.accent, 1);
    g.fillRect(0, h - 2, this.W, 2);
    const turnText = `Turn ${s.turn} of ${sc.def.turns.count} · ${bridge.turnLabel(s.turn)}`;
    const actor = actorIndex !== null ? sc.def.actors[actorIndex]! : null;
    let x = 12;
    if (actor) {
      drawActorBadge(this, x + 16, this.portrait ? 26 : h / 2, 14, actor, actorIndex!);
      x += 40;
    }
    const who = actor ? `You are ${actor.name}` : 'Watching the AI';
    app().twins.heading(1, who, 'heading-role');
    app().twins.heading(2, turnText, 'heading-turn');
    if (bridge.saveError)
      this.txt(this.W / 2, this.portrait ? 34 : h - 20, `Not saved: ${bridge.saveError}`, {
        size: 12,
        color: CSS.bad,
        align: 'center',
        maxLines: 1,
        wrap: this.W / 2,
      });
    this.txt(x, this.portrait ? 6 : 6, who, { size: this.portrait ? 16 : 18, weight: 600, maxLines: 1 });
    this.txt(x, this.portrait ? 28 : 30, this.portrait ? turnText : `${turnText} · ${sc.def.title}`, {
      size: 13,
      color: CSS.muted,
      maxLines: 1,
      wrap: hb.textRight - x,
    });
    this.button({ id: 'menu', label: 'Leave to the title screen (the game is saved)', text: 'Menu', rect: hb.menu, size: 15, onActivate: goTitle });
    this.button({ id: 'keys', label: 'Keyboard keys', text: 'Keys ?', rect: hb.keys, size: 15, keyHint: '?', onActivate: openKeys });
    if (actor)
      this.button({
        id: 'briefing',
        label: 'Read your briefing again',
        text: 'Briefing',
        rect: hb.briefing,
        size: 15,
        keyHint: 'B',
        onActivate: () => bridge.reviewBriefing(),
      });
  }

  private tabsBar(r: { x: number; y: number; w: number; h: number }): void {
    const tabs: Array<[MainTab, string]> = [
      ['actions', 'Actions'],
      ['indicators', 'Indicators'],
      ['news', 'News'],
    ];
    const w = (r.w - 16) / 3;
    tabs.forEach(([id, label], i) => {
      this.button({
        id: `tab-${id}`,
        label: `Show ${label.toLowerCase()}`,
        text: label,
        pressed: this.tab === id,
        rect: { x: r.x + i * (w + 8), y: r.y, w, h: r.h },
        size: 15,
        onActivate: () => {
          this.tab = id;
          this.rebuild();
          app().twins.focus(`tab-${id}`);
        },
      });
    });
  }

  private bottomBar(r: { x: number; y: number; w: number; h: number }, actorId: string | null, actions: ActionView[]): void {
    this.panel(r, COLOR.panel);
    if (!actorId) {
      this.button({
        id: 'end-turn',
        label: 'Advance the turn',
        primary: true,
        rect: { x: r.x + r.w - 230, y: r.y + 6, w: 222, h: r.h - 12 },
        keyHint: 'E',
        onActivate: () => bridge.resolve(),
      });
      return;
    }
    const chosen = actions.find((a) => a.id === this.selected);
    const text = chosen
      ? `Your choice: ${chosen.label}${chosen.odds ? ` (odds ${fmt(chosen.odds.total)}%)` : ''}`
      : 'Pick an action card (keys 1–9), then end the turn.';
    const bw = this.portrait ? 150 : 220;
    this.txt(r.x + 12, r.y + (this.portrait ? 8 : 15), text, {
      size: this.portrait ? 14 : 16,
      weight: chosen ? 600 : 400,
      color: chosen ? CSS.text : CSS.muted,
      wrap: r.w - bw - 30,
      maxLines: 2,
    });
    this.button({
      id: 'end-turn',
      label: chosen ? `End turn: ${chosen.label}` : 'End turn (pick an action first)',
      text: 'End turn',
      primary: !!chosen,
      unavailable: !chosen,
      rect: { x: r.x + r.w - bw - 6, y: r.y + 6, w: bw, h: r.h - 12 },
      keyHint: 'E',
      onActivate: () => this.endTurn(actorId, actions),
    });
  }

  /** The role's objectives at the top of the news column, as tall as they need up to 75% of it; returns where news starts. */
  private objectives(r: Rect, actorId: string): number {
    const sc = bridge.need();
    const view = bridge.view();
    const readingOf = (id: string) => view.indicators[sc.indicatorIndex.get(id) ?? -1];
    const name = sc.def.actors.find((a) => a.id === actorId)?.name ?? actorId;
    const max = Math.round(r.h * 0.75);
    const node = app().twins.region(objectivesPanel(name, objectiveLines(bridge.objectiveStatus(actorId), readingOf)), {
      x: r.x + 8,
      y: r.y + 4,
      w: r.w - 12,
      h: max,
    });
    const h = Math.min(max, node.scrollHeight + 2);
    node.style.height = `${h}px`;
    const g = this.add.graphics();
    g.fillStyle(COLOR.panelEdge, 1);
    g.fillRect(r.x + 8, r.y + 4 + h + 2, r.w - 16, 1);
    return r.y + 4 + h;
  }

  /** The detail panel over the map: the card hovered or focused, else the selected one, in full. */
  private cardDetail(r: Rect, slots: CardSlot[], perPage: number): void {
    const detail = cardDetailPanel(
      () => {
        this.detailHidden = true;
        this.showDetail();
        app().twins.focus(this.selected ? 'end-turn' : `action-${slots.find((c) => c.view?.available)?.id ?? ''}`);
      },
      { width: r.w, wide: Math.max(r.w, this.W - r.x * 2), height: r.h, most: this.H - r.y - 70 },
    );
    app().twins.region(detail.element, r);
    this.detail = detail;
    this.selectedSlot = () => {
      const i = slots.findIndex((c) => c.id === this.selected);
      return i < 0 ? null : { slot: slots[i]!, n: (i % Math.max(1, perPage)) + 1 };
    };
    this.showDetail();
  }

  private selectedSlot: () => { slot: CardSlot; n: number } | null = () => null;

  private inspect(slot: CardSlot | null, n: number): void {
    // On a phone the panel would cover the very card under the finger: there it shows the picked card only.
    if (slot && (this.quietFocus || this.portrait)) return;
    if (slot) this.detailHidden = false;
    this.inspected = slot ? { slot, n } : null;
    this.showDetail();
  }

  private showDetail(): void {
    const shown = this.detailHidden ? null : (this.inspected ?? this.selectedSlot());
    this.detail?.show(shown?.slot ?? null, shown?.n ?? 0, !!shown && shown.slot.id === this.selected);
  }

  private pick(c: CardSlot): void {
    const a = c.view;
    if (!a) {
      announce('That action is not open at this point of the game.');
      return;
    }
    this.detailHidden = false;
    if (!a.available) {
      announce(`${a.label} is not available. Still missing: ${a.missing.join('; ')}.`);
      return;
    }
    this.selected = a.id;
    this.rebuild();
    announce(`Selected ${a.label}. Press End turn to commit.`);
    app().twins.focus('end-turn');
  }

  private endTurn(actorId: string, actions: ActionView[]): void {
    const chosen = actions.find((a) => a.id === this.selected && a.available);
    if (!chosen) {
      announce('Pick an action card first.');
      const first = actions.find((a) => a.available);
      if (first) app().twins.focus(`action-${first.id}`);
      return;
    }
    if (bridge.openDilemmas(actorId).length) {
      if (!reopenDilemma()) this.askDilemmas(actorId);
      return;
    }
    bridge.choose(actorId, chosen.id);
  }

  private onKey(key: string, slots: CardSlot[], actions: ActionView[], perPage: number): boolean {
    const actorId = bridge.seatActor();
    if (/^[1-9]$/.test(key)) {
      const c = slots[this.cardPage * perPage + Number(key) - 1];
      if (!c || (this.portrait && this.tab !== 'actions')) return false;
      this.pick(c);
      return true;
    }
    if (key === 'e' || key === 'E') {
      if (actorId) this.endTurn(actorId, actions);
      else bridge.resolve();
      return true;
    }
    if ((key === 'b' || key === 'B') && actorId) {
      bridge.reviewBriefing();
      return true;
    }
    return false;
  }

  private announceTurn(actorId: string | null, actions: ActionView[]): void {
    const s = bridge.game();
    const key = `${s.turn}:${actorId}`;
    if (this.announced === key) return;
    this.announced = key;
    const name = actorId ? bridge.need().def.actors.find((a) => a.id === actorId)?.name : null;
    const avail = actions.filter((a) => a.available).length;
    announce(
      `${bridge.turnLabel(s.turn)}, turn ${s.turn} of ${bridge.need().def.turns.count}. ${name ? `You are ${name}: ${actions.length} actions, ${avail} available.` : 'The AI plays every role.'}`,
    );
  }

  private askDilemmas(actorId: string | null): void {
    if (!actorId || dialogOpen()) return;
    const open = bridge.openDilemmas(actorId)[0];
    if (!open) return;
    const def = bridge.need().def;
    const text = def.events?.find((e) => e.id === open.event)?.text ?? '';
    const name = def.actors.find((a) => a.id === actorId)?.name ?? actorId;
    openDilemma(name, open, text, (option) => {
      bridge.answerDilemma(actorId, open.event, option);
      this.rebuild();
    });
  }

  private why(target: string): void {
    const sc = bridge.need();
    const [kind, id] = target.split(':');
    const ind = kind === 'indicator' ? sc.def.indicators.find((i) => i.id === id) : undefined;
    const reading = ind ? bridge.view().indicators[sc.indicatorIndex.get(ind.id) ?? -1] : undefined;
    openWhy({
      explanation: bridge.explain(target),
      description: ind?.description,
      range: ind ? `${fmt(ind.min)} to ${fmt(ind.max)}` : undefined,
      turnLabel: (t) => bridge.turnLabel(t),
      seen:
        reading && !reading.exact
          ? { reading, band: bridge.indicatorBand(sc.indicatorIndex.get(ind!.id)!, reading.value), note: ind?.estimate?.note }
          : undefined,
    });
  }

  private showActor(index: number): void {
    const sc = bridge.need();
    const id = sc.def.actors[index]!.id;
    openActor({
      def: sc.def,
      index,
      seat: bridge.game().seats[id] === 'human' ? 'a human player' : 'the AI',
      stances: bridge.stances(),
      onWhy: (from, to) => this.why(`stance:${sc.def.actors[from]!.id}>${sc.def.actors[to]!.id}`),
    });
  }
}
