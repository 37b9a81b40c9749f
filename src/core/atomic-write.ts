import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { makeDirs } from './make-dirs';

/**
 * Replaces `file` with `data` so that a reader sees either the old content or the new, never a
 * mix: write a temporary file in the same folder, flush it to disk, then rename it over the
 * target. On any failure the temporary file is removed and the old file stays as it was.
 */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  let target = file;
  const st = await fs.stat(file).catch(() => undefined);
  if (st && !st.isFile()) {
    // A device, a pipe or a terminal (`--output /dev/null`, `/dev/stdout`, a FIFO) is written into,
    // never replaced: a rename over it would put a plain file where the device was (as root, in
    // /dev). A folder is refused here too (EISDIR), left as it was.
    await fs.writeFile(file, data, 'utf8');
    return;
  }
  // A symbolic link stays a link: the file it points to is the one replaced.
  if (st) target = await fs.realpath(file);
  const dir = path.dirname(target);
  await makeDirs(dir);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  // Persist the rename itself; not possible on every platform (Windows), so best effort.
  try {
    const d = await fs.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* directory fsync unsupported */
  }
}
