// "What if…": pick a turn of a finished game or replay, change any role's action or dilemma answers there, and play on.
// The fork is computed by forkGame and compared by compareTimelines (src/analysis); this module only asks and shows.
import { turnLabel } from '../../analysis/debrief.js';
import { compareTimelines, forkGame, type ForkThen } from '../../analysis/fork.js';
import { changedChoices, forkSeatsAt, type ForkSeat } from '../../analysis/forkChoices.js';
import { recordReplay, type Choice, type GameState, type Scenario } from '../../engine/index.js';
import { download, replayJson } from '../exports.js';
import { openDialog } from './dialog.js';
import { button, el, uid } from './el.js';
import { alertNow, announce } from './live.js';
import { forkView } from './forkView.js';

function select(
  id: string,
  label: string,
  options: Array<{ value: string; text: string; disabled?: boolean }>,
  value: string,
): { wrap: HTMLElement; input: HTMLSelectElement } {
  const input = el('select', { id });
  for (const o of options) input.append(el('option', { value: o.value, disabled: o.disabled, text: o.text }));
  input.value = value;
  return { wrap: el('div', {}, el('label', { for: id, text: label }), input), input };
}

/** The selects for one turn's choices, each role's set to what it played; `read` gives what is picked now. */
function choiceForm(seats: readonly ForkSeat[]): { form: HTMLElement; read: () => Record<string, Choice> } {
  const inputs: Array<{ seat: ForkSeat; action: HTMLSelectElement; dilemmas: Array<[string, HTMLSelectElement]> }> = [];
  const form = el('div', { class: 'whatif-form', id: 'whatif-form' });
  for (const seat of seats) {
    const box = el('fieldset', { class: 'seat' }, el('legend', { text: seat.name }));
    const action = select(
      `whatif-action-${seat.actor}`,
      'Action',
      seat.actions.map((a) => ({
        value: a.id,
        disabled: !a.available && a.id !== seat.recorded,
        text: `${a.label}${a.id === seat.recorded ? ' (as played)' : a.available ? '' : ' (not open then)'}`,
      })),
      seat.recorded,
    );
    box.append(action.wrap);
    const dilemmas: Array<[string, HTMLSelectElement]> = seat.dilemmas.map((d) => {
      const s = select(
        `whatif-dilemma-${seat.actor}-${d.event}`,
        `Answer to “${d.title}”`,
        d.options.map((o) => ({ value: o.id, text: `${o.label}${o.id === d.recorded ? ' (as played)' : ''}` })),
        d.recorded ?? d.options[0]?.id ?? '',
      );
      box.append(s.wrap);
      return [d.event, s.input];
    });
    inputs.push({ seat, action: action.input, dilemmas });
    form.append(box);
  }
  const read = () =>
    Object.fromEntries(
      inputs.map(({ seat, action, dilemmas }) => [seat.actor, { action: action.value, dilemmas: Object.fromEntries(dilemmas.map(([e, s]) => [e, s.value])) }]),
    );
  return { form, read };
}

/** "South Korea, 2026 H1: Joint drills instead of Hold course." for each change. */
function changesText(sc: Scenario, turn: number, seats: readonly ForkSeat[], choose: Record<string, Partial<Choice>>): string[] {
  const action = (id: string) => sc.def.actions.find((a) => a.id === id)?.label ?? id;
  const out: string[] = [];
  for (const seat of seats) {
    const c = choose[seat.actor];
    if (!c) continue;
    if (c.action !== undefined && c.action !== seat.recorded)
      out.push(`${seat.name}, ${turnLabel(sc, turn)}: ${action(c.action)} instead of ${action(seat.recorded)}.`);
    for (const d of seat.dilemmas) {
      const answer = c.dilemmas?.[d.event];
      const label = (id: string | null) => d.options.find((o) => o.id === id)?.label ?? id ?? 'no answer';
      if (answer !== undefined) out.push(`${seat.name} answers “${d.title}”: ${label(answer)} instead of ${label(d.recorded)}.`);
    }
  }
  return out;
}

/** Opens the what-if dialog on `turn` of `original` (a finished game or a verified replay's last state); `base` names the export. */
export function openWhatIf(sc: Scenario, original: GameState, turn: number, base: string): void {
  const turns = original.history.filter((r) => r.turn > 0).map((r) => r.turn);
  const d = openDialog({ title: `What if… ${sc.def.title}`, className: 'screen whatif' });
  d.element.id = 'whatif-dialog';
  const turnPick = select(
    'whatif-turn',
    'Change the choices of',
    turns.map((t) => ({ value: String(t), text: `Turn ${t}: ${turnLabel(sc, t)}` })),
    String(turns.includes(turn) ? turn : (turns[0] ?? 1)),
  );
  const then = select(
    'whatif-then',
    'Then, in the later turns',
    [
      { value: 'same', text: 'keep the choices as played where still open (else the AI chooses)' },
      { value: 'ai', text: 'the AI plays every role' },
    ],
    'same',
  );
  const formHost = el('div', {});
  const result = el('section', { id: 'whatif-result', 'aria-label': 'The two timelines', tabindex: -1 });
  const status = el('p', { id: 'whatif-status', role: 'status' });
  let form = choiceForm([]);
  let seats: ForkSeat[] = [];
  const load = () => {
    seats = forkSeatsAt(sc, original, Number(turnPick.input.value));
    form = choiceForm(seats);
    formHost.replaceChildren(form.form);
  };
  turnPick.input.addEventListener('change', () => {
    load();
    result.replaceChildren();
  });
  const run = () => {
    const at = Number(turnPick.input.value);
    const choose = changedChoices(seats, form.read());
    let fork;
    try {
      fork = forkGame(sc, original, { turn: at, choose, then: then.input.value as ForkThen });
    } catch (e) {
      status.textContent = `This what-if cannot be played: ${e instanceof Error ? e.message : String(e)}`;
      alertNow(status.textContent);
      return;
    }
    const c = compareTimelines(sc, original, fork.state);
    const forked = fork.state;
    const file = `${base}.whatif-turn-${at}.replay.json`;
    const exportButton = button('Export the what-if replay (JSON)', () => download(file, 'application/json', replayJson(recordReplay(sc, forked))), {
      id: 'whatif-export',
    });
    status.textContent = '';
    result.replaceChildren(
      el('h3', { id: uid('whatif-title'), text: 'The two timelines' }),
      forkView(sc, c, fork, changesText(sc, at, seats, choose)),
      el('div', { class: 'dialog-actions' }, exportButton),
    );
    result.focus();
    announce(
      c.divergedAt === null ? 'Nothing changed: the what-if is the game as played.' : `What if played: ${c.differences.length} numbers end differently.`,
    );
  };
  d.body.append(
    el('p', {
      text: "Change any role's action or dilemma answers at one turn and play the game on from there. The dice are the same wherever both timelines roll for the same thing, so a difference is the choices' doing.",
    }),
    el('div', { class: 'whatif-form' }, turnPick.wrap, then.wrap),
    formHost,
    el('div', { class: 'dialog-actions' }, button('Play on', run, { id: 'whatif-run', class: 'primary' })),
    status,
    result,
  );
  load();
  turnPick.input.focus();
}
