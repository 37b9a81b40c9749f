import { Worker } from 'node:worker_threads';
import type { EffectiveConfig } from './config';
import { codeCacheDir } from './code-cache';
import { CancelledError } from './discovery';
import type { FileOutcome } from './file-analysis';
import type { DocumentAnalysis } from './engine';
import { FindingUnpacker, type PackedFindings } from './finding-transport';

/** Messages between the main thread and the analysis workers. */
export interface FileRequest {
  id: number;
  absPath: string;
  relPath: string;
}
export type WorkerRequest =
  | { kind: 'files'; files: FileRequest[] }
  | { kind: 'text'; id: number; relPath: string; text: string; absPath?: string; cacheKey?: string; config: EffectiveConfig }
  | { kind: 'release'; cacheKey: string };
export type WorkerResponse =
  | { kind: 'files'; results: { id: number; outcome?: FileOutcome; packed?: PackedFindings; deferred?: true; error?: string }[]; strings: string[] }
  | { kind?: undefined; id: number; analysis?: DocumentAnalysis; error?: string };
export interface WorkerData {
  /** The scan's configuration (file requests); text requests carry their own. */
  config?: EffectiveConfig;
  /** Where the worker keeps V8 code caches (code-cache.ts): the creating thread's setting. */
  codeCacheDir?: string;
  /** Files that need a heavy analyzer (Analyzer.heavy) are answered `deferred`: another worker reads them. */
  heavyElsewhere?: boolean;
}

interface Pending {
  file: FileRequest;
  resolve: (o: FileOutcome) => void;
  reject: (e: Error) => void;
}

/**
 * A worker's young generation is capped: by default V8 sizes it for a main thread, and a scan
 * worker's many short-lived syntax nodes then keep it large (peak RSS of a 20,000-file scan
 * 420 MB → 380 MB, no measurable time; bench/results). Only the young generation: an old-space
 * cap would kill a worker on a big file.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/**
 * Files a scan keeps in flight per worker: enough to keep every worker busy while one is held up
 * (the first loading the TypeScript compiler while the others hand it CDK files; at 64 per worker
 * the others ran dry for ~0.5 s).
 */
export const FILES_IN_FLIGHT_PER_WORKER = 256;

/** Files sent to a worker in one message (and answered in one): messages cost about 50 µs each. */
const BATCH = 16;
/** Files a worker holds at once: the batch it works on and the next, so it never waits for a message. */
const WORKER_WINDOW = 2 * BATCH;

interface Slot {
  worker: Worker;
  inFlight: number;
}

