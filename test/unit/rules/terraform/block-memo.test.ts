import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { execSync } from 'node:child_process';
import { SourceDocument } from '../../../../src/core/document';
import { setHclBlockMemo, terraformParser } from '../../../../src/analyzers/terraform/syntax';

/**
 * Top-level HCL blocks are converted once and remembered by their text (an edit converts the block
 * it touched). The result must equal a fresh conversion, before and after edits.
 */
describe('terraform/syntax: remembered top-level blocks', () => {
  const root = path.resolve(__dirname, '../../../..');
  const files = execSync("find test/fixtures samples -name '*.tf' -o -name '*.tfvars'", { cwd: root }).toString().trim().split('\n').filter(Boolean);
  const parse = async (relPath: string, text: string, memo: boolean) => {
    const previous = setHclBlockMemo(memo);
    try {
      return await terraformParser.parse(new SourceDocument(relPath, text, undefined, `block-memo:${relPath}`));
    } finally {
      setHclBlockMemo(previous);
    }
  };

  it('equals a fresh conversion on every Terraform fixture, and after edits', async () => {
    assert.ok(files.length >= 5);
    for (const f of files) {
      let text = readFileSync(path.join(root, f), 'utf8');
      for (let step = 0; step < 4; step++) {
        const remembered = await terraformParser.parse(new SourceDocument(f, text, undefined, `block-memo:${f}`)); // fills and uses the memo
        const again = await terraformParser.parse(new SourceDocument(f, text, undefined, `block-memo:${f}`));
        const fresh = await parse(f, text, false);
        assert.deepEqual(remembered, fresh, `${f} step ${step}`);
        assert.deepEqual(again, fresh, `${f} step ${step} (from memory)`);
        const at = text.indexOf('\n', Math.floor((text.length * (step + 1)) / 5));
        if (at < 0) break;
        text = step % 2 ? `${text.slice(0, at)}\n# note${text.slice(at)}` : `${text.slice(0, at)}\n\n${text.slice(at)}`;
      }
    }
  });
});
