import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, type Stats } from 'node:fs';

/**
 * Reads a small text file that a repository or a setting names (.gitignore, .accel-advisor.json,
 * a price file) — only if it is a regular file no larger than `maxBytes`. A repository can commit
 * `.gitignore` as a link to /dev/zero (read whole, half a gigabyte of memory before failing) or
 * hold a named pipe (read forever): those are refused with a reason instead.
 *
 * The file is opened without blocking (a pipe would otherwise wait for a writer) and checked
 * through the open descriptor, so it cannot be swapped between the check and the read.
 * Errors keep their `code` (ENOENT for a missing file); a refused file throws a
 * NotReadableError.
 */
export class NotReadableError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'NotReadableError';
  }
}

const NONBLOCK = typeof constants.O_NONBLOCK === 'number' ? constants.O_NONBLOCK : 0;

/** A buffer for the whole file, once it is known to be a regular file within the limit (one byte more: see `text`). */
function bufferFor(file: string, st: Stats, maxBytes: number): Buffer {
  if (!st.isFile()) throw new NotReadableError(file, 'not a regular file (a device, a pipe or a folder)');
  if (st.size > maxBytes) throw new NotReadableError(file, `larger than ${formatBytes(maxBytes)} (${formatBytes(st.size)})`);
  return Buffer.alloc(st.size + 1);
}

/** The text read, unless more came than the file said it held (it grew while it was read). */
function text(file: string, buf: Buffer, length: number): string {
  if (length >= buf.length) throw new NotReadableError(file, 'it grew while it was read');
  return buf.toString('utf8', 0, length);
}

export async function readTextFile(file: string, maxBytes: number): Promise<string> {
  const handle = await fs.open(file, constants.O_RDONLY | NONBLOCK);
  try {
    const buf = bufferFor(file, await handle.stat(), maxBytes);
    let length = 0;
    while (length < buf.length) {
      const { bytesRead } = await handle.read(buf, length, buf.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return text(file, buf, length);
  } finally {
    await handle.close();
  }
}

/** readTextFile for a thread that may block (a scan worker). */
export function readTextFileSync(file: string, maxBytes: number): string {
  const fd = openSync(file, constants.O_RDONLY | NONBLOCK);
  try {
    const buf = bufferFor(file, fstatSync(fd), maxBytes);
    let length = 0;
    while (length < buf.length) {
      const n = readSync(fd, buf, length, buf.length - length, length);
      if (n === 0) break;
      length += n;
    }
    return text(file, buf, length);
  } finally {
    closeSync(fd);
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}
