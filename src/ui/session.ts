// Whole-game operations that need a scenario loaded first: start from a link, resume a saved game, open a file.
import { app } from './app.js';
import type { Scenario } from '../engine/index.js';
import { bridge, type ScenarioSource } from './bridge.js';
import { bundledById, loadCatalog } from './catalog.js';
import { takeCrashNotice } from './dom/crash.js';
import { alertNow } from './dom/live.js';
import { checkSave } from './saveCheck.js';
import { readSave, saveStore, setAsideSave, type SaveData } from './saves.js';
import { listSlots, migrateLegacySave, savedGames, slotKey } from './saveSlots.js';
import { claimSlot, installTabGuard, mayWrite, openElsewhere, releaseSlot, tabSlot } from './tabGuard.js';
import { loadScenarioText } from './scenarioLoader.js';
import { freshSeed } from './seed.js';
import type { ParamsOutcome, StartRequest } from './urlParams.js';

const SCREEN_KEY = 'statecraft.screen';

/** Remembers that the player left the game for the title screen, so a reload shows the title too. */
export function rememberScreen(screen: 'title' | 'game'): void {
  try {
    if (screen === 'title') window.localStorage.setItem(SCREEN_KEY, 'title');
    else window.localStorage.removeItem(SCREEN_KEY);
  } catch {
    /* storage unavailable: nothing to remember */
  }
}

export function lastScreen(): 'title' | 'game' {
  try {
    return window.localStorage.getItem(SCREEN_KEY) === 'title' ? 'title' : 'game';
  } catch {
    return 'game';
  }
}

export function goTitle(): void {
  rememberScreen('title');
  releaseSlot();
  bridge.slot = null;
  bridge.show({ name: 'title' });
}

/** Another tab took over this tab's game: stop saving here and offer to take it back on the title screen. */
function lostToAnotherTab(slot: string): void {
  bridge.slot = null;
  app().elsewhere = slot;
  window.setTimeout(() => {
    alertNow('This game is now open in another tab, where its moves are saved. You can take it over here from the title screen.');
    bridge.show({ name: 'title' });
  }, 0);
}

/** Sets the saved game in slot `id` aside with a reason the title screen shows; the slot is freed whatever happens. */
export function setAside(reason: string, id: string): void {
  const out = setAsideSave(saveStore(), slotKey(id));
  const head = `The saved game could not be resumed: ${reason}.`;
  if (out.kind === 'kept') app().notices.push(`${head} It was kept in this browser's storage under "${out.key}" and not deleted.`);
  else if (out.kind === 'dropped') {
    app().droppedSave = out.raw;
    app().notices.push(
      `${head} There was no room in this browser's storage to keep a copy (${out.why}), so it was taken out of the autosave slot; use "Download the set-aside save" to keep it, before you close this page.`,
    );
  } else if (out.kind === 'stuck')
    app().notices.push(`${head} This browser's storage would not let it be moved (${out.why}); it is ignored until the page is reloaded.`);
  else app().notices.push(head);
}

/** The scenario a save belongs to, compiled, and where it came from; or why it cannot be had. */
async function scenarioOf(save: SaveData): Promise<{ scenario: Scenario; source: ScenarioSource } | { reason: string }> {
  let text: string;
  let source: ScenarioSource;
  if (save.scenario.bundled !== null) {
    const entry = await bundledById(save.scenario.bundled);
    if (!entry) return { reason: `its scenario "${save.scenario.bundled}" is no longer bundled with the game` };
    text = entry.text;
    source = { bundled: entry.id, file: null };
  } else if (save.scenario.file) {
    text = save.scenario.file.text;
    source = { bundled: null, file: save.scenario.file };
  } else return { reason: 'it does not say which scenario it belongs to' };
  const loaded = loadScenarioText(text, save.scenario.bundled ?? save.scenario.file?.name ?? 'scenario');
  if (!loaded.ok) return { reason: `its scenario no longer loads (${loaded.diagnostics.length} error${loaded.diagnostics.length === 1 ? '' : 's'})` };
  return { scenario: loaded.scenario, source };
}

/**
 * Checks the saved game in slot `id` in full and rebuilds it; anything that fails is set aside and reported. A game
 * another tab has open is not opened (the title offers to take it over) unless `takeOver`. Never throws.
 */
export async function resumeSave(id: string, save: SaveData, takeOver = false): Promise<boolean> {
  try {
    const found = await scenarioOf(save);
    if ('reason' in found) {
      setAside(found.reason, id);
      return false;
    }
    const checked = checkSave(found.scenario, save);
    if (!checked.ok) {
      setAside(checked.reason, id);
      return false;
    }
    if (!takeOver && (await openElsewhere(id))) {
      app().elsewhere = id;
      return false;
    }
    app().elsewhere = null;
    bridge.slot = id;
    claimSlot(id);
    bridge.resume(found.scenario, found.source, checked.plan);
  } catch (e) {
    setAside(`it could not be rebuilt (${e instanceof Error ? e.message : String(e)})`, id);
    return false;
  }
  rememberScreen('game');
  return true;
}

/** Resumes the saved game in slot `id` as stored now (with every move another tab made); never throws. */
export async function continueSlot(id: string, takeOver = false): Promise<boolean> {
  const r = readSave(saveStore(), slotKey(id));
  if (r.kind === 'ok') return resumeSave(id, r.save, takeOver);
  if (r.kind === 'bad') setAside(r.reason, id);
  if (r.kind === 'none') app().notices.push("That saved game is no longer in this browser's storage (it was deleted in another tab).");
  return false;
}

