import { parentPort, workerData } from 'node:worker_threads';
import { allAnalyzers } from '../analyzers';
import { SourceDocument } from '../core/document';
import { analyzeDocument } from '../core/engine';
import { analyzeFile, analyzeFileUnlessHeavy } from '../core/file-analysis';
import { releaseDocument } from '../core/open-documents';
import { setCodeCacheDir } from '../core/code-cache';
import { FindingPacker } from '../core/finding-transport';
import type { FileRequest, WorkerData, WorkerRequest, WorkerResponse } from '../core/worker-pool';

/**
 * An analysis worker. Scans send files (read and analysed here; only findings travel back); the
 * editor sends open documents' text, whose trees are kept between edits.
 */
const { config, codeCacheDir, heavyElsewhere } = workerData as WorkerData;
setCodeCacheDir(codeCacheDir);
const reply = (msg: WorkerResponse) => parentPort!.postMessage(msg);
/** Findings leave smaller (finding-transport.ts). */
const packer = new FindingPacker();
parentPort!.on('message', (req: WorkerRequest) => {
  if (req.kind === 'release') {
    releaseDocument(req.cacheKey);
    return;
  }
  if (req.kind === 'files') {
    void analyzeBatch(req.files).then((results) => reply({ kind: 'files', results, strings: packer.takeAdded() }));
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
      const outcome = heavyElsewhere ? await analyzeFileUnlessHeavy(f.absPath, f.relPath, allAnalyzers, config!) : await analyzeFile(f.absPath, f.relPath, allAnalyzers, config!, undefined, true);
      if (outcome === 'deferred') results.push({ id: f.id, deferred: true });
      else results.push({ id: f.id, outcome, packed: outcome.kind === 'analyzed' ? packer.pack(outcome.findings) : undefined });
    } catch (err) {
      results.push({ id: f.id, error: (err as Error).message });
    }
  }
  return results;
}
