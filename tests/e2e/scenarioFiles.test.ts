// Opening scenario files: every error of a broken file on screen (file:line:column, path), text never HTML, drag-and-drop.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAt, close, launch, openApp, phase, problemsOf, ROOT, waitPhase, type Session } from './helpers.js';

describe('scenario files', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('lists every error of a broken file and stays usable', async () => {
    const { page } = s;
    await openApp(s);
    await page.setInputFiles('#scenario-file', join(ROOT, 'tests/e2e/fixtures/broken-syntax.json'));
    await page.waitForSelector('#file-errors .diag');
    const syntax = await page.locator('#file-errors').textContent();
    expect(syntax).toMatch(/broken-syntax\.json:\d+:\d+/);
    expect(await page.locator('#alert').textContent()).toContain('could not be opened');

    await page.setInputFiles('#scenario-file', join(ROOT, 'tests/e2e/fixtures/broken-schema.json'));
    await page.waitForFunction(() =>
      (
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('#file-errors')
          ?.textContent ?? ''
      ).includes('broken-schema.json'),
    );
    const items = await page.locator('#file-errors .diag').allTextContents();
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.join('\n')).toMatch(/broken-schema\.json:\d+:\d+ error: .*\n?\s*at actors\[0\]\.colour/);
    expect(items.join('\n')).toContain('summary');
    expect((await phase(page)).name).toBe('title');

    await clickAt(page, '#scenario-tutorial');
    await waitPhase(page, 'setup');
    expect(await problemsOf(s)).toEqual([]);
  });

  it('decodes a picked file as the command line does: UTF-16 with a BOM opens, an invalid UTF-8 byte is shown at its line and column', async () => {
    const { page } = s;
    await openApp(s);
    const text = readFileSync(join(ROOT, 'scenarios/tutorial.json'), 'utf8');
    const at = text.indexOf('"title": "') + '"title": "'.length;
    const bytes = Buffer.from(text);
    const cut = Buffer.byteLength(text.slice(0, at));
    const bad = Buffer.concat([bytes.subarray(0, cut), Buffer.from([0xff]), bytes.subarray(cut)]);
    await page.setInputFiles('#scenario-file', { name: 'bad-utf8.json', mimeType: 'application/json', buffer: bad });
    await page.waitForSelector('#file-errors .diag');
    const line = text.slice(0, at).split('\n').length;
    const column = at - text.lastIndexOf('\n', at - 1);
    expect(await page.locator('#file-errors').textContent()).toContain(`bad-utf8.json:${line}:${column}`);
    expect(await page.locator('#file-errors').textContent()).toContain('invalid UTF-8: FF');

    await page.setInputFiles('#scenario-file', {
      name: 'utf16.json',
      mimeType: 'application/json',
      buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    });
    await waitPhase(page, 'setup');
    expect(await problemsOf(s)).toEqual([]);
  });

  it('opens a dropped file and shows scenario text as text, never as HTML', async () => {
    const { page } = s;
    await openApp(s);
    const def = JSON.parse(readFileSync(join(ROOT, 'scenarios/tutorial.json'), 'utf8')) as { title: string; id: string };
    def.title = '<img src=x id=injected onerror="document.title=1">Risky & <b>bold</b>';
    def.id = 'dropped';
    const text = JSON.stringify(def);
    await page.evaluate((t) => {
      const g = globalThis as unknown as {
        DataTransfer: new () => { items: { add(f: unknown): void }; types: string[] };
        File: new (b: string[], n: string, o: object) => unknown;
        dispatchEvent(e: unknown): void;
        DragEvent: new (t: string, o: object) => unknown;
      };
      const dt = new g.DataTransfer();
      dt.items.add(new g.File([t], 'dropped.json', { type: 'application/json' }));
      g.dispatchEvent(new g.DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
      g.dispatchEvent(new g.DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await waitPhase(page, 'setup');
    expect(await page.locator('img#injected').count()).toBe(0);
    await clickAt(page, '#start');
    await waitPhase(page, 'briefing', 0);
    expect(await page.locator('#briefing-text').textContent()).toContain('Your role');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.title()).not.toBe('1');
    await page.reload();
    await waitPhase(page, 'briefing', 0);
    expect(await problemsOf(s)).toEqual([]);
  });
});
