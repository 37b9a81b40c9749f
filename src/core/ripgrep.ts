import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';
import { CancelledError } from './discovery';
import type { FileAnalyzer, FileOutcome, QueuedFile as Queued } from './file-analysis';
import { triggerWordsOf } from './prefilter';
import type { Analyzer } from './rule';

/**
 * ripgrep as the scan's pre-check. Most files of a repository have none of the words any analyzer
 * triggers on (core/prefilter.ts); ripgrep finds which do, a batch of named files at a time,
 * searching bytes at memory speed, and only those are read and analysed. A file it passes over
 * could only have given "analysed, no findings" (its pre-check fails), and is answered so.
 *
 * It only ever narrows what is read: a file an analyzer without trigger words reads goes straight
 * on; a batch ripgrep fails on (an unreadable file, a crash, output naming a file not asked for)
 * goes on whole, so the engine reports what it reports without ripgrep. Binary files are never
 * answered here: ripgrep also picks every file with a NUL byte, and the engine decides.
 */

/** Where VS Code and code-server keep the ripgrep they ship, under the application root. */
export function bundledRipgrepCandidates(appRoot: string, platform = process.platform, arch = process.arch): string[] {
  const exe = platform === 'win32' ? 'rg.exe' : 'rg';
  return [
    path.join(appRoot, 'node_modules.asar.unpacked', '@vscode', 'ripgrep', 'bin', exe),
    path.join(appRoot, 'node_modules', '@vscode', 'ripgrep', 'bin', exe),
    path.join(appRoot, 'node_modules', '@vscode', 'ripgrep-universal', 'bin', `${platform}-${arch}`, exe),
    path.join(appRoot, 'node_modules.asar.unpacked', 'vscode-ripgrep', 'bin', exe),
  ];
}

/** `rg` on the PATH (`rg.exe` on Windows), or undefined. */
export function ripgrepOnPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  return findExecutable(dirs.map((d) => path.join(d, platform === 'win32' ? 'rg.exe' : 'rg')));
}

/** The first of the paths that is an executable file. */
export function findExecutable(candidates: readonly string[]): string | undefined {
  for (const c of candidates) {
    try {
      if (!statSync(c).isFile()) continue;
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      /* not there, or not executable */
    }
  }
  return undefined;
}

/** Whether `rg --version` says ripgrep (within 10 s). */
export function isRipgrep(rg: string): Promise<boolean> {
  return new Promise((resolve) => {
    let out = '';
    try {
      const child = spawn(rg, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true, timeout: 10_000 });
      child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.on('error', () => resolve(false));
      child.on('close', (code) => resolve(code === 0 && /^ripgrep \d+\./.test(out)));
    } catch {
      resolve(false);
    }
  });
}

