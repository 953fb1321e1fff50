// The bounded reader: devices, FIFOs, huge sparse files and directories refused by type or size, fast and small.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBytes, readJson, readText } from './readFile.js';

const dir = mkdtempSync(join(tmpdir(), 'statecraft-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `read` and returns the error it throws, with the time and the growth in memory it took. */
function refused(read: () => unknown): { message: string; ms: number; mb: number } {
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  let message = '';
  try {
    read();
  } catch (e) {
    message = (e as Error).message;
  }
  return { message, ms: performance.now() - started, mb: (process.memoryUsage().rss - rss) / 1024 / 1024 };
}

describe('readBytes', () => {
  const fifo = join(dir, 'fifo.json');
  execFileSync('mkfifo', [fifo]);
  const sparse = join(dir, 'sparse.json');
  writeFileSync(sparse, '');
  truncateSync(sparse, 1024 * 1024 * 1024);
  const folder = join(dir, 'folder.json');
  mkdirSync(folder);

  it.each([
    ['/dev/zero', '/dev/zero', 'cannot read /dev/zero: is a device, not a regular file'],
    ['a FIFO with no writer', fifo, `cannot read ${fifo}: is a pipe (FIFO), not a regular file`],
    ['a 1 GB sparse file', sparse, `cannot read ${sparse}: the file is 1024 MB; files read are limited to 5 MB`],
    ['a directory', folder, `cannot read ${folder}: is a directory, not a file`],
    ['a missing file', join(dir, 'missing.json'), `cannot read ${join(dir, 'missing.json')}: no such file`],
  ])('refuses %s with a clear error in under a second and 100 MB', (_name, file, message) => {
    const r = refused(() => readBytes(file));
    expect(r.message).toBe(message);
    expect(r.ms).toBeLessThan(1000);
    expect(r.mb).toBeLessThan(100);
  });

  it('enforces the limit while reading, so a file whose size says 0 cannot bring more', () => {
    expect(readBytes('/proc/self/status').length).toBeGreaterThan(100);
    expect(refused(() => readBytes('/proc/self/status', 10)).message).toBe(
      'cannot read /proc/self/status: the file is over 10 bytes; files read are limited to 10 bytes',
    );
  });

  it('reads a regular file whole', () => {
    const f = join(dir, 'small.json');
    writeFileSync(f, Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    expect([...readBytes(f)]).toEqual([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
    expect(readText(f)).toBe('{}');
  });
});

describe('readText and readJson', () => {
  it('name the file, line and column of an invalid byte', () => {
    const f = join(dir, 'bad.json');
    writeFileSync(f, Buffer.concat([Buffer.from('{\n "a": "'), Buffer.from([0xc0, 0x80]), Buffer.from('"}')]));
    expect(refused(() => readText(f)).message).toBe(`${f}:2:8: error: invalid UTF-8: C0 (byte 9) is an overlong encoding; save the file as UTF-8`);
  });

  it('refuse duplicate keys with the file, line, column and path', () => {
    const f = join(dir, 'dup.json');
    writeFileSync(f, '{"seed": "a", "seed": "b"}');
    expect(refused(() => readJson(f, 'a replay')).message).toBe(
      `${f}:1:15: error: duplicate property "seed" (first given at line 1, column 2); a property may be given only once (at seed); not read as a replay`,
    );
  });
});
