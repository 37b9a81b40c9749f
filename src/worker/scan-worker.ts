import { parentPort, workerData } from 'node:worker_threads';
import { allAnalyzers } from '../analyzers';
import { SourceDocument } from '../core/document';
import { analyzeDocument } from '../core/engine';
import { analyzeFile, analyzeFileUnlessHeavy } from '../core/file-analysis';
import { releaseDocument } from '../core/open-documents';
import { setCodeCacheDir } from '../core/code-cache';
import type { FileRequest, WorkerData, WorkerRequest, WorkerResponse } from '../core/worker-pool';

/**
 * An analysis worker. Scans send files (read and analysed here; only findings travel back); the
 * editor sends open documents' text, whose trees are kept between edits.
 */
const { config, codeCacheDir, heavyElsewhere } = workerData as WorkerData;
setCodeCacheDir(codeCacheDir);
const reply = (msg: WorkerResponse) => parentPort!.postMessage(msg);
parentPort!.on('message', (req: WorkerRequest) => {
  if (req.kind === 'release') {
    releaseDocument(req.cacheKey);
    return;
  }
  if (req.kind === 'files') {
    void analyzeBatch(req.files).then((results) => reply({ kind: 'files', results }));
    return;
  }
  analyzeDocument(new SourceDocument(req.relPath, req.text, req.absPath, req.cacheKey), allAnalyzers, req.config)
    .then((analysis) => reply({ id: req.id, analysis }))
    .catch((err: unknown) => reply({ id: req.id, error: (err as Error).message }));
});

/** A batch of scanned files, one after the other (a worker may block: files are read synchronously). */
async function analyzeBatch(files: FileRequest[]) {
  const results: Extract<WorkerResponse, { kind: 'files' }>['results'] = [];
  for (const f of files) {
    try {
      if (heavyElsewhere) {
        const outcome = await analyzeFileUnlessHeavy(f.absPath, f.relPath, allAnalyzers, config!);
        results.push(outcome === 'deferred' ? { id: f.id, deferred: true } : { id: f.id, outcome });
      } else results.push({ id: f.id, outcome: await analyzeFile(f.absPath, f.relPath, allAnalyzers, config!, undefined, true) });
    } catch (err) {
      results.push({ id: f.id, error: (err as Error).message });
    }
  }
  return results;
}
