import { strict as assert } from 'node:assert';
import { analysisPath } from '../../../src/vscode/document-path';
import { allAnalyzers } from '../../../src/analyzers/index';

const matches = (rel: string) => allAnalyzers.some((a) => a.matches(rel));

describe('vscode document path', () => {
  it('uses the workspace-relative path of a file', () => {
    assert.equal(analysisPath({ fsPath: '/ws/src/train.py', folderPath: '/ws', languageId: 'python', matches }), 'src/train.py');
  });
  it('gives an untitled document a synthetic name from its language', () => {
    assert.equal(analysisPath({ languageId: 'python', matches }), 'untitled.py');
    assert.equal(analysisPath({ languageId: 'dockerfile', matches }), 'Dockerfile');
  });
  it('falls back to the language for a file whose name no analyzer reads', () => {
    assert.equal(analysisPath({ fsPath: '/ws/build/gpu.docker', folderPath: '/ws', languageId: 'dockerfile', matches }), 'build/Dockerfile');
  });
  it('returns undefined when nothing would read the document', () => {
    assert.equal(analysisPath({ fsPath: '/ws/notes.md', folderPath: '/ws', languageId: 'markdown', matches }), undefined);
  });
  it('uses the base name of a file outside the workspace', () => {
    assert.equal(analysisPath({ fsPath: '/tmp/x/train.py', folderPath: '/ws', languageId: 'python', matches }), 'train.py');
  });
});
