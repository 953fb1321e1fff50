// The built site's budget and hygiene: JavaScript under 420 KB gzipped, no HTML injection or eval in the UI sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('the built bundle', () => {
  it('keeps all JavaScript within 420 KB gzipped', () => {
    const js = files(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'));
    const total = js.reduce((t, f) => t + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    expect(js.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(420 * 1024);
  });

  it('ships the fonts and the map itself (nothing from a CDN)', () => {
    const assets = files(join(ROOT, 'dist'));
    expect(assets.some((f) => /ibm-plex-sans-latin-400-normal.*\.woff2$/.test(f))).toBe(true);
    expect(assets.some((f) => /countries-50m.*\.json$/.test(f))).toBe(true);
    const css = assets
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(css).not.toMatch(/url\((["']?)https?:/);
  });

  it('never writes scenario text as HTML and never evaluates strings', () => {
    const sources = files(join(ROOT, 'src/ui')).filter((f) => f.endsWith('.ts'));
    for (const f of sources) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|new Function|\beval\(/);
    }
  });
});
