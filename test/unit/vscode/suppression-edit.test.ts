import { strict as assert } from 'node:assert';
import { SourceDocument } from '../../../src/core/document';
import { parseSuppressions } from '../../../src/core/suppressions';
import { commentSyntax, fileSuppressionEdit, lineSuppressionEdit, type InsertEdit } from '../../../src/vscode/suppression-edit';

function lines(text: string) {
  const l = text.split('\n');
  return { lineCount: l.length, lineText: (n: number) => l[n] ?? '' };
}
function apply(text: string, e: InsertEdit): string {
  const l = text.split('\n');
  const offset = l.slice(0, e.line).reduce((n, x) => n + x.length + 1, 0) + e.character;
  return text.slice(0, offset) + e.newText + text.slice(offset);
}

describe('vscode suppression quick fixes', () => {
  it('picks the comment syntax of the language', () => {
    assert.equal(commentSyntax('python', 'a.py'), '#');
    assert.equal(commentSyntax('terraform', 'main.tf'), '#');
    assert.equal(commentSyntax('dockerfile', 'Dockerfile'), '#');
    assert.equal(commentSyntax('yaml', 'k.yaml'), '#');
    assert.equal(commentSyntax('cuda-cpp', 'k.cu'), '//');
    assert.equal(commentSyntax('typescript', 'stack.ts'), '//');
    assert.equal(commentSyntax('plaintext', 'requirements-dev.txt'), '#');
    assert.equal(commentSyntax('json', 'template.json'), undefined);
  });

  it('inserts an ignore-next-line comment above, indented like the line, that the engine honours', () => {
    const text = 'def f():\n    x = torch.device("cuda")\n';
    const edited = apply(text, lineSuppressionEdit(lines(text), 1, 'python/cuda-device-string', '#'));
    assert.equal(edited.split('\n')[1], '    # accel-advisor-ignore-next-line python/cuda-device-string -- reason: ');
    const s = parseSuppressions(new SourceDocument('a.py', edited));
    assert.ok(s.isSuppressed('python/cuda-device-string', 2));
    assert.ok(!s.isSuppressed('python/other', 2));
  });

  it('adds a rule to an existing ignore-next-line comment instead of stacking another', () => {
    const text = '# accel-advisor-ignore-next-line python/a -- known\nx.cuda()\n';
    const edited = apply(text, lineSuppressionEdit(lines(text), 1, 'python/b', '#'));
    assert.equal(edited.split('\n')[0], '# accel-advisor-ignore-next-line python/a, python/b -- known');
    const s = parseSuppressions(new SourceDocument('a.py', edited));
    assert.ok(s.isSuppressed('python/a', 1) && s.isSuppressed('python/b', 1));
  });

  it('puts the file-level comment after a shebang, coding cookie or Dockerfile directive', () => {
    const py = '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nimport torch\n';
    const e = fileSuppressionEdit(lines(py), 'python/x', '#');
    assert.equal(e.line, 2);
    const docker = '# syntax=docker/dockerfile:1\nFROM nvidia/cuda:12.1.0-base-ubuntu22.04\n';
    const edited = apply(docker, fileSuppressionEdit(lines(docker), 'docker/cuda-image', '#'));
    assert.equal(edited.split('\n')[0], '# syntax=docker/dockerfile:1');
    assert.ok(parseSuppressions(new SourceDocument('Dockerfile', edited)).isSuppressed('docker/cuda-image', 2));
  });

  it('uses // in C++/CUDA', () => {
    const text = 'int main() {\n  cudaMalloc(&p, n);\n}\n';
    const edited = apply(text, lineSuppressionEdit(lines(text), 1, 'cuda/runtime-api', '//'));
    assert.ok(parseSuppressions(new SourceDocument('k.cu', edited)).isSuppressed('cuda/runtime-api', 2));
  });
});
