import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { allAnalyzers } from '../../../src/analyzers';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { CancelledError } from '../../../src/core/discovery';
import { SourceDocument } from '../../../src/core/document';
import { analyzeDocument } from '../../../src/core/engine';
import { DocumentWorker } from '../../../src/core/worker-pool';

const script = path.resolve(__dirname, '../../../dist/worker.js');

describe('document worker (editor analysis off the main thread)', function () {
  let worker: DocumentWorker;
  before(function () {
    if (!existsSync(script)) this.skip(); // built by `npm run build`, which `npm test` runs first
    worker = new DocumentWorker(script);
  });
  after(async () => {
    await worker?.close();
  });

  it('gives the same findings as analysing in this thread, across edits of one document', async () => {
    const v1 = 'import torch\nm = Net().cuda()\n';
    const v2 = 'import torch\n\nm = Net().cuda()\ntorch.cuda.synchronize()\n';
    const key = (r: { findings: { line: number; column: number; ruleId: string }[] }) => r.findings.map((f) => `${f.line}:${f.column}:${f.ruleId}`);
    for (const text of [v1, v2]) {
      const remote = await worker.analyze({ relPath: 'train.py', text, cacheKey: 'file:///train.py', config: DEFAULT_CONFIG });
      const local = await analyzeDocument(new SourceDocument('train.py', text), allAnalyzers, DEFAULT_CONFIG);
      assert.deepEqual(key(remote), key(local));
      assert.ok(remote.findings.length > 0);
    }
    worker.release('file:///train.py');
  });

  it('a cancelled request rejects with CancelledError and the worker stays usable', async () => {
    const controller = new AbortController();
    const pending = worker.analyze({ relPath: 'a.py', text: 'x.cuda()\n', config: DEFAULT_CONFIG }, controller.signal);
    controller.abort();
    await assert.rejects(pending, CancelledError);
    const after = await worker.analyze({ relPath: 'a.py', text: 'x.cuda()\n', config: DEFAULT_CONFIG });
    assert.equal(after.findings.length, 1);
    assert.ok(worker.alive);
  });
});
