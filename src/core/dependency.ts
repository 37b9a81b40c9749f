import { statSync } from 'node:fs';
import type { FileDependency } from './types';

/**
 * A file or folder as it is now, to be kept with a result that read it (FileDependency);
 * undefined when it is gone. `regularFile`: only a regular file (a link to a pipe or a device
 * would never end reading).
 */
export function statDependency(p: string, regularFile = false): FileDependency | undefined {
  try {
    const st = statSync(p);
    if (regularFile && !st.isFile()) return undefined;
    return { path: p, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}

/** Whether a dependency is still as it was (same size and time, still there). */
export function dependencyUnchanged(d: FileDependency): boolean {
  const now = statDependency(d.path);
  return !!now && now.size === d.size && now.mtimeMs === d.mtimeMs;
}
