import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';

/**
 * A small Makefile reader (GNU make): logical lines with backslash continuations, `#` comments,
 * variable assignments, rule lines, recipe lines and `define … endef` bodies, plus the
 * `ifeq/ifneq/ifdef/ifndef … else … endif` branches around each line.
 */
export interface MakeWord {
  text: string;
  start: number;
  end: number;
}

export interface MakeBranch {
  condition: string;
  isElse: boolean;
  chain: string[];
}

export interface MakeLine {
  kind: 'assignment' | 'rule' | 'recipe' | 'directive' | 'define-body' | 'other';
  /** Variable name for assignments. */
  variable?: MakeWord;
  /** Words of the value (assignment), prerequisites (rule), or command (recipe), with document offsets. */
  words: MakeWord[];
  branches: MakeBranch[];
}

export interface ParsedMake {
  lines: MakeLine[];
}

interface Logical {
  text: string;
  /** Document offset of each character of `text`. */
  map: number[];
}

function logicalLines(doc: string): Logical[] {
  const out: Logical[] = [];
  let text = '';
  let map: number[] = [];
  let i = 0;
  const n = doc.length;
  while (i <= n) {
    const c = doc[i];
    if (i === n || c === '\n') {
      // A line that ends with an odd number of backslashes continues on the next one.
      let k = text.length - 1;
      if (text.endsWith('\r')) k--;
      let bs = 0;
      while (k - bs >= 0 && text[k - bs] === '\\') bs++;
      if (i < n && bs % 2 === 1) {
        const cut = k; // drop the backslash (and a \r) and join with a space
        text = text.slice(0, cut) + ' ';
        map = map.slice(0, cut);
        map.push(i);
        i++;
        continue;
      }
      if (text.endsWith('\r')) {
        text = text.slice(0, -1);
        map.pop();
      }
      out.push({ text, map });
      text = '';
      map = [];
      i++;
      continue;
    }
    text += c;
    map.push(i);
    i++;
  }
  return out;
}

function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line[i] === '#') return line.slice(0, i);
  }
  return line;
}

/** Words of text[from..] with document offsets; surrounding quotes are not part of a word. */
function wordsOf(l: Logical, text: string, from: number): MakeWord[] {
  const out: MakeWord[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && (text[s] === '"' || text[s] === "'")) s++;
    while (e > s && (text[e - 1] === '"' || text[e - 1] === "'" || text[e - 1] === ';')) e--;
    // `$(shell which nvcc)` → `nvcc`, not `nvcc)`
    const count = (ch: string) => text.slice(s, e).split(ch).length - 1;
    while (e > s && (text[e - 1] === ')' || text[e - 1] === '}') && count(text[e - 1]) > count(text[e - 1] === ')' ? '(' : '{')) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: l.map[s], end: l.map[e - 1] + 1 });
  }
  return out;
}

const CONDITIONALS = /^(ifeq|ifneq|ifdef|ifndef)\b/;
const ASSIGNMENT = /^\s*((?:export|override|private)\s+)*([^\s:#=!?+]+)\s*(:::=|::=|:=|\+=|\?=|!=|=)/;

export function parseMake(doc: string): ParsedMake {
  const lines: MakeLine[] = [];
  const stack: { chain: string[]; current: MakeBranch }[] = [];
  let inDefine = 0;
  let afterRule = false;
  for (const l of logicalLines(doc)) {
    const raw = l.text;
    const text = stripComment(raw);
    const branches = () => stack.map((s) => s.current);
    if (inDefine) {
      if (/^\s*endef\b/.test(text)) inDefine--;
      else {
        if (/^\s*define\b/.test(text)) inDefine++;
        lines.push({ kind: 'define-body', words: wordsOf(l, text, 0), branches: branches() });
      }
      continue;
    }
    if (raw.startsWith('\t') && afterRule) {
      lines.push({ kind: 'recipe', words: wordsOf(l, text, 0), branches: branches() });
      continue;
    }
    const trimmed = text.trim();
    if (!trimmed) continue;
    const elseMatch = /^else\b\s*(.*)$/.exec(trimmed);
    if (CONDITIONALS.test(trimmed)) {
      const current = { condition: trimmed, isElse: false, chain: [trimmed] };
      stack.push({ chain: current.chain, current });
      lines.push({ kind: 'directive', words: [], branches: branches() });
      continue;
    }
    if (elseMatch) {
      const top = stack[stack.length - 1];
      if (top) {
        const cond = elseMatch[1];
        if (cond && CONDITIONALS.test(cond)) {
          top.chain.push(cond);
          top.current = { condition: cond, isElse: false, chain: top.chain };
        } else top.current = { condition: '', isElse: true, chain: top.chain };
      }
      continue;
    }
    if (/^endif\b/.test(trimmed)) {
      stack.pop();
      continue;
    }
    if (/^define\b/.test(trimmed)) {
      inDefine = 1;
      afterRule = false;
      continue;
    }
    if (/^(-?include|sinclude|vpath|unexport)\b/.test(trimmed)) {
      lines.push({ kind: 'directive', words: [], branches: branches() });
      continue;
    }
    const assign = ASSIGNMENT.exec(text);
    if (assign && !/^[^=]*:[^=]/.test(text.slice(0, assign.index + assign[0].length - assign[3].length))) {
      const nameStart = text.indexOf(assign[2], assign[1] ? assign.index + assign[1].length : assign.index);
      lines.push({
        kind: 'assignment',
        variable: { text: assign[2], start: l.map[nameStart], end: l.map[nameStart + assign[2].length - 1] + 1 },
        words: wordsOf(l, text, assign.index + assign[0].length),
        branches: branches(),
      });
      continue;
    }
    const colon = text.search(/:(?!=)/);
    if (colon > 0) {
      afterRule = true;
      const semi = text.indexOf(';', colon);
      // Target-specific variables (`target: VAR += -mavx2`) and prerequisites
      lines.push({ kind: 'rule', words: wordsOf(l, semi < 0 ? text : text.slice(0, semi), colon + 1), branches: branches() });
      if (semi >= 0) lines.push({ kind: 'recipe', words: wordsOf(l, text, semi + 1), branches: branches() });
      continue;
    }
    lines.push({ kind: 'other', words: wordsOf(l, text, 0), branches: branches() });
  }
  return { lines };
}

export const makeParser: ParserAdapter<ParsedMake> = {
  id: 'make',
  parse(doc: SourceDocument) {
    return parseMake(doc.text);
  },
};

const X86_COND = /\b(x86|x86_64|amd64|AMD64|i[3-6]86|X86|x64)\b/;
const ARM_COND = /\b(aarch64|arm64|ARM64|arm|armv8\w*)\b/;

export function x86OnlyBranch(line: MakeLine): boolean {
  const positive = (c: string) => /^if(eq|def)/.test(c);
  return line.branches.some((b) => {
    if (b.isElse) return b.chain.some((c) => (ARM_COND.test(c) && positive(c)) || (X86_COND.test(c) && !positive(c)));
    return (X86_COND.test(b.condition) && positive(b.condition)) || (ARM_COND.test(b.condition) && !positive(b.condition));
  });
}

/** Recipe lines that only print text (`@echo "… -arch=sm_80 …"`). */
export function isEchoLine(line: MakeLine): boolean {
  const first = line.words[0]?.text.replace(/^[@+-]+/, '');
  return first === 'echo' || first === 'printf' || /^\$\((info|warning|error)$/.test(line.words[0]?.text ?? '');
}
