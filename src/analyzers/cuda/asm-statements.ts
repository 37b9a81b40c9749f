import { tokensNamed, type CToken, type ParsedCpp } from './syntax';

const ASM_KEYWORDS = new Set(['asm', '__asm__', '__asm']);
const QUALIFIERS = new Set(['volatile', '__volatile__', '__volatile', 'inline', '__inline', 'goto']);

export interface AsmStatement {
  /** The `asm` / `__asm__` keyword. */
  keyword: CToken;
  /** The string tokens of the assembler template (GNU style), or the raw tokens of an MSVC `__asm { … }` block. */
  strings: CToken[];
  /** MSVC-style block or one-line `__asm mov eax, 1` (x86-only syntax). */
  msvc: boolean;
  /** Raw text of an MSVC block. */
  msvcText: string;
}

/**
 * GNU `asm [volatile] ( "template" … )` statements and MSVC `__asm { … }` blocks, in token order.
 * Found once per parse (two rules ask; each pass steps through every token).
 */
export function asmStatements(parsed: ParsedCpp): readonly AsmStatement[] {
  let found = known.get(parsed);
  if (!found) known.set(parsed, (found = findAsmStatements(parsed)));
  return found;
}

const known = new WeakMap<ParsedCpp, AsmStatement[]>();

function findAsmStatements(parsed: ParsedCpp): AsmStatement[] {
  const { tokens, text } = parsed;
  const out: AsmStatement[] = [];
  for (const i of tokensNamed(parsed, ASM_KEYWORDS)) {
    const t = tokens[i];
    if (t.kind !== 'ident') continue;
    let j = i + 1;
    while (tokens[j] && QUALIFIERS.has(tokens[j].text)) j++;
    const next = tokens[j];
    if (!next) continue;
    if (next.text === '(') {
      const strings: CToken[] = [];
      for (let k = j + 1; k < tokens.length && tokens[k].kind === 'string'; k++) strings.push(tokens[k]);
      if (strings.length) out.push({ keyword: t, strings, msvc: false, msvcText: '' });
      continue;
    }
    if (t.text !== 'asm' && next.text === '{') {
      let k = j;
      while (k < tokens.length && tokens[k].text !== '}') k++;
      const end = tokens[k]?.end ?? text.length;
      out.push({ keyword: t, strings: [], msvc: true, msvcText: text.slice(next.end, end - 1) });
      continue;
    }
    if (t.text !== 'asm' && next.kind === 'ident' && next.start - t.end < 4) {
      const lineEnd = text.indexOf('\n', next.start);
      out.push({ keyword: t, strings: [], msvc: true, msvcText: text.slice(next.start, lineEnd < 0 ? text.length : lineEnd) });
    }
  }
  return out;
}
