import { mkdirSync, promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * `mkdir -p`, a level at a time. Node 20's recursive mkdir (sync and async) never returns for a
 * path under /proc; a cache or output folder set there must fail with an error, not hang.
 */
const MAX_LEVELS = 32;

export function makeDirsSync(dir: string, levels = MAX_LEVELS): void {
  try {
    mkdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || levels <= 0 || parent === dir) throw err;
    makeDirsSync(parent, levels - 1);
    mkdirSync(dir);
  }
}

export async function makeDirs(dir: string, levels = MAX_LEVELS): Promise<void> {
  try {
    await fs.mkdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || levels <= 0 || parent === dir) throw err;
    await makeDirs(parent, levels - 1);
    await fs.mkdir(dir);
  }
}
