/**
 * A small C/C++ tokenizer for the text tree-sitter leaves unparsed: macro bodies (`preproc_arg`)
 * and leaf ERROR nodes. Comments are dropped; strings and characters become one token each, so
 * rules never mistake their contents for code.
 */
export type CTokenKind = 'ident' | 'number' | 'string' | 'punct' | 'header';

export interface LexedToken {
  kind: CTokenKind;
  text: string;
  start: number;
  end: number;
}

const TWO_CHAR_PUNCT = new Set(['::', '->', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '++', '--', '##']);

/** Tokenizes `text`; offsets are shifted by `base` so they point into the document. */
export function lexC(text: string, base = 0): LexedToken[] {
  const out: LexedToken[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) {
      i += 2;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = i;
      i++;
      while (i < n && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i = Math.min(n, i + 1);
      out.push({ kind: 'string', text: text.slice(start, i), start: base + start, end: base + i });
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const start = i;
      while (i < n && /[\w$]/.test(text[i])) i++;
      // String prefixes: u8"…", L"…", R"(…)"
      if ((text[i] === '"' || text[i] === "'") && /^(u8|u|U|L|R|u8R|uR|UR|LR)$/.test(text.slice(start, i))) {
        const q = text[i];
        i++;
        while (i < n && text[i] !== q && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
        i = Math.min(n, i + 1);
        out.push({ kind: 'string', text: text.slice(start, i), start: base + start, end: base + i });
        continue;
      }
      out.push({ kind: 'ident', text: text.slice(start, i), start: base + start, end: base + i });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const start = i;
      i++;
      while (i < n && (/[\w.']/.test(text[i]) || ((text[i] === '+' || text[i] === '-') && /[eEpP]/.test(text[i - 1])))) i++;
      out.push({ kind: 'number', text: text.slice(start, i), start: base + start, end: base + i });
      continue;
    }
    const two = text.slice(i, i + 2);
    const len = TWO_CHAR_PUNCT.has(two) ? 2 : 1;
    out.push({ kind: 'punct', text: text.slice(i, i + len), start: base + i, end: base + i + len });
    i += len;
  }
  return out;
}
