import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';

/**
 * A small CMake tokenizer (the CMake language reference: command invocations, quoted, bracket and
 * unquoted arguments, `#` line comments and `#[[ ]]` bracket comments). It also tracks the
 * `if()/elseif()/else()/endif()` branches around each command, so rules can tell code that only
 * runs on x86 from code that always runs.
 */
export interface CMakeArg {
  /** The argument's text: contents for quoted and bracket arguments, raw text for unquoted ones. */
  value: string;
  /** Document offset of `value`'s first character. */
  start: number;
  end: number;
  kind: 'unquoted' | 'quoted' | 'bracket';
}

export interface CMakeBranch {
  /** Arguments of the if()/elseif() that opened the branch, joined; '' for else(). */
  condition: string;
  isElse: boolean;
  /** Conditions of every branch of the same if() chain so far. */
  chain: string[];
}

export interface CMakeCommand {
  /** Lower-cased command name. */
  name: string;
  nameStart: number;
  nameEnd: number;
  args: CMakeArg[];
  branches: CMakeBranch[];
}

export interface ParsedCMake {
  commands: CMakeCommand[];
}

function bracketClose(text: string, i: number): { open: number; close: string } | undefined {
  const m = /^\[(=*)\[/.exec(text.slice(i, i + 64));
  return m ? { open: m[0].length, close: `]${m[1]}]` } : undefined;
}

export function parseCMake(text: string): ParsedCMake {
  const commands: CMakeCommand[] = [];
  const stack: { chain: string[]; current: CMakeBranch }[] = [];
  const n = text.length;
  let i = 0;
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const skipComment = (): boolean => {
    if (text[i] !== '#') return false;
    const b = bracketClose(text, i + 1);
    if (b) {
      const end = text.indexOf(b.close, i + 1 + b.open);
      if (end < 0) throw new Error(`unterminated bracket comment at line ${lineOf(i)}`);
      i = end + b.close.length;
    } else {
      while (i < n && text[i] !== '\n') i++;
    }
    return true;
  };
  while (i < n) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (skipComment()) continue;
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 256));
    if (!m) throw new Error(`unexpected character ${JSON.stringify(c)} at line ${lineOf(i)}`);
    const nameStart = i;
    const nameEnd = i + m[0].length;
    i = nameEnd;
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] !== '(') throw new Error(`expected "(" after ${m[0]} at line ${lineOf(nameStart)}`);
    i++;
    const args: CMakeArg[] = [];
    let depth = 1;
    while (i < n && depth > 0) {
      const ch = text[i];
      if (/\s/.test(ch)) {
        i++;
        continue;
      }
      if (skipComment()) continue;
      if (ch === '(') {
        depth++;
        i++;
        continue;
      }
      if (ch === ')') {
        depth--;
        i++;
        continue;
      }
      if (ch === '"') {
        const s = i + 1;
        i++;
        while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
        if (i >= n) throw new Error(`unterminated quoted argument at line ${lineOf(s)}`);
        args.push({ value: text.slice(s, i), start: s, end: i, kind: 'quoted' });
        i++;
        continue;
      }
      const b = ch === '[' ? bracketClose(text, i) : undefined;
      if (b) {
        const s = i + b.open;
        const end = text.indexOf(b.close, s);
        if (end < 0) throw new Error(`unterminated bracket argument at line ${lineOf(i)}`);
        args.push({ value: text.slice(s, end), start: s, end, kind: 'bracket' });
        i = end + b.close.length;
        continue;
      }
      const s = i;
      // Unquoted argument: up to whitespace or a parenthesis; '#' and '"' inside it are literal.
      while (i < n && !/[\s()]/.test(text[i])) {
        if (text[i] === '\\') i++;
        else if (text[i] === '$' && text[i + 1] === '{') {
          // ${VAR} references may nest
          let d = 0;
          do {
            if (text[i] === '{') d++;
            else if (text[i] === '}') d--;
            i++;
          } while (i < n && d > 0 && text[i] !== '\n');
          continue;
        }
        i++;
      }
      if (i === s) i++;
      args.push({ value: text.slice(s, i), start: s, end: i, kind: 'unquoted' });
    }
    if (depth > 0) throw new Error(`unterminated ${m[0]}( starting at line ${lineOf(nameStart)}`);
    const name = m[0].toLowerCase();
    const condition = args.map((a) => a.value).join(' ');
    if (name === 'if') {
      const current = { condition, isElse: false, chain: [condition] };
      stack.push({ chain: current.chain, current });
    } else if ((name === 'elseif' || name === 'else') && stack.length) {
      const top = stack[stack.length - 1];
      if (name === 'elseif') top.chain.push(condition);
      top.current = { condition: name === 'else' ? '' : condition, isElse: name === 'else', chain: top.chain };
    } else if (name === 'endif') {
      stack.pop();
    }
    commands.push({ name, nameStart, nameEnd, args, branches: stack.map((s) => s.current) });
  }
  return { commands };
}

export const cmakeParser: ParserAdapter<ParsedCMake> = {
  id: 'cmake',
  parse(doc: SourceDocument) {
    return parseCMake(doc.text);
  },
};

/** Words of an argument (split on whitespace, `;` and generator-expression punctuation), with offsets. */
export function argWords(arg: CMakeArg): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /[^\s;<>"$]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(arg.value))) {
    let word = m[0];
    let offset = m.index;
    // $<$<COMPILE_LANGUAGE:CUDA>:--use_fast_math> → the part after the last ':' (but keep /arch:AVX2)
    if (!/^\/arch:/i.test(word) && word.includes(':') && !word.includes('::')) {
      const k = word.lastIndexOf(':');
      offset += k + 1;
      word = word.slice(k + 1);
    }
    word = word.replace(/[,}]+$/, '');
    if (word) out.push({ text: word, start: arg.start + offset, end: arg.start + offset + word.length });
  }
  return out;
}

const X86_COND = /\b(x86|x86_64|AMD64|amd64|i[3-6]86|X86|IA32|x64|MSVC|WIN32)\b/;
const ARM_COND = /\b(aarch64|arm64|ARM64|arm|ARM|armv8|AARCH64)\b/;

/** Whether a command only runs on x86 (or Windows/MSVC), or sits in the non-Arm arm of an Arm check. */
export function x86OnlyBranch(cmd: CMakeCommand): boolean {
  return cmd.branches.some((b) => {
    if (b.isElse) return b.chain.some((c) => ARM_COND.test(c) && !/^NOT\b/.test(c.trim()));
    return X86_COND.test(b.condition) && !/^NOT\b/.test(b.condition.trim());
  });
}
