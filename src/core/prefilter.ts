import type { Analyzer } from './rule';

/**
 * Words at least one of which every file passing an analyzer's pre-check contains: what an outside
 * searcher (ripgrep, core/ripgrep.ts) looks for to tell, before Node reads a file, that the
 * pre-check would fail on it. Plain ASCII, no line breaks, so a byte search finds them where the
 * pre-check does; `ignoreCase` when the pre-check ignores case.
 */
export interface TriggerWords {
  words: readonly string[];
  ignoreCase: boolean;
}

/** Shorter words select nearly every file; an analyzer whose words are shorter goes unfiltered. */
const MIN_WORD = 2;

type Term =
  /** `quantified`: a quantifier follows (it may repeat, so the characters after need not be adjacent). */
  | { kind: 'char'; ch: string; min: number; quantified?: boolean }
  | { kind: 'group'; alternatives: Term[][]; min: number; lookaround: boolean }
  | { kind: 'other' };

/** A regular expression's source, read far enough to find its literal words (JavaScript syntax, no `u`/`v`/`x` flags). */
class SourceReader {
  i = 0;
  constructor(private readonly s: string) {}

  alternation(): Term[][] {
    const alternatives: Term[][] = [[]];
    while (this.i < this.s.length && this.s[this.i] !== ')') {
      if (this.s[this.i] === '|') {
        this.i++;
        alternatives.push([]);
        continue;
      }
      const term = this.atom();
      alternatives[alternatives.length - 1].push(this.quantified(term));
    }
    return alternatives;
  }

  private atom(): Term {
    const c = this.s[this.i];
    if (c === '(') {
      this.i++;
      let lookaround = false;
      if (this.s[this.i] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(this.s.slice(this.i));
        if (!m) throw new Error(`unsupported group at ${this.i}`);
        lookaround = ['?=', '?!', '?<=', '?<!'].includes(m[0]);
        this.i += m[0].length;
      }
      const alternatives = this.alternation();
      if (this.s[this.i] !== ')') throw new Error('unbalanced group');
      this.i++;
      return { kind: 'group', alternatives, min: 1, lookaround };
    }
    if (c === '[') {
      this.i++;
      if (this.s[this.i] === '^') this.i++;
      if (this.s[this.i] === ']') this.i++;
      while (this.i < this.s.length && this.s[this.i] !== ']') this.i += this.s[this.i] === '\\' ? 2 : 1;
      if (this.s[this.i] !== ']') throw new Error('unbalanced class');
      this.i++;
      return { kind: 'other' };
    }
    if (c === '\\') {
      const e = this.s[this.i + 1];
      if (e === undefined) throw new Error('trailing backslash');
      this.i += 2;
      // \b \d \s \w \n \x41 \u0041 \1 …: not a literal character (taking none is always safe).
      if (/[A-Za-z0-9]/.test(e)) {
        // Step over an escape's operands only where they are there (without the u flag, `\u{…}`
        // is no escape, and a loose `\x` is the letter): what follows must still be read.
        const rest = this.s.slice(this.i);
        const operand = e === 'x' ? /^[0-9a-fA-F]{2}/.exec(rest) : e === 'u' ? /^[0-9a-fA-F]{4}/.exec(rest) : e === 'c' ? /^[A-Za-z]/.exec(rest) : null;
        if (operand) this.i += operand[0].length;
        return { kind: 'other' };
      }
      return { kind: 'char', ch: e, min: 1 };
    }
    this.i++;
    // Past ASCII a byte search and decoded text disagree on what a character is: no word goes on.
    if (c === '.' || c === '^' || c === '$' || c > '\x7e') return { kind: 'other' };
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === ')') throw new Error(`unexpected ${c}`);
    return { kind: 'char', ch: c, min: 1 };
  }

  /** The term with the least number of times a quantifier after it allows (0: optional). */
  private quantified(term: Term): Term {
    const q = this.s[this.i];
    let min = 1;
    if (q === '?' || q === '*') {
      min = 0;
      this.i++;
    } else if (q === '+') this.i++;
    else if (q === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.s.slice(this.i));
      if (!m) return term; // a literal brace, which the next atom refuses
      min = Number(m[1]);
      this.i += m[0].length;
    } else return term;
    if (this.s[this.i] === '?') this.i++; // lazy
    if (term.kind === 'other') return term;
    return term.kind === 'char' ? { ...term, min, quantified: true } : { ...term, min: Math.min(term.min, min) };
  }
}

/** Scores a choice of words: the shortest word's length first (longer selects fewer files), then fewer words. */
function better(a: string[], b: string[] | undefined): boolean {
  if (!b) return true;
  const la = Math.min(...a.map((w) => w.length));
  const lb = Math.min(...b.map((w) => w.length));
  return la > lb || (la === lb && a.length < b.length);
}

/** Words one of which every match of the alternation contains, or undefined. */
function alternationWords(alternatives: Term[][]): string[] | undefined {
  const all: string[] = [];
  for (const alternative of alternatives) {
    const words = sequenceWords(alternative);
    if (!words) return undefined;
    all.push(...words);
  }
  return [...new Set(all)];
}

/**
 * The best factor of a sequence: a run of characters every match has side by side, or a group
 * every alternative of which has words of its own.
 */
function sequenceWords(terms: Term[]): string[] | undefined {
  let best: string[] | undefined;
  let run = '';
  const endRun = () => {
    if (run && better([run], best)) best = [run];
    run = '';
  };
  for (const t of terms) {
    if (t.kind === 'char' && t.min >= 1) {
      run += t.ch;
      if (t.quantified) endRun();
      continue;
    }
    endRun();
    if (t.kind === 'group' && t.min >= 1 && !t.lookaround) {
      const words = alternationWords(t.alternatives);
      if (words && better(words, best)) best = words;
    }
  }
  endRun();
  return best;
}

/**
 * Words one of which any text matching `re` contains (see TriggerWords), derived from its
 * source; undefined when the expression has no such words (or syntax this reader does not follow).
 */
export function requiredWords(re: RegExp): TriggerWords | undefined {
  // Unicode modes fold case beyond ASCII: not followed here.
  if (/[uv]/.test(re.flags)) return undefined;
  let alternatives: Term[][];
  try {
    const reader = new SourceReader(re.source);
    alternatives = reader.alternation();
    if (reader.i !== re.source.length) return undefined;
  } catch {
    return undefined;
  }
  return checked(alternationWords(alternatives), re.flags.includes('i'));
}

function checked(words: string[] | undefined, ignoreCase: boolean): TriggerWords | undefined {
  if (!words?.length) return undefined;
  // Printable ASCII only: a byte search then sees exactly what the pre-check sees in decoded text.
  if (words.some((w) => w.length < MIN_WORD || !/^[\x20-\x7e]+$/.test(w))) return undefined;
  return { words, ignoreCase };
}

const memo = new WeakMap<Analyzer, TriggerWords | null>();

/**
 * An analyzer's trigger words: declared (`Analyzer.triggerWords`, for a pre-check written as a
 * function) or read from its pre-check expression. Undefined: no pre-check, or none usable; every
 * file it reads must then be read.
 */
export function triggerWordsOf(a: Analyzer): TriggerWords | undefined {
  let w = memo.get(a);
  if (w === undefined) {
    if (!a.precheck) w = null;
    else if (a.triggerWords) w = checked([...a.triggerWords.words], a.triggerWords.ignoreCase ?? false) ?? null;
    else if (a.precheck instanceof RegExp) w = requiredWords(a.precheck) ?? null;
    else w = null;
    memo.set(a, w);
  }
  return w ?? undefined;
}
