import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pythonAnalyzer } from '../../../../src/analyzers/python';
import { extractNotebookPython } from '../../../../src/analyzers/notebook/parse';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { SourceDocument } from '../../../../src/core/document';
import { analyzeDocument } from '../../../../src/core/engine';
import type { Analyzer } from '../../../../src/core/rule';
import { applyEdits, ruleTester } from '../../rule-tester';

const fixtures = path.resolve(__dirname, '../../../fixtures/notebook');

/** A notebook as Jupyter writes it (indent 1), from code and markdown cell sources. */
function notebook(cells: { md?: string[]; code?: string[] | string }[], language = 'python'): string {
  return (
    JSON.stringify(
      {
        cells: cells.map((c) => (c.md ? { cell_type: 'markdown', metadata: {}, source: c.md } : { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: c.code })),
        metadata: { kernelspec: { display_name: 'Python 3', language, name: 'python3' } },
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    ) + '\n'
  );
}

async function scan(file: string, text: string) {
  return analyzeDocument(new SourceDocument(file, text), [pythonAnalyzer as Analyzer], DEFAULT_CONFIG);
}

describe('notebooks (.ipynb): Python rules over code cells', () => {
  it('maps concatenated cell code back to the JSON string literals, escapes included', () => {
    const text = '{"cells": [{"cell_type": "code", "source": ["a = \\"x\\"\\n", "b = \\u0041\\n"]}]}';
    const nb = extractNotebookPython(text);
    assert.equal(nb.code, 'a = "x"\nb = A\n\n');
    // "b" of the second line sits right after the opening quote of the second literal.
    const second = text.indexOf('"b = ') + 1;
    assert.equal(nb.map[nb.code.indexOf('b =')], second);
    // the \u0041 escape (6 characters) is one code unit of the code
    assert.equal(nb.map[nb.code.indexOf('A')], text.indexOf('\\u0041'));
    assert.equal(nb.map[nb.code.indexOf('A') + 1], text.indexOf('\\u0041') + 6);
  });

  it('blanks magics and shell escapes without moving offsets; skips non-Python cell magics', () => {
    const text = notebook([{ code: ['%pip install flash-attn\n', '!nvidia-smi\n', 'x = 1\n'] }, { code: ['%%bash\n', 'echo torch.cuda\n'] }]);
    const nb = extractNotebookPython(text);
    assert.ok(!nb.code.includes('pip') && !nb.code.includes('nvidia-smi') && !nb.code.includes('echo'));
    assert.equal(nb.code.indexOf('x = 1'), '%pip install flash-attn\n!nvidia-smi\n'.length);
  });

  it('reports findings at the source line inside the .ipynb, never in markdown or outputs', async () => {
    const text = fs.readFileSync(path.resolve(__dirname, '../../../../samples/gpu-workspace/notebooks/explore.ipynb'), 'utf8');
    const r = await scan('notebooks/explore.ipynb', text);
    assert.deepEqual(r.errors, []);
    const got = r.findings.map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endColumn} ${text.slice(f.startOffset, f.endOffset)}`);
    assert.deepEqual(got, [
      'python/gpu-library-import 42:11-21 flash_attn',
      'python/cuda-device-string 44:28-36 \\"cuda\\"',
      'python/torch-cuda-api 44:40-63 torch.cuda.is_available',
      'python/tensor-cuda-method 56:86-92 cuda()',
      'python/cuda-device-string 60:53-63 \\"cuda:0\\"',
      'python/cuda-autocast 71:26-34 \\"cuda\\"',
      'python/torch-cuda-api 73:6-28 torch.cuda.synchronize',
      'python/torch-cuda-api 101:21-52 torch.cuda.max_memory_allocated',
    ]);
  });

  it('escapes fix text for JSON, so a quick fix keeps the notebook valid', async () => {
    const text = fs.readFileSync(path.resolve(__dirname, '../../../../samples/gpu-workspace/notebooks/explore.ipynb'), 'utf8');
    const r = await scan('explore.ipynb', text);
    for (const f of r.findings.filter((x) => x.fixes)) {
      const fixed = applyEdits(text, f.fixes![0].edits);
      assert.doesNotThrow(() => JSON.parse(fixed), f.ruleId);
    }
    const autocast = r.findings.find((f) => f.ruleId === 'python/cuda-autocast')!;
    assert.match(applyEdits(text, autocast.fixes![0].edits), /torch\.autocast\(\\"neuron\\", dtype/);
  });

  it('skips notebooks whose kernel is not Python', async () => {
    const r = await scan('r.ipynb', fs.readFileSync(path.join(fixtures, 'r-kernel.ipynb'), 'utf8'));
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.errors, []);
  });

  it('a broken notebook is one clear error, not a crash', async () => {
    const r = await scan('broken.ipynb', fs.readFileSync(path.join(fixtures, 'broken.ipynb'), 'utf8'));
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].message, /invalid notebook JSON/);
  });
});

// The same rule ids as for .py files: one setting or suppression covers both.
ruleTester(pythonAnalyzer as Analyzer, 'python/gpu-library-import', {
  filename: 'nb.ipynb',
  valid: [
    { code: notebook([{ md: ['import flash_attn\n'] }]), name: 'markdown cell' },
    { code: notebook([{ code: ['# import triton\n', 'x = 1\n'] }]), name: 'comment in a code cell' },
  ],
  invalid: [
    {
      name: 'source as one string',
      code: notebook([{ md: ['intro'] }, { code: 'import torch\nimport bitsandbytes as bnb\n' }]),
      errors: [{ line: 15, column: 36, endColumn: 48 }],
    },
  ],
});
