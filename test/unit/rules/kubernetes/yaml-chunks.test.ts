import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { execSync } from 'node:child_process';
import { parseYamlDocs, parseYamlDocsRaw } from '../../../../src/analyzers/kubernetes/tree';

/**
 * Long multi-document YAML is parsed document by document, with each document's tree remembered
 * (an edit re-parses one document). It must give exactly what parsing the whole file gives.
 */
describe('kubernetes/tree: document-by-document parsing of long YAML', () => {
  const root = path.resolve(__dirname, '../../../..');
  const files = execSync("find test/fixtures samples -name '*.yaml' -o -name '*.yml'", { cwd: root }).toString().trim().split('\n').filter(Boolean);

  it('equals the whole-file parse for every YAML fixture, repeated past the threshold', () => {
    assert.ok(files.length >= 5);
    for (const f of files) {
      const one = readFileSync(path.join(root, f), 'utf8');
      if (!parseYamlDocsRaw(one).docs.length) continue;
      const body = one.startsWith('---') ? one : `---\n${one}`;
      for (const size of [5_000, 20_000]) {
        let text = '# a manifest\n';
        while (text.length < size) text += body.endsWith('\n') ? body : `${body}\n`;
        assert.deepEqual(parseYamlDocs(text, true), parseYamlDocsRaw(text), f);
      }
    }
  });

  it('after edits, still equals the whole-file parse (remembered documents move with the text)', () => {
    const doc = (i: number) => `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: c\n      image: nvidia/cuda:12.2.0-base-ubuntu22.04\n      resources:\n        limits:\n          nvidia.com/gpu: ${i % 4}\n`;
    let text = Array.from({ length: 120 }, (_, i) => doc(i)).join('');
    for (let step = 0; step < 12; step++) {
      const at = text.indexOf('\n', Math.floor((text.length * (step * 7 + 3)) / 150) % text.length);
      text = step % 3 === 2 ? text.slice(0, at) + text.slice(at + 1) : `${text.slice(0, at)}${step % 2 ? '\n# edited' : ' '}${text.slice(at)}`;
      assert.deepEqual(parseYamlDocs(text, true), parseYamlDocsRaw(text), `step ${step}`);
    }
  });

  it('a document with an error makes the whole file parse whole (same errors, same lines)', () => {
    let text = '';
    for (let i = 0; i < 200; i++) text += `---\nkind: Pod\nmetadata:\n  name: p${i}\n`;
    text += '---\nkind: [unclosed\n';
    assert.deepEqual(parseYamlDocs(text, true), parseYamlDocsRaw(text));
    assert.ok(parseYamlDocs(text, true).errors.length);
  });
});
