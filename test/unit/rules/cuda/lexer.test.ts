import assert from 'node:assert/strict';
import { punctLength, skipPrefixedLiteral } from '../../../../src/analyzers/cuda/lexer';

describe('cuda/lexer: the pieces both the token pass and the parser mask use', () => {
  it('reads multi-character operators whole, and one character at the end of the text or before non-ASCII', () => {
    const cases: [string, number, number][] = [
      ['a <<= b', 2, 3],
      ['k<<<g, b>>>()', 1, 2],
      ['p->*m', 1, 3],
      ['x->y', 1, 2],
      ['a::b', 1, 2],
      ['x<=>y', 1, 3],
      ['...', 0, 3],
      ['a+b', 1, 1],
      ['<<', 0, 2],
      ['<', 0, 1],
      ['-', 0, 1],
      ['-\u00e9=', 0, 1],
      ['<\u0100', 0, 1],
    ];
    for (const [text, at, length] of cases) assert.equal(punctLength(text, at), length, `${JSON.stringify(text)} at ${at}`);
  });

  it('finds string literals behind encoding and raw prefixes, and nothing behind other words', () => {
    const text = 'u8"a\\"b" R"x(a)"b)x" L\'c\' name"no" u8R"(raw)" U';
    /** The literal after `prefix`, found where `prefix` is followed by `quote`. */
    const literal = (prefix: string, quote = '"') => {
      const start = text.indexOf(prefix + quote);
      const end = skipPrefixedLiteral(text, start, start + prefix.length);
      return end < 0 ? undefined : text.slice(start, end);
    };
    assert.equal(literal('u8'), 'u8"a\\"b"');
    assert.equal(literal('R'), 'R"x(a)"b)x"');
    assert.equal(literal('L', "'"), "L'c'");
    assert.equal(literal('name'), undefined);
    assert.equal(literal('u8R'), 'u8R"(raw)"');
    assert.equal(skipPrefixedLiteral(text, text.length - 1, text.length), -1, 'a prefix at the end of the text');
  });
});
