import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Analyzer } from '../core/rule';
import type { EffectiveConfig } from '../core/config';
import { analyzeFile, type FileAnalyzer, type FileOutcome } from '../core/file-analysis';
import { FILES_IN_FLIGHT_PER_WORKER, WorkerPool } from '../core/worker-pool';

/** Below this many files a scan stays in one thread: starting workers would cost more than it saves. */
const WORKER_THRESHOLD = 100;
/** How long the first files wait to see whether more are coming (discovery finds hundreds per ms). */
const DECIDE_MS = 15;

interface Waiting {
  absPath: string;
  relPath: string;
  signal?: AbortSignal;
  resolve: (o: FileOutcome) => void;
  reject: (e: unknown) => void;
}

/**
 * Decides where files are analysed: a scan of more than WORKER_THRESHOLD files goes to a pool of
 * worker threads (one per core) running the bundled engine (dist/worker.js); a small one stays in
 * this thread. The first files wait a moment for the decision, so a large scan never starts
 * parsing in the main thread, where each parse would hold up handing files to the workers.
 */
export function createFileAnalyzer(analyzers: readonly Analyzer[], config: EffectiveConfig, env: NodeJS.ProcessEnv) {
  const script = path.join(__dirname, 'worker.js');
  const threads = env.ACCEL_ADVISOR_THREADS ? Number(env.ACCEL_ADVISOR_THREADS) : os.availableParallelism();
  const usable = existsSync(script) && threads > 1;
  let seen = 0;
  let pool: WorkerPool | undefined;
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
  const analyze: FileAnalyzer = (absPath, relPath, signal) => {
    if (!usable) return analyzeFile(absPath, relPath, analyzers, config, signal);
    seen++;
    if (!pool && seen > WORKER_THRESHOLD) {
      pool = new WorkerPool(script, threads, config);
      for (const w of takeWaiting()) pool.analyze(w.absPath, w.relPath, w.signal).then(w.resolve, w.reject);
    }
    if (pool) return pool.analyze(absPath, relPath, signal);
    return new Promise<FileOutcome>((resolve, reject) => {
      waiting.push({ absPath, relPath, signal, resolve, reject });
      if (timer) clearTimeout(timer);
      timer = setTimeout(decideInThread, DECIDE_MS);
    });
  };
  return {
    analyze,
    // Enough files in flight for the pool (and to pass the threshold).
    concurrency: usable ? Math.max(FILES_IN_FLIGHT_PER_WORKER * threads, WORKER_THRESHOLD + 1) : 8,
    close: async () => {
      if (timer) clearTimeout(timer);
      await pool?.close();
    },
  };
}
