// The served site refuses to be framed: frame-ancestors 'none' in the CSP header (a <meta> CSP cannot carry it) and
// X-Frame-Options: DENY; a frame of the page (even on the site itself) stays empty.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { close, launch, type Session } from './helpers.js';

describe('served headers', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await close(s);
  });

  it('sends frame-ancestors none and X-Frame-Options DENY with the page, beside the rest of the CSP', async () => {
    const r = await fetch(inject('baseUrl'));
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp.split(';').map((d) => d.trim())).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    const html = await r.text();
    expect(html).not.toContain('frame-ancestors');
  });

  it('is not shown inside a frame, even one of its own pages', async () => {
    const { page } = s;
    // Only a frame of the site itself is allowed by its frame-src, so the refusal comes from frame-ancestors alone.
    await page.goto(inject('baseUrl'));
    await page.evaluate((src) => {
      const g = globalThis as unknown as { document: { createElement(t: string): { src: string; id: string }; body: { append(n: unknown): void } } };
      const f = g.document.createElement('iframe');
      f.id = 'framed';
      f.src = src;
      g.document.body.append(f);
    }, inject('baseUrl'));
    await page.waitForTimeout(2000);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    const inside = await frame!
      .evaluate(() => (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('#app') !== null)
      .catch(() => false);
    expect(inside).toBe(false);
  });
});