/** A first-in first-out queue that takes from the front in O(1). */
class Fifo<T> {
  private items: T[] = [];
  private head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(item: T): void {
    this.items.push(item);
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

/**
 * A fixed pool of worker threads running the engine, so a scan uses every core. Each worker
 * reads and analyses files itself; only findings travel back. Files wait in one queue here and
 * each worker is given more as it answers (a batch at a time, WORKER_WINDOW at most), so a worker
 * that meets slow files takes fewer and all finish together.
 */
export class WorkerPool {
  private workers: Slot[] = [];
  private pending = new Map<number, Pending>();
  private queue = new Fifo<FileRequest>();
  /** Files needing a heavy analyzer, for the first worker (which takes them before others). */
  private heavy = new Fifo<FileRequest>();
  private nextId = 1;
  private failed: Error | undefined;
  private pumpScheduled = false;

  /**
   * Any worker takes any file, but only the first runs heavy analyzers (the TypeScript compiler
   * costs each worker that loads it ~0.5 s): the others answer a file that needs one `deferred`,
   * and it goes to the first. (Sending every TypeScript file to the first worker instead let a
   * run of them, mostly read and skipped, queue there while the other worker sat idle.)
   */
  constructor(script: string, size: number, config: EffectiveConfig) {
    for (let i = 0; i < size; i++) {
      const data: WorkerData = { config, codeCacheDir: codeCacheDir(), heavyElsewhere: i > 0 };
      const worker = new Worker(script, { workerData: data, resourceLimits: WORKER_LIMITS });
      const slot: Slot = { worker, inFlight: 0 };
      const unpacker = new FindingUnpacker();
      worker.on('message', (msg: WorkerResponse) => {
        if (msg.kind !== 'files') return;
        unpacker.addStrings(msg.strings);
        let deferred = false;
        for (const r of msg.results) {
          slot.inFlight--;
          const p = this.pending.get(r.id);
          if (!p) continue;
          if (r.deferred) {
            this.heavy.push(p.file);
            deferred = true;
            continue;
          }
          this.pending.delete(r.id);
          if (r.outcome?.kind === 'analyzed' && r.packed) unpacker.unpack(r.outcome.findings, r.packed, p.file.relPath);
          if (r.outcome) p.resolve(r.outcome);
          else p.reject(new Error(r.error ?? 'worker failed'));
        }
        this.refill(slot, i);
        if (deferred && i !== 0) this.refill(this.workers[0], 0);
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
    const file: FileRequest = { id: this.nextId++, absPath, relPath };
    return new Promise<FileOutcome>((resolve, reject) => {
      this.pending.set(file.id, { file, resolve, reject });
      this.queue.push(file);
      // Files come in runs: hand them out once the run is over (the next turn of the event loop).
      if (!this.pumpScheduled) {
        this.pumpScheduled = true;
        setImmediate(() => {
          this.pumpScheduled = false;
          this.workers.forEach((slot, i) => this.refill(slot, i));
        });
      }
    });
  }

  /** Tops a worker up to WORKER_WINDOW files, in batches. */
  private refill(slot: Slot, index: number): void {
    if (this.closing) return;
    while (slot.inFlight < WORKER_WINDOW) {
      const files: FileRequest[] = [];
      while (files.length < BATCH && slot.inFlight + files.length < WORKER_WINDOW) {
        const f = (index === 0 ? this.heavy.shift() : undefined) ?? this.queue.shift();
        if (!f) break;
        files.push(f);
      }
      if (!files.length) return;
      slot.inFlight += files.length;
      slot.worker.postMessage({ kind: 'files', files } satisfies WorkerRequest);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    this.workers = [];
  }
}

/**
 * One worker thread that analyses open editor documents, so a long analysis never blocks the
 * editor. It keeps each document's syntax trees between edits (incremental reparse), keyed by the
 * document; `release` forgets them when the document closes.
 */
export class DocumentWorker {
  private readonly worker: Worker;
  private pending = new Map<number, { resolve: (a: DocumentAnalysis) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private dead: Error | undefined;

  constructor(script: string) {
    this.worker = new Worker(script, { workerData: { codeCacheDir: codeCacheDir() } satisfies WorkerData });
    this.worker.unref();
    this.worker.on('message', (msg: WorkerResponse) => {
      if (msg.kind === 'files') return;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.analysis) p.resolve(msg.analysis);
      else p.reject(new Error(msg.error ?? 'analysis worker failed'));
    });
    const fail = (err: Error) => {
      this.dead ??= err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`analysis worker exited with code ${code}`)));
  }

  /** Whether the worker still runs (after a crash, callers fall back to analysing in-thread). */
  get alive(): boolean {
    return !this.dead;
  }

  analyze(req: { relPath: string; text: string; absPath?: string; cacheKey?: string; config: EffectiveConfig }, signal?: AbortSignal): Promise<DocumentAnalysis> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<DocumentAnalysis>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ kind: 'text', id, ...req } satisfies WorkerRequest);
      // The worker finishes what it started; a cancelled caller just stops waiting.
      signal?.addEventListener('abort', () => {
        if (this.pending.delete(id)) reject(new CancelledError());
      }, { once: true });
    });
  }

  release(cacheKey: string): void {
    if (!this.dead) this.worker.postMessage({ kind: 'release', cacheKey } satisfies WorkerRequest);
  }

  async close(): Promise<void> {
    this.dead ??= new Error('closed');
    await this.worker.terminate();
  }
}
