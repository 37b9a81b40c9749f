import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Analyzer } from '../core/rule';
import type { EffectiveConfig } from '../core/config';
import { analyzeFile, type FileAnalyzer, type FileOutcome, type QueuedFile as Waiting } from '../core/file-analysis';
import { FILES_IN_FLIGHT_PER_WORKER, WorkerPool } from '../core/worker-pool';
import { RipgrepPrefilter, ripgrepOnPath, findExecutable } from '../core/ripgrep';

/** Below this many files a scan stays in one thread: starting workers would cost more than it saves. */
const WORKER_THRESHOLD = 100;
/** How long the first files wait to see whether more are coming (discovery finds hundreds per ms). */
const DECIDE_MS = 15;

/**
 * Decides where files are analysed: a scan of more than WORKER_THRESHOLD files goes to a pool of
 * worker threads (one per core) running the bundled engine (dist/worker.js); a small one stays in
 * this thread. The first files wait a moment for the decision, so a large scan never starts
 * parsing in the main thread, where each parse would hold up handing files to the workers.
 */
export function createFileAnalyzer(analyzers: readonly Analyzer[], config: EffectiveConfig, env: NodeJS.ProcessEnv, opts: { ripgrep?: boolean } = {}) {
  const script = path.join(__dirname, 'worker.js');
  const threads = env.ACCEL_ADVISOR_THREADS ? Number(env.ACCEL_ADVISOR_THREADS) : os.availableParallelism();
  const usable = existsSync(script) && threads > 1;
  let seen = 0;
  let pool: WorkerPool | undefined;
  const { rg, warning } = opts.ripgrep === false ? {} : ripgrepFor(env);
  let waiting: Waiting[] = [];
  let timer: NodeJS.Timeout | undefined;
  const inThread = (w: Waiting) => analyzeFile(w.absPath, w.relPath, analyzers, config, w.signal).then(w.resolve, w.reject);
  /** The files waiting for the decision, handed over once. */
  const takeWaiting = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const now = waiting;
    waiting = [];
    return now;
  };
  const decideInThread = () => {
    for (const w of takeWaiting()) void inThread(w);
  };
  /** Counts a file the scan found; past the threshold the pool starts (its workers load meanwhile). */
  const found = () => {
    seen++;
    if (!pool && usable && seen > WORKER_THRESHOLD) {
      pool = new WorkerPool(script, threads, config);
      for (const w of takeWaiting()) pool.analyze(w.absPath, w.relPath, w.signal).then(w.resolve, w.reject);
    }
  };
  const analyze: FileAnalyzer = (absPath, relPath, signal) => {
    if (!usable) return analyzeFile(absPath, relPath, analyzers, config, signal);
    if (!rg) found();
    if (pool) return pool.analyze(absPath, relPath, signal);
    return new Promise<FileOutcome>((resolve, reject) => {
      waiting.push({ absPath, relPath, signal, resolve, reject });
      if (timer) clearTimeout(timer);
      timer = setTimeout(decideInThread, DECIDE_MS);
    });
  };
  // Enough files in flight for the pool (and to pass the threshold).
  const concurrency = usable ? Math.max(FILES_IN_FLIGHT_PER_WORKER * threads, WORKER_THRESHOLD + 1) : 8;
  const prefilter = rg ? new RipgrepPrefilter(analyze, { rg, analyzers }) : undefined;
  // Behind ripgrep, files found (not those it lets through) decide: a large scan's pool starts
  // while ripgrep searches, and its few chosen files are still spread over the workers.
  const prefiltered: FileAnalyzer | undefined = prefilter
    ? (absPath, relPath, signal, stat) => {
        found();
        return prefilter.analyze(absPath, relPath, signal, stat);
      }
    : undefined;
  return {
    analyze: prefiltered ?? analyze,
    // Files waiting for ripgrep come on top of those being analysed.
    concurrency: concurrency + (prefilter?.window ?? 0),
    /** ripgrep, when it picks the files to read, and what it did. */
    ripgrep: rg && prefilter ? { path: rg, stats: prefilter.stats } : undefined,
    /** Why ripgrep was not used although asked for (ACCEL_ADVISOR_RIPGREP names no executable). */
    ripgrepWarning: warning,
    discoveryDone: () => prefilter?.flush(),
    close: async () => {
      prefilter?.close();
      if (timer) clearTimeout(timer);
      await pool?.close();
    },
  };
}

/** ACCEL_ADVISOR_RIPGREP: a ripgrep executable, or "off"; otherwise `rg` on the PATH (none: every file is read). */
function ripgrepFor(env: NodeJS.ProcessEnv): { rg?: string; warning?: string } {
  const setting = env.ACCEL_ADVISOR_RIPGREP;
  if (setting === 'off') return {};
  if (!setting) return { rg: ripgrepOnPath(env) };
  const rg = findExecutable([setting]);
  return rg ? { rg } : { warning: `ACCEL_ADVISOR_RIPGREP=${setting} is not an executable file: every file is read` };
}
