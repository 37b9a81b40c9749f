import { existsSync, promises as fs, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { NotReadableError, readTextFile } from './read-text';

/** Folders never worth reading: VCS data, dependencies, virtual environments, build output, caches. */
export const DEFAULT_EXCLUDED_DIRS = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', '.venv', 'venv', '.tox', '.nox', '__pycache__',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', '.ipynb_checkpoints', 'site-packages', '.eggs', '.terraform',
  '.terragrunt-cache', 'cdk.out', '.serverless', '.aws-sam', 'dist', 'build', 'out', 'target', '.next', '.nuxt',
  '.cache', '.gradle', '.idea', '.vscode-test', 'coverage', '.nyc_output', '.e2e',
]);

export interface DiscoveredFile {
  absPath: string;
  /** Relative to the root, forward slashes. */
  relPath: string;
  size: number;
  /** Modification time (ms), from the same stat: the scan cache compares it. */
  mtimeMs: number;
}

export interface SkippedFile {
  relPath: string;
  reason: 'too-large' | 'unreadable';
  detail?: string;
}

export interface DiscoveryOptions {
  /** Extra glob patterns to exclude (config `ignore`, editor `files.exclude`), relative to the root. */
  exclude?: string[];
  /** Only files for which this returns true are yielded (cheap name test before any stat). */
  accept?: (relPath: string) => boolean;
  maxFileSizeBytes: number;
  signal?: AbortSignal;
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  onSkip?: (skip: SkippedFile) => void;
  /** A file that decides what is scanned could not be used (a .gitignore that is a device or a pipe). */
  onProblem?: (problem: { file: string; message: string }) => void;
}

/** A file over the size limit: skipped and counted, never read. */
export function tooLargeSkip(relPath: string, size: number, maxBytes: number): SkippedFile {
  return { relPath, reason: 'too-large', detail: `${size} bytes > limit ${maxBytes}` };
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

interface IgnoreLayer {
  /** Folder (relative, '' for root) the .gitignore lives in. */
  base: string;
  ig: Ignore;
}

/** A .gitignore larger than this is not a list of patterns anyone wrote. */
const MAX_GITIGNORE_BYTES = 8 * 1024 * 1024;

/** A folder's .gitignore; a refused one (a link to a device, a pipe, huge) is reported and not applied. */
async function readGitignore(dirAbs: string, onRefused: (reason: string) => void): Promise<Ignore | undefined> {
  try {
    return ignore().add(await readTextFile(path.join(dirAbs, '.gitignore'), MAX_GITIGNORE_BYTES));
  } catch (err) {
    if (err instanceof NotReadableError) onRefused(err.reason);
    return undefined;
  }
}

function ignoredByLayers(layers: IgnoreLayer[], relPath: string, isDir: boolean): boolean {
  for (const { base, ig } of layers) {
    const sub = base ? relPath.slice(base.length + 1) : relPath;
    if (sub && ig.ignores(isDir ? `${sub}/` : sub)) return true;
  }
  return false;
}

/**
 * Walks a folder depth-first in a stable (sorted) order, yielding candidate files. Follows
 * symbolic links but never visits the same real folder twice, so link loops end.
 */
export async function* discoverFiles(root: string, opts: DiscoveryOptions): AsyncGenerator<DiscoveredFile> {
  const rootAbs = path.resolve(root);
  const excludeMatchers = (opts.exclude ?? []).map((g) => picomatch(g, { dot: true }));
  const excluded = (rel: string) => excludeMatchers.some((m) => m(rel) || m(`${rel}/`));
  const visited = new Set<string>();
  const useGitignore = opts.gitignore !== false;

  async function* walk(dirAbs: string, dirRel: string, layers: IgnoreLayer[]): AsyncGenerator<DiscoveredFile> {
    throwIfCancelled(opts.signal);
    let real: string;
    try {
      real = realpathSync.native(dirAbs);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);

    let entries: Dirent[];
    try {
      entries = await fs.readdir(dirAbs, { withFileTypes: true });
    } catch (err) {
      opts.onSkip?.({ relPath: dirRel || '.', reason: 'unreadable', detail: (err as Error).message });
      return;
    }
    let here = layers;
    if (useGitignore && entries.some((e) => e.name === '.gitignore')) {
      const ig = await readGitignore(dirAbs, (reason) =>
        opts.onProblem?.({ file: dirRel ? `${dirRel}/.gitignore` : '.gitignore', message: `not read: ${reason}; its patterns were not applied` }),
      );
      if (ig) here = [...layers, { base: dirRel, ig }];
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Sizes, link targets and venv markers are read synchronously: a stat costs microseconds,
    // while a promise per file costs a thread-pool round trip (3 s → 0.1 s on 20,000 files).
    // The caller's awaits between folders keep the event loop turning.
    for (const entry of entries) {
      const item = lookAt(entry, dirAbs, dirRel, here);
      if (!item) continue;
      if (item.kind === 'dir') yield* walk(item.abs, item.rel, here);
      else if (item.kind === 'skip') opts.onSkip?.(item.skip);
      else yield item.file;
    }
  }

  type Looked = { kind: 'dir'; abs: string; rel: string } | { kind: 'file'; file: DiscoveredFile } | { kind: 'skip'; skip: SkippedFile } | undefined;

  function lookAt(entry: Dirent, dirAbs: string, dirRel: string, here: IgnoreLayer[]): Looked {
    const abs = path.join(dirAbs, entry.name);
    const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let st: Stats | undefined;
    if (entry.isSymbolicLink()) {
      try {
        st = statSync(abs);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        return undefined; // dangling link
      }
    }
    if (isDir) {
      if (DEFAULT_EXCLUDED_DIRS.has(entry.name) || entry.name.endsWith('.egg-info')) return undefined;
      if (ignoredByLayers(here, rel, true) || excluded(rel)) return undefined;
      if (existsSync(path.join(abs, 'pyvenv.cfg'))) return undefined;
      return { kind: 'dir', abs, rel };
    }
    if (!isFile) return undefined;
    if (opts.accept && !opts.accept(rel)) return undefined;
    if (ignoredByLayers(here, rel, false) || excluded(rel)) return undefined;
    if (!st) {
      try {
        st = statSync(abs);
      } catch (err) {
        return { kind: 'skip', skip: { relPath: rel, reason: 'unreadable', detail: (err as Error).message } };
      }
    }
    if (st.size > opts.maxFileSizeBytes) {
      return { kind: 'skip', skip: tooLargeSkip(rel, st.size, opts.maxFileSizeBytes) };
    }
    return { kind: 'file', file: { absPath: abs, relPath: rel, size: st.size, mtimeMs: st.mtimeMs } };
  }

  yield* walk(rootAbs, '', []);
}

/** True when the bytes look binary (a NUL byte in the first 8 KiB, as git decides). */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Decodes file bytes as UTF-8 (BOM dropped, invalid bytes replaced). */
export function decodeText(buf: Uint8Array): string {
  return decoder.decode(buf);
}
