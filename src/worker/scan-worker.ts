import { parentPort, workerData } from 'node:worker_threads';
import { allAnalyzers } from '../analyzers';
import { SourceDocument } from '../core/document';
import { analyzeDocument } from '../core/engine';
import { analyzeFile } from '../core/file-analysis';
import { releaseTrees } from '../core/treesitter';
import type { WorkerData, WorkerRequest, WorkerResponse } from '../core/worker-pool';

/**
 * An analysis worker. Scans send files (read and analysed here; only findings travel back); the
 * editor sends open documents' text, whose trees are kept between edits.
 */
const { config } = workerData as WorkerData;
const reply = (msg: WorkerResponse) => parentPort!.postMessage(msg);
parentPort!.on('message', (req: WorkerRequest) => {
  if (req.kind === 'release') {
    releaseTrees(req.cacheKey);
    return;
  }
  const work =
    req.kind === 'file'
      ? analyzeFile(req.absPath, req.relPath, allAnalyzers, config!).then((outcome) => reply({ id: req.id, outcome }))
      : analyzeDocument(new SourceDocument(req.relPath, req.text, req.absPath, req.cacheKey), allAnalyzers, req.config).then((analysis) => reply({ id: req.id, analysis }));
  work.catch((err: unknown) => reply({ id: req.id, error: (err as Error).message }));
});
