import { describe, expect, it } from 'vitest';
import { compileOk, loadScenario, loadScenarioFile } from '../../tests/unit/fixtures.js';
import { escapeHtml, handoutsOf, inventions } from './handouts.js';

describe('handouts', () => {
  it('gives the index, the class sheet, a card per role, what is invented and the instructor page', () => {
    const sc = loadScenario('party-congress');
    const files = handoutsOf(sc).map((h) => h.file);
    expect(files).toEqual(['index.html', 'class-sheet.html', ...sc.def.actors.map((a) => `role-${a.id}.html`), 'invented.html', 'instructor.html']);
    const nk = handoutsOf(sc).find((h) => h.file === 'role-nk.html')!.html;
    for (const o of sc.actors[sc.actorIndex.get('nk')!]!.objectives) expect(nk).toContain(escapeHtml(o.label));
    const glossary = sc.def.instructor!.glossary!;
    expect(handoutsOf(sc).find((h) => h.file === 'class-sheet.html')!.html).toContain(escapeHtml(glossary[0]!.term));
  });

  it('lists every part the file marks as an assumption, with its reason', () => {
    const sc = loadScenario('party-congress');
    const marked = JSON.stringify(sc.def).match(/"assumption":/g)!.length;
    expect(inventions(sc).reduce((n, g) => n + g.items.length, 0)).toBe(marked);
  });

  it('escapes scenario text, so no tag or attribute from the file reaches the page', () => {
    const def = loadScenarioFile('tutorial');
    def.title = '<script>alert(1)</script>';
    def.actors[0]!.name = '<img src=x onerror=alert(1)>';
    def.actors[0]!.goalsText = ['" onmouseover="alert(1)'];
    const pages = handoutsOf(compileOk(def));
    for (const p of pages) {
      expect(p.html).not.toMatch(/<script|<img|" onmouseover/);
    }
    expect(pages.find((p) => p.file.startsWith('role-'))!.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