/** Escapes a word for ripgrep's (Rust) regular expressions. */
export function escapeForRipgrep(word: string): string {
  return word.replace(/[\\.+*?()|[\]{}^$#&\-~]/g, '\\$&');
}

/** One pattern for a set of analyzers' words (each analyzer's case rule kept), or undefined if one has none. */
export function ripgrepPattern(analyzers: readonly Analyzer[]): string | undefined {
  const parts: string[] = [];
  for (const a of analyzers) {
    const w = triggerWordsOf(a);
    if (!w) return undefined;
    const alt = [...new Set(w.words)].map(escapeForRipgrep).join('|');
    parts.push(w.ignoreCase ? `(?i:${alt})` : alt);
  }
  return parts.length ? parts.join('|') : undefined;
}

export interface RipgrepStats {
  /** Files ripgrep looked at. */
  searched: number;
  /** Of those, files with trigger words (or a NUL byte), handed on to be read. */
  selected: number;
  /** Files handed on without asking ripgrep (an analyzer with no trigger words reads them). */
  unfiltered: number;
  /** ripgrep runs that failed, their files handed on whole. */
  failedRuns: number;
  /** The executable did not answer `--version` as ripgrep: every file was handed on. */
  notRipgrep: boolean;
}

/** One line on what ripgrep did in a scan, for the terminal or the editor's log. */
export function describeRipgrep(rg: string, s: RipgrepStats): string {
  if (s.notRipgrep) return `${rg} is not ripgrep (its --version did not say so): every file was read`;
  const failed = s.failedRuns ? `; ${s.failedRuns} of its runs failed, and their files were read anyway` : '';
  return `ripgrep pre-check (${rg}): ${s.selected} of ${s.searched} files had trigger words${failed}`;
}

interface Batch {
  pattern: string;
  files: Queued[];
  chars: number;
}

export interface RipgrepPrefilterOptions {
  /** The ripgrep executable. */
  rg: string;
  analyzers: readonly Analyzer[];
  /** Files per run (default 2,000). */
  batchFiles?: number;
  /** Runs at once (default 2). */
  parallel?: number;
}

/** Command-line room for the file names of one run: Windows allows 32,767 characters in all. */
const MAX_ARG_CHARS = process.platform === 'win32' ? 24_000 : 512_000;

/**
 * How long a partial batch waits for more files before it is searched anyway (the end of
 * discovery sends every partial batch at once, `flush`; this is for a scan whose window is full).
 */
const QUIET_MS = 50;

/** Wraps a FileAnalyzer with ripgrep's pre-check (see above). */
export class RipgrepPrefilter {
  readonly stats: RipgrepStats = { searched: 0, selected: 0, unfiltered: 0, failedRuns: 0, notRipgrep: false };
  private readonly batchFiles: number;
  private readonly parallel: number;
  private readonly patterns = new Map<string, string | null>();
  private readonly open = new Map<string, Batch>();
  private readonly waiting: Batch[] = [];
  private readonly running = new Set<ChildProcess>();
  /** Batches being searched (the executable's check included). */
  private runs = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  /** Whether the executable is ripgrep (`--version`): anything else (exiting 1, "no match", say) must not decide. */
  private readonly verified: Promise<boolean>;

  constructor(
    private readonly inner: FileAnalyzer,
    private readonly opts: RipgrepPrefilterOptions,
  ) {
    this.batchFiles = opts.batchFiles ?? 2000;
    this.parallel = opts.parallel ?? 2;
    this.verified = isRipgrep(opts.rg);
  }

  /** Files that may wait here in batches besides what the inner analyzer keeps in flight. */
  get window(): number {
    return this.batchFiles * (this.parallel + 1);
  }

  /** No more files are coming for now (discovery is over): partial batches are searched at once. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.flushOpen();
  }

  readonly analyze: FileAnalyzer = (absPath, relPath, signal) => {
    const pattern = this.patternFor(relPath);
    if (pattern === undefined || this.closed) {
      this.stats.unfiltered++;
      return this.inner(absPath, relPath, signal);
    }
    if (signal?.aborted) return Promise.reject(new CancelledError());
    return new Promise<FileOutcome>((resolve, reject) => {
      let batch = this.open.get(pattern);
      if (!batch) this.open.set(pattern, (batch = { pattern, files: [], chars: 0 }));
      batch.files.push({ absPath, relPath, signal, resolve, reject });
      batch.chars += absPath.length + 1;
      if (batch.files.length >= this.batchFiles || batch.chars >= MAX_ARG_CHARS) {
        this.open.delete(pattern);
        this.enqueue(batch);
      }
      // A partial batch goes once the scan stops handing files over (its window full, or done).
      if (this.timer) this.timer.refresh();
      else this.timer = setTimeout(() => this.flushOpen(), QUIET_MS);
    });
  };

  private flushOpen(): void {
    this.timer = undefined;
    const batches = [...this.open.values()];
    this.open.clear();
    for (const b of batches) this.enqueue(b);
  }

  /** Stops running searches; files still waiting are handed on unfiltered. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.flushOpen();
    for (const child of this.running) child.kill();
  }

  private patternFor(relPath: string): string | undefined {
    const matching = this.opts.analyzers.filter((a) => a.matches(relPath));
    const key = matching.map((a) => a.id).join('\0');
    let p = this.patterns.get(key);
    if (p === undefined) {
      p = ripgrepPattern(matching) ?? null;
      this.patterns.set(key, p);
    }
    return p ?? undefined;
  }

  private enqueue(batch: Batch): void {
    this.waiting.push(batch);
    this.pump();
  }

  private pump(): void {
    while (this.runs < this.parallel && this.waiting.length) this.run(this.waiting.shift()!);
  }

  private handOn(files: readonly Queued[]): void {
    for (const f of files) this.inner(f.absPath, f.relPath, f.signal).then(f.resolve, f.reject);
  }

  /** One batch: checks the executable (once for all), searches, answers every file; then the next batch. */
  private run(batch: Batch): void {
    this.runs++;
    const done = () => {
      this.runs--;
      this.pump();
    };
    void this.verified.then((ok) => {
      if (ok) this.search(batch, done);
      else {
        this.stats.notRipgrep = true;
        this.stats.unfiltered += batch.files.length;
        this.handOn(batch.files);
        done();
      }
    });
  }

  private search(batch: Batch, done: () => void): void {
    const live = batch.files.filter((f) => {
      if (!f.signal?.aborted) return true;
      f.reject(new CancelledError());
      return false;
    });
    if (!live.length || this.closed) {
      this.handOn(live);
      done();
      return;
    }
    const args = [
      '--files-with-matches',
      '--null',
      '--no-config',
      '--no-ignore',
      '--hidden',
      '--text', // search every byte: binary detection is the engine's, through the NUL pattern below
      '--encoding',
      'none', // bytes as they are: no BOM sniffing or transcoding
      '--threads',
      '1',
      '--regexp',
      batch.pattern,
      '--regexp',
      '(?-u:\\x00)',
      '--',
      ...live.map((f) => f.absPath),
    ];
    let child: ChildProcess;
    try {
      child = spawn(this.opts.rg, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch {
      this.failed(live);
      done();
      return;
    }
    this.running.add(child);
    const out: Buffer[] = [];
    let settled = false;
    const finish = (ok: boolean) => {
      if (settled) return;
      settled = true;
      this.running.delete(child);
      if (ok) this.answer(live, Buffer.concat(out));
      else this.failed(live);
      done();
    };
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.resume();
    child.on('error', () => finish(false));
    // 0: some files matched, 1: none did; 2: an error (an unreadable file …), or killed.
    child.on('close', (code) => finish(code === 0 || code === 1));
  }

  private failed(files: readonly Queued[]): void {
    this.stats.failedRuns++;
    this.stats.unfiltered += files.length;
    this.handOn(files);
  }

  private answer(files: readonly Queued[], output: Buffer): void {
    const byPath = new Map(files.map((f) => [f.absPath, f]));
    const chosen = new Set<Queued>();
    for (const name of output.toString('utf8').split('\0')) {
      if (!name) continue;
      const f = byPath.get(name);
      if (!f) {
        // A name that does not map back (an encoding ripgrep prints differently): trust nothing.
        this.failed(files);
        return;
      }
      chosen.add(f);
    }
    this.stats.searched += files.length;
    this.stats.selected += chosen.size;
    for (const f of files) {
      if (chosen.has(f)) this.inner(f.absPath, f.relPath, f.signal).then(f.resolve, f.reject);
      else f.resolve({ kind: 'analyzed', findings: [], errors: [] });
    }
  }
}
