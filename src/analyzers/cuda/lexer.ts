/**
 * Character-level pieces of C/C++ lexing, shared by the token pass (syntax.ts `collect`) and the
 * parser mask (mask.ts), so both agree on where strings, comments and identifiers are.
 */
export type CTokenKind = 'ident' | 'number' | 'string' | 'punct' | 'header';

export const isIdStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
export const isIdPart = (c: number) => isIdStart(c) || (c >= 48 && c <= 57);
export const isDigit = (c: number) => c >= 48 && c <= 57;
/** Whitespace within a line (a newline is handled apart: it ends directives). */
export const isBlank = (c: number) => c === 32 || c === 9 || c === 13 || c === 12 || c === 11;

/** The length of a backslash-newline at `i` (the line continues on the next), or 0. */
export function continuationAt(text: string, i: number): number {
  if (text.charCodeAt(i) !== 92) return 0;
  const next = text.charCodeAt(i + 1);
  if (next === 10) return 2;
  return next === 13 && text.charCodeAt(i + 2) === 10 ? 3 : 0;
}

/** The end of a comment that starts at `i`: a line comment ends at its newline, a block comment after its closing star-slash; -1 when none starts there. */
export function commentEnd(text: string, i: number): number {
  if (text.charCodeAt(i) !== 47) return -1;
  const next = text.charCodeAt(i + 1);
  if (next === 47) {
    const nl = text.indexOf('\n', i + 2);
    return nl < 0 ? text.length : nl;
  }
  if (next !== 42) return -1;
  const close = text.indexOf('*/', i + 2);
  return close < 0 ? text.length : close + 2;
}

/** The end of a '…' or "…" literal whose quote is at `i` (an unterminated one ends at the line). */
export function skipLiteral(text: string, i: number): number {
  const q = text.charCodeAt(i);
  const n = text.length;
  i++;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === q) return i + 1;
    else if (c === 10) return i;
    else i++;
  }
  return n;
}

/** The end of a raw string `R"delim(…)delim"` whose quote is at `i`. */
export function skipRawLiteral(text: string, i: number): number {
  const open = text.indexOf('(', i);
  if (open < 0 || open - i > 17) return skipLiteral(text, i);
  const close = text.indexOf(`)${text.slice(i + 1, open)}"`, open);
  return close < 0 ? text.length : close + (open - i) + 1;
}

/**
 * After an identifier from `start` to `i`: the end of the string literal it prefixes (`u8"…"`,
 * `L'…'`, `R"(…)"`), or -1 when it prefixes none. Looks at the word only before a quote (most
 * identifiers are not sliced at all).
 */
export function skipPrefixedLiteral(text: string, start: number, i: number): number {
  const next = text.charCodeAt(i);
  if ((next !== 34 && next !== 39) || i - start > 3) return -1;
  const word = text.slice(start, i);
  if (next === 34 && /^(?:u8|u|U|L)?R$/.test(word)) return skipRawLiteral(text, i);
  if (/^(?:u8|u|U|L)$/.test(word)) return skipLiteral(text, i);
  return -1;
}

/**
 * Operators the grammar reads as one token (tree leaves), so rules see the same punctuation. Kept
 * as numbers made of their (ASCII) character codes: looked up without slicing the text.
 */
const code2 = (a: number, b: number) => (a << 7) | b;
const code3 = (a: number, b: number, c: number) => (a << 14) | (b << 7) | c;
const THREE_PUNCT = new Set(['<<=', '>>=', '...', '->*', '<=>'].map((p) => code3(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2))));
const TWO_PUNCT = new Set(['::', '->', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '++', '--', '##', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '.*'].map((p) => code2(p.charCodeAt(0), p.charCodeAt(1))));

/** Length of the punctuation token at `i`. */
export function punctLength(text: string, i: number): number {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  const c = text.charCodeAt(i + 2);
  // Past the end a code is NaN, and NaN < 128 is false.
  if (a < 128 && b < 128 && c < 128 && THREE_PUNCT.has(code3(a, b, c))) return 3;
  if (a < 128 && b < 128 && TWO_PUNCT.has(code2(a, b))) return 2;
  return 1;
}
