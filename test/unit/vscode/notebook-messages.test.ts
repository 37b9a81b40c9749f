import { strict as assert } from 'node:assert';
import { buildNotebookSource, cellAt, mapRange } from '../../../src/vscode/notebook-map';
import { parseWebviewMessage } from '../../../src/vscode/messages';
import { analyzeDocument } from '../../../src/core/engine';
import { SourceDocument } from '../../../src/core/document';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { allAnalyzers } from '../../../src/analyzers/index';

describe('vscode notebook cells', () => {
  const cells = [
    { id: 'c1', text: '%pip install torch\nimport torch\ndevice = "cuda"' },
    { id: 'c2', text: 'model = Net().to(device)\nx = x.cuda()' },
  ];

  it('keeps offsets: magics become comments of the same length', () => {
    const src = buildNotebookSource(cells);
    assert.equal(src.text.slice(0, 18), '#pip install torch');
    const off = src.text.indexOf('x.cuda()');
    assert.deepEqual(cellAt(src, off), { cell: 1, offset: cells[1].text.indexOf('x.cuda()') });
  });

  it('maps a range to its cell, and refuses one that spans cells', () => {
    const src = buildNotebookSource(cells);
    const start = src.text.indexOf('"cuda"');
    assert.deepEqual(mapRange(src, start, start + 6), { cell: 0, start: cells[0].text.indexOf('"cuda"'), end: cells[0].text.indexOf('"cuda"') + 6 });
    assert.equal(mapRange(src, 5, src.text.indexOf('x.cuda')), undefined);
  });

  it('finds CUDA bindings across cells and maps them back', async () => {
    const src = buildNotebookSource(cells);
    const { findings } = await analyzeDocument(new SourceDocument('nb.notebook.py', src.text), allAnalyzers, DEFAULT_CONFIG);
    const mapped = findings.map((f) => mapRange(src, f.startOffset, f.endOffset)).filter(Boolean);
    assert.ok(findings.length >= 1, 'some CUDA finding');
    assert.ok(mapped.some((m) => m!.cell === 1), 'a finding in the second cell');
  });
});

describe('vscode report panel messages', () => {
  it('accepts well-formed messages', () => {
    assert.ok(parseWebviewMessage({ type: 'open', file: 'src/train.py', line: 3, column: 1 }).ok);
    assert.ok(parseWebviewMessage({ type: 'openDocs', ruleId: 'python/cuda-device-string' }).ok);
    assert.ok(parseWebviewMessage({ type: 'ready' }).ok);
  });
  it('rejects paths outside the workspace and malformed data', () => {
    assert.equal(parseWebviewMessage({ type: 'open', file: '../../etc/passwd', line: 1, column: 1 }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'open', file: '/etc/passwd', line: 1, column: 1 }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'open', file: 'a.py', line: 0, column: 1 }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'openDocs', ruleId: '../x' }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'eval', code: 'x' }).ok, false);
    assert.equal(parseWebviewMessage('open').ok, false);
  });
});
