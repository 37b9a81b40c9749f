import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SourceDocument } from '../../../src/core/document';

/** Line and character of an offset the slow, obvious way (\n, \r\n and a lone \r end a line). */
function expected(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

describe('core/document: offsets to lines and characters', () => {
  it('agrees with a character-by-character count, with \\n, \\r\\n and lone \\r line ends', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\r', 'é'), { maxLength: 60 }), fc.nat(), (parts, pick) => {
        const text = parts.join('');
        const doc = new SourceDocument('a.txt', text);
        const offset = text.length ? pick % (text.length + 1) : 0;
        if (text[offset - 1] === '\r' && text[offset] === '\n') return; // inside a \r\n: not a position an editor gives
        assert.deepEqual(doc.positionAt(offset), expected(text, offset), JSON.stringify({ text, offset }));
      }),
      { numRuns: 400 },
    );
  });

  it('counts lines the same with and without carriage returns', () => {
    const lf = 'a\nbb\n\nccc';
    assert.equal(new SourceDocument('a', lf).lineCount, 4);
    assert.equal(new SourceDocument('a', lf.replace(/\n/g, '\r\n')).lineCount, 4);
    assert.deepEqual(new SourceDocument('a', lf).positionAt(lf.indexOf('ccc') + 1), { line: 3, character: 1 });
  });
});
