import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PriceFileError } from './errors';
import { embeddedSnapshot, loadSnapshotFile, type PriceSnapshot } from './snapshot';

/** The refreshed snapshot's name inside a cache folder. */
export const CACHED_SNAPSHOT_NAME = 'price-snapshot.json';

export function cachedSnapshotPath(cacheDir: string): string {
  return path.join(cacheDir, CACHED_SNAPSHOT_NAME);
}

/** The user's cache folder for refreshed prices (XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'accel-advisor', 'Cache');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'accel-advisor');
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'accel-advisor');
}

export interface ActiveSnapshotOptions {
  /** Only prefer the cached snapshot when it has prices for this region. */
  region?: string;
  /** Told why a cached snapshot was not used (corrupt, older, missing the region). */
  warn?: (message: string) => void;
}

/**
 * The snapshot to price with: the refreshed one in `cacheDir` when it validates and is newer than
 * the embedded one (and covers `region`, when given); otherwise the embedded one.
 */
export function loadActiveSnapshot(cacheDir?: string, options: ActiveSnapshotOptions = {}): PriceSnapshot {
  const builtIn = embeddedSnapshot();
  if (!cacheDir) return builtIn;
  const file = cachedSnapshotPath(cacheDir);
  if (!existsSync(file)) return builtIn;
  let cached: PriceSnapshot;
  try {
    cached = loadSnapshotFile(file);
  } catch (err) {
    options.warn?.(`${err instanceof PriceFileError ? err.message : String(err)}; using the embedded prices (as of ${builtIn.asOf})`);
    return builtIn;
  }
  if (cached.asOf <= builtIn.asOf) {
    options.warn?.(`${file}: prices as of ${cached.asOf} are not newer than the embedded ones (${builtIn.asOf}); using the embedded prices`);
    return builtIn;
  }
  if (options.region && !Object.prototype.hasOwnProperty.call(cached.prices, options.region)) {
    options.warn?.(`${file}: no prices for ${options.region} (refreshed regions: ${Object.keys(cached.prices).sort().join(', ')}); using the embedded prices`);
    return builtIn;
  }
  return cached;
}
