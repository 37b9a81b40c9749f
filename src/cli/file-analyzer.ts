import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Analyzer } from '../core/rule';
import type { EffectiveConfig } from '../core/config';
import { analyzeFile, type FileAnalyzer } from '../core/file-analysis';
import { WorkerPool } from '../core/worker-pool';

/** Below this many files a scan stays in one thread: starting workers would cost more than it saves. */
const WORKER_THRESHOLD = 150;
/** Files the TypeScript parser may read (CDK apps): kept on one worker, so only it loads TypeScript. */
const TYPESCRIPT_FILE = /\.[cm]?[jt]sx?$/i;

/**
 * Analyses the first files in this thread and, once a scan proves large, hands the rest to a pool
 * of worker threads (one per core) running the bundled engine (dist/worker.js).
 */
export function createFileAnalyzer(analyzers: readonly Analyzer[], config: EffectiveConfig, env: NodeJS.ProcessEnv) {
  const script = path.join(__dirname, 'worker.js');
  const threads = env.ACCEL_ADVISOR_THREADS ? Number(env.ACCEL_ADVISOR_THREADS) : os.availableParallelism();
  const usable = existsSync(script) && threads > 1;
  let seen = 0;
  let pool: WorkerPool | undefined;
  const analyze: FileAnalyzer = (absPath, relPath, signal) => {
    seen++;
    if (usable && seen > WORKER_THRESHOLD) {
      pool ??= new WorkerPool(script, threads, config, (rel) => (TYPESCRIPT_FILE.test(rel) ? 0 : undefined));
      return pool.analyze(absPath, relPath, signal);
    }
    return analyzeFile(absPath, relPath, analyzers, config, signal);
  };
  return {
    analyze,
    // Enough files in flight to fill a batch per worker (see worker-pool.ts).
    concurrency: usable ? 64 * threads : 8,
    close: async () => {
      await pool?.close();
    },
  };
}
