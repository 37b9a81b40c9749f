import { Worker } from 'node:worker_threads';
import type { EffectiveConfig } from './config';
import { CancelledError } from './discovery';
import type { FileOutcome } from './file-analysis';

/** Messages between the pool and its workers. */
export type WorkerRequest = { id: number; absPath: string; relPath: string };
export type WorkerResponse = { id: number; outcome?: FileOutcome; error?: string };
export interface WorkerData {
  config: EffectiveConfig;
}

interface Pending {
  resolve: (o: FileOutcome) => void;
  reject: (e: Error) => void;
}

/**
 * A fixed pool of worker threads running the engine, so a scan uses every core. Each worker
 * reads and analyses files itself; only findings travel back. Files are handed to the least
 * busy worker.
 */
export class WorkerPool {
  private workers: { worker: Worker; inFlight: number }[] = [];
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private failed: Error | undefined;

  constructor(script: string, size: number, config: EffectiveConfig) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: { config } satisfies WorkerData });
      const slot = { worker, inFlight: 0 };
      worker.on('message', (msg: WorkerResponse) => {
        slot.inFlight--;
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.outcome) p.resolve(msg.outcome);
        else p.reject(new Error(msg.error ?? 'worker failed'));
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`analysis worker exited with code ${code}`));
      });
      this.workers.push(slot);
    }
  }

  private closing = false;

  private fail(err: Error): void {
    this.failed ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  analyze(absPath: string, relPath: string, signal?: AbortSignal): Promise<FileOutcome> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    if (this.failed) return Promise.reject(this.failed);
    const slot = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const id = this.nextId++;
    slot.inFlight++;
    return new Promise<FileOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, absPath, relPath } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    this.workers = [];
  }
}
