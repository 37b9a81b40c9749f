import assert from 'node:assert/strict';
import { SourceDocument } from '../../../src/core/document';
import { bracketDepth, nestsDeeperThan } from '../../../src/core/nesting';
import { releaseDocument } from '../../../src/core/open-documents';
import { random } from '../helpers/random';

/**
 * An open document's nesting is bounded from its last version and the edit (openers typed,
 * closers deleted), and scanned again only when that bound passes the limit. The answer must
 * always be that of a full scan.
 */
describe('core/nesting: how deep an open document nests, edit after edit', () => {
  afterEach(() => releaseDocument('nesting-test'));

  it('random edits (brackets typed and deleted) answer as a full scan does', () => {
    const rnd = random(5);
    const limit = 8;
    const base = 'f(a[1], { b: (c) });\n'.repeat(20);
    let text = base;
    let deeper = 0;
    for (let i = 0; i < 2000; i++) {
      if (i % 40 === 0) text = base; // one edit that puts most of it back
      const at = Math.floor(rnd() * (text.length + 1));
      if (rnd() < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 3));
      else text = text.slice(0, at) + ['(', '((', '[{', ')', '}', ']', '))', 'x', '\n'][Math.floor(rnd() * 9)] + text.slice(at);
      const expected = bracketDepth(text, limit) > limit;
      if (expected) deeper++;
      assert.equal(nestsDeeperThan(new SourceDocument('a.py', text, undefined, 'nesting-test'), limit), expected, `edit ${i}`);
    }
    assert.ok(deeper > 100 && deeper < 1900, `both answers occur (${deeper} too deep)`);
  });

  it('a document typed into stays within its bound without a full scan', () => {
    const text = 'x = [1, 2]\n'.repeat(10);
    assert.equal(nestsDeeperThan(new SourceDocument('a.py', text, undefined, 'nesting-test'), 256), false);
    // 300 openers typed one at a time: too deep once past the limit, as a scan says.
    let now = text;
    let answers = '';
    for (let i = 0; i < 300; i++) {
      now = `${now}(`;
      answers += nestsDeeperThan(new SourceDocument('a.py', now, undefined, 'nesting-test'), 256) ? 'y' : 'n';
    }
    assert.equal(answers, 'n'.repeat(256) + 'y'.repeat(44));
  });
});
