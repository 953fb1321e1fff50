// The instructor view: opened from the title by mouse and keyboard, its glossary and assumptions, and the handouts'
// print layout (print media shows only the handouts; Chromium's PDF has each handout from a page of its own).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoutsOf } from '../../src/analysis/handouts.js';
import { nodeScenario } from './engineNode.js';
import { clickAt, close, focusedId, launch, openApp, problemsOf, ROOT, tabTo, type Session } from './helpers.js';

interface Def {
  actors: Array<{ id: string; name: string }>;
  instructor: { glossary: Array<{ term: string }>; learningObjectives: string[] };
  actions: Array<{ label: string; assumption?: string }>;
}
const flagship = JSON.parse(readFileSync(join(ROOT, 'scenarios/party-congress.json'), 'utf8')) as Def;

/** Pages in a PDF that Chromium wrote (each page object is "/Type /Page", the tree "/Type /Pages"). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

async function printPdf(page: Page, format: 'A4' | 'Letter' = 'A4'): Promise<Buffer> {
  return page.pdf({ format, printBackground: false });
}

describe('instructor view', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it("opens from the title by mouse and shows the objectives, the glossary and the model's assumptions", async () => {
    const { page } = s;
    await openApp(s);
    await clickAt(page, '#instructors');
    await page.waitForSelector('#instructor-view[open]');
    const text = (await page.locator('#instructor-view').textContent()) ?? '';
    expect(text).toContain(flagship.instructor.learningObjectives[0]!);
    for (const h of ['Learning objectives', 'Class plan', 'Discussion questions', 'Notes']) expect(text).toContain(h);
    const glossary = await page.locator('#instructor-glossary dt').allTextContents();
    expect(glossary).toEqual(flagship.instructor.glossary.map((g) => g.term));
    const assumed = flagship.actions.filter((a) => a.assumption);
    const assumptions = (await page.locator('#instructor-assumptions').textContent()) ?? '';
    expect(assumed.length).toBeGreaterThan(0);
    for (const a of assumed) expect(assumptions).toContain(a.assumption!);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#instructor-view', { state: 'detached' });
    expect(await focusedId(page)).toBe('instructors');
    expect(await problemsOf(s)).toEqual([]);
  });

  it("opens from the title by keyboard, with focus inside it, and switches to the tutorial's notes", async () => {
    const { page } = s;
    await openApp(s);
    await tabTo(page, 'instructors');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#instructor-view[open]');
    expect(await focusedId(page)).toBe('instructor-scenario');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('#instructor-glossary dt') === null ||
        !(
          (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } } }).document.querySelector('#instructor-glossary')!
            .textContent ?? ''
        ).includes('Party congress'),
    );
    expect(await page.locator('#print-root .handout[data-file="role-lowland.html"]').count()).toBe(1);
    expect(await page.locator('#print-root .handout').count()).toBeGreaterThan(3);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#print-root', { state: 'detached' });
    expect(await problemsOf(s)).toEqual([]);
  });

  it("prints only the handouts, each from a new page: a class sheet, one card per role, what is invented and the instructor's page", async () => {
    const { page } = s;
    await openApp(s);
    await clickAt(page, '#instructors');
    await page.waitForSelector('#instructor-view[open]');
    const files = await page.locator('#print-root .handout').evaluateAll((as) => as.map((a) => a.getAttribute('data-file') ?? ''));
    expect(files).toEqual(['class-sheet.html', ...flagship.actors.map((a) => `role-${a.id}.html`), 'invented.html', 'instructor.html']);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#stage').isVisible()).toBe(false);
    expect(await page.locator('#instructor-view').isVisible()).toBe(false);
    expect(await page.locator('#print-root .handout').first().isVisible()).toBe(true);
    // What print shows, as laid out for print (innerText follows the print styles).
    const printed = await page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText);
    for (const a of flagship.actors) expect(printed).toContain(a.name);
    expect(printed.split('Who you are').length - 1).toBe(flagship.actors.length);
    for (const t of ['The situation', 'The roles', 'What is invented', 'For the instructor', 'Glossary', 'Who you are', 'What you can do on the first turn'])
      expect(printed).toContain(t);
    for (const t of ['Choose a scenario', 'Handouts to print', 'How to play']) expect(printed).not.toContain(t);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('#print-root').isVisible()).toBe(false);
    await page.emulateMedia({ media: null });

    const all = await printPdf(page);

    // Print each handout alone (the browser's print dialog cannot be driven headless, so it is not opened).
    await page.evaluate(() => {
      (globalThis as unknown as { print: () => void }).print = () => undefined;
    });
    let sum = 0;
    for (const f of files) {
      await page.locator(`#handout-buttons button[data-file="${f}"]`).click();
      const one = await printPdf(page);
      const n = pageCount(one);
      // A role card (biography, goals, scored objectives, first-turn options) is one page, on A4 and on Letter.
      if (f.startsWith('role-')) {
        expect(n, f).toBe(1);
        // Printing ends with every handout chosen again (afterprint): choose this one again for Letter.
        await page.locator(`#handout-buttons button[data-file="${f}"]`).click();
        expect(pageCount(await printPdf(page, 'Letter')), `${f} on Letter`).toBe(1);
      }
      expect(n, f).toBeGreaterThan(0);
      sum += n;
    }
    await page.locator('#print-all').click();
    // Printed together, each handout still starts on a page of its own: the pages add up.
    expect(pageCount(await printPdf(page))).toBe(sum);
    expect(pageCount(all)).toBe(sum);
    expect(sum).toBeGreaterThan(files.length);
    expect(await problemsOf(s)).toEqual([]);
  });

  it('prints every role card the CLI writes (statecraft handouts) on one page, A4 and Letter', async () => {
    // A blank page of its own: the game's pages have a policy that would refuse the handouts' inline style.
    const page = await s.ctx.newPage();
    for (const id of ['party-congress', 'tutorial']) {
      for (const h of handoutsOf(nodeScenario(id)).filter((x) => x.file.startsWith('role-'))) {
        await page.setContent(h.html);
        expect(await page.locator('.role-card').evaluate((e) => e.ownerDocument.defaultView!.getComputedStyle(e).fontSize)).toBe('12px');
        for (const format of ['A4', 'Letter'] as const) expect(pageCount(await printPdf(page, format)), `${id} ${h.file} on ${format}`).toBe(1);
      }
    }
    await page.close();
  });
});
