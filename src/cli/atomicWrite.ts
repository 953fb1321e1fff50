// Every file the CLI writes: a temporary file beside the target, written, flushed and renamed over it, or removed.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './args.js';
import { onInterrupt } from './interrupt.js';
import { describeErrno } from './readFile.js';
import { err } from './terminal.js';

function why(e: unknown, folder: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `the folder ${folder} does not exist`;
  if (code === 'ENOTDIR') return `${folder} is not a folder`;
  return describeErrno(e);
}

/**
 * A file written piece by piece, which appears under its name only whole: `commit` flushes the temporary file
 * (".<name>.<pid>.<random>.tmp" in the target's folder) to disk and renames it over the target; `abort`, a failed
 * write or SIGINT/SIGTERM removes it, leaving any earlier file untouched. A target that exists and is a device or
 * a pipe (/dev/null, /dev/full, /dev/stdout) is written in place, since there is nothing to rename over.
 * Failures are CliErrors "cannot write F: reason".
 */
export class AtomicFile {
  private fd = -1;
  /** Whether the temporary file exists under its temporary name. */
  private pending = false;
  private readonly temp: string | null;
  private readonly target: string;
  private readonly release: () => void;

  constructor(readonly file: string) {
    let st: Stats | null = null;
    try {
      st = statSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw this.failure(e);
    }
    if (st?.isDirectory()) throw this.failure('is a directory');
    const inPlace = st !== null && !st.isFile();
    this.target = st ? realpathSync(file) : file;
    this.temp = inPlace ? null : join(dirname(this.target), `.${basename(this.target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      this.fd = this.temp === null ? openSync(this.target, 'w') : openSync(this.temp, 'wx', st ? st.mode & 0o777 : 0o666);
    } catch (e) {
      throw this.failure(e);
    }
    this.pending = this.temp !== null;
    this.release = onInterrupt(() => {
      this.discard();
      err(`statecraft: ${file} was not written\n`);
    });
  }

  private failure(e: unknown): CliError {
    return new CliError(`cannot write ${this.file}: ${typeof e === 'string' ? e : why(e, dirname(this.file) || '.')}`);
  }

  /** Appends `text`; on failure the temporary file is removed and a CliError thrown. */
  write(text: string): void {
    if (text === '') return;
    if (this.fd < 0) throw new CliError(`cannot write ${this.file}: it is already closed`);
    const bytes = Buffer.from(text, 'utf8');
    try {
      for (let done = 0; done < bytes.length;) done += writeSync(this.fd, bytes, done, bytes.length - done);
    } catch (e) {
      this.abort();
      throw this.failure(e);
    }
  }

  /** Flushes and renames the file into place; on failure nothing is left under the target's name but what was there. */
  commit(): void {
    if (this.fd < 0) throw new CliError(`cannot write ${this.file}: it is already closed`);
    try {
      if (this.temp !== null) fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = -1;
      if (this.temp !== null) renameSync(this.temp, this.target);
      this.pending = false;
    } catch (e) {
      this.abort();
      throw this.failure(e);
    }
    this.release();
  }

  /** Closes and removes the temporary file; nothing happens after commit. */
  abort(): void {
    this.discard();
    this.release();
  }

  private discard(): void {
    if (this.fd >= 0) {
      try {
        closeSync(this.fd);
      } catch {
        /* closing a file that failed to write can fail again; the file is removed below either way */
      }
      this.fd = -1;
    }
    if (this.pending && this.temp !== null) {
      this.pending = false;
      try {
        unlinkSync(this.temp);
      } catch {
        /* already gone */
      }
    }
  }
}

/** Writes `text` to `file` whole or not at all (see AtomicFile). */
export function writeFileAtomic(file: string, text: string): void {
  const out = new AtomicFile(file);
  out.write(text);
  out.commit();
}
