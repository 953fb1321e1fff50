// The atomic writer: whole files or nothing, "cannot write F: reason", and never a temporary file left behind.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicFile, writeFileAtomic } from './atomicWrite.js';

const dir = mkdtempSync(join(tmpdir(), 'statecraft-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const message = (write: () => void): string => {
  try {
    write();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one, keeping its permissions, with nothing else left in the folder', () => {
    const f = join(dir, 'out.txt');
    writeFileAtomic(f, 'first');
    writeFileSync(join(dir, 'keep.txt'), 'x');
    chmodSync(f, 0o640);
    writeFileAtomic(f, 'second');
    expect(readFileSync(f, 'utf8')).toBe('second');
    expect(readdirSync(dir).sort()).toEqual(['keep.txt', 'out.txt']);
  });

  it.each([
    ['a missing folder', () => join(dir, 'nofolder', 'x.csv'), (f: string) => `cannot write ${f}: the folder ${join(dir, 'nofolder')} does not exist`],
    ['a parent that is a file', () => join(dir, 'keep.txt', 'x.csv'), (f: string) => `cannot write ${f}: ${join(dir, 'keep.txt')} is not a folder`],
    ['a directory', () => dir, (f: string) => `cannot write ${f}: is a directory`],
    ['a full device', () => '/dev/full', () => 'cannot write /dev/full: no space left on the device'],
  ])('says "cannot write F: reason" for %s', (_name, file, want) => {
    const f = file();
    expect(message(() => writeFileAtomic(f, 'text\n'.repeat(1000)))).toBe(want(f));
  });

  it('says "permission denied" for a folder it may not write, leaving nothing there', () => {
    // root may write any folder, so there the check uses /sys, which refuses new files even to root.
    const root = process.getuid?.() === 0;
    const locked = root ? '/sys' : join(dir, 'locked');
    if (!root) {
      mkdirSync(locked);
      chmodSync(locked, 0o555);
    }
    const before = readdirSync(locked);
    expect(message(() => writeFileAtomic(join(locked, 'x.csv'), 'text'))).toBe(`cannot write ${join(locked, 'x.csv')}: permission denied`);
    expect(readdirSync(locked)).toEqual(before);
  });
});

describe('AtomicFile', () => {
  it('shows nothing under the name until commit, and abort leaves an earlier file untouched', () => {
    const f = join(dir, 'runs.csv');
    writeFileSync(f, 'old\n');
    const out = new AtomicFile(f);
    out.write('run,seed\n');
    expect(readFileSync(f, 'utf8')).toBe('old\n');
    out.abort();
    expect(readFileSync(f, 'utf8')).toBe('old\n');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const again = new AtomicFile(f);
    again.write('run,seed\n');
    again.write('1,a\n');
    again.commit();
    expect(readFileSync(f, 'utf8')).toBe('run,seed\n1,a\n');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes in place to a device such as /dev/null, where there is nothing to rename over', () => {
    const out = new AtomicFile('/dev/null');
    out.write('anything');
    out.commit();
    expect(readdirSync('/dev').filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
