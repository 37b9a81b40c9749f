import { parentPort, workerData } from 'node:worker_threads';
import { allAnalyzers } from '../analyzers';
import { analyzeFile } from '../core/file-analysis';
import type { WorkerData, WorkerRequest, WorkerResponse } from '../core/worker-pool';

/** A scan worker: analyses the files the pool sends and posts the outcomes back. */
const { config } = workerData as WorkerData;
parentPort!.on('message', (req: WorkerRequest) => {
  analyzeFile(req.absPath, req.relPath, allAnalyzers, config).then(
    (outcome) => parentPort!.postMessage({ id: req.id, outcome } satisfies WorkerResponse),
    (err: unknown) => parentPort!.postMessage({ id: req.id, error: (err as Error).message } satisfies WorkerResponse),
  );
});
