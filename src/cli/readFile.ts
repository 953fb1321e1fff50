// Every file the CLI reads: regular files only, the size limit enforced while reading, decoded and parsed strictly.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { decodeFailureText, decodeText, MAX_FILE_BYTES } from '../format/decodeText.js';
import { jsonProblemText, readJsonText } from '../format/json.js';
import { CliError } from './args.js';
import { err } from './terminal.js';

/** The reason in an errno error, in words. */
export function describeErrno(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code ?? '') {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'EIO':
      return 'input/output error';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENXIO':
      return 'no process is reading the pipe';
    default:
      return err.message ?? String(e);
  }
}

/** Why a file of this type is not read (or written in place), or null for a regular file. */
export function notRegular(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'is a directory, not a file';
  if (st.isFIFO()) return 'is a pipe (FIFO), not a regular file';
  if (st.isSocket()) return 'is a socket, not a regular file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a regular file';
  return 'is not a regular file';
}

const mb = (n: number): string => (n < 1024 * 1024 ? `${n} bytes` : `${Math.round((n / 1024 / 1024) * 10) / 10} MB`);
const CHUNK = 64 * 1024;

/**
 * The bytes of regular file `file`, at most `limit` of them. The type is checked before opening (so a FIFO, a
 * device or a directory is refused without blocking or reading), again after, and the limit is enforced while
 * reading, so a file that grows or lies about its size is cut off at limit + 1 bytes.
 */
export function readBytes(file: string, limit = MAX_FILE_BYTES): Uint8Array {
  const fail = (why: string) => new CliError(`cannot read ${file}: ${why}`);
  const tooLarge = (size: string) => fail(`the file is ${size}; files read are limited to ${mb(limit)}`);
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    throw fail(describeErrno(e));
  }
  const kind = notRegular(st);
  if (kind) throw fail(kind);
  if (st.size > limit) throw tooLarge(mb(st.size));
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw fail(describeErrno(e));
  }
  try {
    const again = notRegular(fstatSync(fd));
    if (again) throw fail(again);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge(`over ${mb(limit)}`);
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw fail(describeErrno(e));
  } finally {
    closeSync(fd);
  }
}

/** The text of `file` (UTF-8, or UTF-16 with a byte order mark); undecodable bytes are a CliError at file:line:column. */
export function readText(file: string, limit = MAX_FILE_BYTES): string {
  const decoded = decodeText(readBytes(file, limit));
  if (!decoded.ok) throw new CliError(decodeFailureText(file, decoded));
  return decoded.text;
}

/**
 * The strict JSON value of `file`: duplicate keys, "__proto__" keys, unpaired surrogates and more than the syntax
 * check's value count are refused. Every problem is printed as file:line:column; the CliError names the first.
 */
export function readJson(file: string, what: string, limit = MAX_FILE_BYTES): unknown {
  const r = readJsonText(readText(file, limit));
  if (r.ok) return r.value;
  for (const p of r.problems.slice(1)) err(`${jsonProblemText(file, p)}\n`);
  const more = r.problems.length > 1 ? ` (and ${r.problems.length - 1} more, above)` : '';
  throw new CliError(`${jsonProblemText(file, r.problems[0]!)}${more}; not read as ${what}`);
}