/** Checks every saved game without resuming it (for the title screen's list); one that cannot resume is set aside. */
async function vetSaved(): Promise<void> {
  for (const { id, outcome: r } of listSlots()) {
    if (r.kind === 'bad') {
      setAside(r.reason, id);
      continue;
    }
    if (r.kind !== 'ok') continue;
    try {
      const found = await scenarioOf(r.save);
      const checked = 'reason' in found ? found : checkSave(found.scenario, r.save);
      if ('reason' in checked) setAside(checked.reason, id);
    } catch (e) {
      setAside(`it could not be checked (${e instanceof Error ? e.message : String(e)})`, id);
    }
  }
}

/** Starts the game a link asks for; problems become title-screen messages. */
export async function startFromRequest(req: StartRequest): Promise<boolean> {
  const entry = await bundledById(req.scenario);
  if (!entry) {
    const ids = (await loadCatalog()).map((e) => e.id).join(', ');
    app().notices.push(`The link asks for the scenario "${req.scenario}", which is not bundled. Available: ${ids}.`);
    return false;
  }
  const outcome = entry.check();
  if (!outcome.ok) {
    app().notices.push(`The scenario "${req.scenario}" in the link has errors and cannot be played.`);
    return false;
  }
  const sc = outcome.scenario;
  const unknown = req.humans.filter((h) => !sc.actorIndex.has(h));
  if (unknown.length) {
    app().notices.push(
      `The link names ${unknown.map((u) => `"${u}"`).join(', ')}, not an actor of "${sc.def.title}". Actors: ${sc.actors.map((a) => a.id).join(', ')}.`,
    );
    return false;
  }
  // The same game (scenario, seed, players, AI) as a saved one resumes it; any other starts in a slot of its own.
  const same = savedGames().find((g) => matches(g.save, entry.id, req));
  if (same && (await resumeSave(same.id, same.save))) return true;
  if (same && app().elsewhere === same.id) return false;
  const seats: Record<string, 'human' | 'ai'> = {};
  for (const a of sc.actors) seats[a.id] = req.humans.includes(a.id) ? 'human' : 'ai';
  bridge.useScenario(sc, { bundled: entry.id, file: null });
  bridge.newGame({ seed: req.seed ?? freshSeed(), seats, aiFuzz: req.fuzz });
  rememberScreen('game');
  return true;
}

function matches(save: SaveData, id: string, req: StartRequest): boolean {
  if (save.scenario.bundled !== id || req.seed === null || save.seed !== req.seed || save.aiFuzz !== req.fuzz) return false;
  const humans = Object.entries(save.seats)
    .filter(([, s]) => s === 'human')
    .map(([a]) => a)
    .sort();
  return humans.join(',') === [...req.humans].sort().join(',');
}

/** Opens a scenario file the player chose: to the setup screen, or its errors on the title screen. */
export function openScenarioFile(name: string, text: string): void {
  const r = loadScenarioText(text, name);
  if (!r.ok) {
    app().fileErrors = { name, diagnostics: r.diagnostics };
    const n = r.diagnostics.filter((d) => d.severity === 'error').length;
    alertNow(`${name} could not be opened: ${n} error${n === 1 ? '' : 's'} found. The list is on screen.`);
    bridge.show({ name: 'title' });
    return;
  }
  app().fileErrors = null;
  bridge.useScenario(r.scenario, { bundled: null, file: { name, text } });
  bridge.show({ name: 'setup' });
}

/** Reports a file that could not even be read. */
export function fileUnreadable(name: string, message: string, at = { line: 1, column: 1 }): void {
  const { line, column } = at;
  app().fileErrors = {
    name,
    diagnostics: [{ file: name, line, column, path: '(root)', message, severity: 'error', text: `${name}:${line}:${column}: error: ${message}` }],
  };
  alertNow(`${name} could not be opened: ${message}`);
  bridge.show({ name: 'title' });
}

/** Drops the start parameters from the address once the game they describe is running, so a reload resumes it as saved. */
function forgetParams(): void {
  try {
    window.history.replaceState(window.history.state, '', window.location.pathname);
  } catch {
    /* the address cannot be changed: a reload finds the same game through the saved seed */
  }
}

/** Decides the first screen: a link's game, the resumed autosave, or the title (with any messages). */
export async function startup(params: ParamsOutcome): Promise<void> {
  installTabGuard(lostToAnotherTab);
  bridge.guard = { claim: claimSlot, mayWrite };
  const crashed = takeCrashNotice();
  if (crashed) app().notices.push(crashed);
  migrateLegacySave();
  for (const { id, outcome } of listSlots()) if (outcome.kind === 'bad') setAside(outcome.reason, id);
  if (params.kind === 'error') app().notices.push(params.message);
  if (params.kind === 'start' && (await startFromRequest(params.request))) {
    forgetParams();
    return;
  }
  if (params.kind === 'none' && lastScreen() === 'game') {
    // This tab's own game after a reload; in a new tab, the game saved last.
    const games = savedGames();
    const mine = games.find((g) => g.id === tabSlot()) ?? games[0];
    if (mine && (await resumeSave(mine.id, mine.save))) return;
  }
  await vetSaved();
  bridge.show({ name: 'title' });
}
