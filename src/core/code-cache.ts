import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { makeDirsSync } from './make-dirs';

/**
 * V8's code cache for the one large bundle loaded at run time, the TypeScript parser
 * (dist/typescript-estree.js, 9 MB): compiling it takes ~0.3 s on each process or worker that
 * meets its first CDK file; with the cache, under 0.1 s. The cache is a file in the user's cache
 * folder (never the repository), named after the bundle's size and modification time and the
 * V8 version, so a new build or a new Node/Electron gets a new one. V8 checks it too and rejects
 * a stale or corrupt one; a rejected or missing cache is written again after first use. Writing
 * one removes the bundle's older caches beyond the newest KEPT_CACHES (each is ~3 MB, and every
 * update of the extension or the CLI brings a new bundle).
 */
let cacheDir: string | undefined;

/**
 * Caches kept per bundle: the one just written and the newest others (another installed version,
 * the CLI beside the extension, would otherwise remove this one's cache each time it runs).
 */
export const KEPT_CACHES = 3;

/** Where code caches are kept (`<cache>/v8`); undefined turns the cache off (the default). */
export function setCodeCacheDir(dir: string | undefined): void {
  cacheDir = dir;
}

export function codeCacheDir(): string | undefined {
  return cacheDir;
}

export interface CachedModule<T> {
  exports: T;
  /** Writes the cache if it was missing or rejected; best after first use, so the functions it ran are in it. */
  save(): void;
}

/** `require(file)` of a self-contained CommonJS bundle, through the code cache when one is configured. */
export function requireWithCodeCache<T>(file: string, fallback: () => T): CachedModule<T> {
  const dir = cacheDir;
  if (!dir) return { exports: fallback(), save: () => undefined };
  let source: string;
  let cacheFile: string;
  try {
    const st = statSync(file);
    source = readFileSync(file, 'utf8');
    const tag = `${process.versions.v8}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}`.replace(/[^\w.-]/g, '_');
    cacheFile = path.join(dir, 'v8', `${path.basename(file, '.js')}-${tag}.bin`);
  } catch {
    return { exports: fallback(), save: () => undefined };
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = { exports: {} as T };
  const run = script.runInThisContext() as (exports: unknown, req: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  let pending = !cachedData || script.cachedDataRejected === true;
  return {
    exports: mod.exports,
    save() {
      if (!pending) return;
      pending = false;
      try {
        makeDirsSync(path.dirname(cacheFile));
        const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
        pruneOlderCaches(cacheFile, `${path.basename(file, '.js')}-`);
      } catch {
        // A cache folder we cannot write to costs the compile time, nothing else.
      }
    },
  };
}

/** Removes the caches of other builds of a bundle (`<name>-<V8 version>….bin`) beyond the newest KEPT_CACHES, this one counted. */
function pruneOlderCaches(current: string, prefix: string): void {
  const dir = path.dirname(current);
  const others: { file: string; mtimeMs: number }[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (file === current || !name.startsWith(prefix) || !/^\d[\w.-]*\.bin$/.test(name.slice(prefix.length))) continue;
    try {
      others.push({ file, mtimeMs: statSync(file).mtimeMs });
    } catch {
      /* removed meanwhile */
    }
  }
  others.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { file } of others.slice(KEPT_CACHES - 1)) rmSync(file, { force: true });
}
