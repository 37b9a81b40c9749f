import assert from 'node:assert/strict';
import { allAnalyzers } from '../../../src/analyzers';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { SourceDocument } from '../../../src/core/document';
import { analyzeDocument } from '../../../src/core/engine';
import { diffEdit, parseWith, releaseTrees } from '../../../src/core/treesitter';

describe('incremental parsing of open documents', () => {
  it('describes an edit by its common prefix and suffix, in rows and columns', () => {
    assert.deepEqual(diffEdit('ab\ncd\nef', 'ab\ncXd\nef'), {
      startIndex: 4,
      oldEndIndex: 4,
      newEndIndex: 5,
      startPosition: { row: 1, column: 1 },
      oldEndPosition: { row: 1, column: 1 },
      newEndPosition: { row: 1, column: 2 },
    });
  });

  it('gives the same tree as a fresh parse after a series of edits', async () => {
    let text = 'import torch\n\ndef f(x):\n    return x.cuda()\n';
    const edits = [
      (t: string) => t.replace('return x', 'y = x\n    return y'),
      (t: string) => `${t}z = torch.device("cuda")\n`,
      (t: string) => t.replace('import torch\n', ''),
      (t: string) => t.replace('(x)', '(x, w)'),
    ];
    (await parseWith('python', text, 'doc-1')).delete();
    for (const edit of edits) {
      text = edit(text);
      const incremental = await parseWith('python', text, 'doc-1');
      const fresh = await parseWith('python', text);
      assert.equal(incremental.rootNode.toString(), fresh.rootNode.toString());
      incremental.delete();
      fresh.delete();
    }
    releaseTrees('doc-1');
  });

  it('reports the same findings for an edited document as for the same text read fresh', async () => {
    const before = 'import torch\nm = Net().cuda()\n';
    const after = 'import torch\n\n# moved\nm = Net().cuda()\ntorch.cuda.synchronize()\n';
    await analyzeDocument(new SourceDocument('t.py', before, undefined, 'ed-2'), allAnalyzers, DEFAULT_CONFIG);
    const edited = await analyzeDocument(new SourceDocument('t.py', after, undefined, 'ed-2'), allAnalyzers, DEFAULT_CONFIG);
    const fresh = await analyzeDocument(new SourceDocument('t.py', after), allAnalyzers, DEFAULT_CONFIG);
    const key = (r: typeof fresh) => r.findings.map((f) => `${f.line}:${f.column}:${f.ruleId}`);
    assert.deepEqual(key(edited), key(fresh));
    assert.equal(key(fresh).length, 2);
    releaseTrees('ed-2');
  });
});
