import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { allAnalyzers } from '../../../src/analyzers';
import { requiredWords, triggerWordsOf, type TriggerWords } from '../../../src/core/prefilter';
import type { Analyzer } from '../../../src/core/rule';
import { seeded } from '../helpers/random';

const root = path.resolve(__dirname, '..', '..', '..');

function passes(a: Analyzer, text: string): boolean {
  if (!a.precheck) return true;
  if (typeof a.precheck === 'function') return a.precheck(text);
  a.precheck.lastIndex = 0;
  return a.precheck.test(text);
}

function wordsRe(w: TriggerWords): RegExp {
  return new RegExp(w.words.map((x) => x.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), w.ignoreCase ? 'gi' : 'g');
}

/**
 * A random string the expression may match: each construct instantiated at random (an
 * implementation of its own, independent of the one that reads the words). Whether it matches
 * is then asked of the expression itself.
 */
function sample(source: string, flags: string, rnd: () => number): string {
  let i = 0;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const printable = Array.from({ length: 95 }, (_, k) => String.fromCharCode(32 + k));
  const fromClass = (cls: string) => {
    const re = new RegExp(`^${cls}$`, flags.replace(/[gy]/g, ''));
    const ok = printable.filter((c) => re.test(c));
    return ok.length ? pick(ok) : '';
  };
  const caseOf = (c: string) => (flags.includes('i') && rnd() < 0.5 ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c);
  function alternation(): string[] {
    const alts: string[][] = [[]];
    while (i < source.length && source[i] !== ')') {
      if (source[i] === '|') {
        i++;
        alts.push([]);
        continue;
      }
      alts[alts.length - 1].push(quantified(atom()));
    }
    return pick(alts);
  }
  function atom(): () => string {
    const c = source[i];
    if (c === '(') {
      i++;
      let skip = false;
      const m = /^\?(?::|=|!|<=|<!)/.exec(source.slice(i));
      if (m) {
        skip = m[0] !== '?:';
        i += m[0].length;
      }
      const start = i;
      const once = alternation();
      const inner = source.slice(start, i);
      i++; // ')'
      return () => {
        if (skip) return '';
        return rnd() < 0.5 ? once.join('') : sample(inner, flags, rnd);
      };
    }
    if (c === '[') {
      const start = i;
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      const cls = source.slice(start, i);
      return () => fromClass(cls);
    }
    if (c === '\\') {
      const e = source[i + 1];
      i += 2;
      if (e === 'b' || e === 'B') return () => '';
      if (e === 'd') return () => pick('0123456789'.split(''));
      if (e === 's') return () => pick([' ', '\t']);
      if (e === 'w') return () => pick('aZ_7'.split(''));
      return () => caseOf(e);
    }
    i++;
    if (c === '^' || c === '$') return () => '';
    if (c === '.') return () => pick(printable);
    return () => caseOf(c);
  }
  function quantified(gen: () => string): string {
    const q = source[i];
    let min = 1;
    let max = 1;
    if (q === '?') [min, max] = [0, 1];
    else if (q === '*') [min, max] = [0, 3];
    else if (q === '+') [min, max] = [1, 3];
    else if (q === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(source.slice(i))!;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[2] === '' ? min + 2 : Number(m[2]);
      i += m[0].length - 1;
    }
    if ('?*+}'.includes(q)) i++;
    if (source[i] === '?' && '?*+}'.includes(q)) i++;
    const n = min + Math.floor(rnd() * (max - min + 1));
    let out = '';
    for (let k = 0; k < n; k++) out += gen();
    return out;
  }
  return alternation().join('');
}

/** Every text file under a folder (samples and test fixtures: real files of every kind). */
function textFiles(dir: string, out: { rel: string; text: string }[] = []): { rel: string; text: string }[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) textFiles(p, out);
    else if (st.size < 2_000_000) out.push({ rel: path.relative(root, p).split(path.sep).join('/'), text: readFileSync(p, 'utf8') });
  }
  return out;
}

describe('core/prefilter: the words a pre-check needs', () => {
  it('reads words from alternatives, leaving out optional and repeated characters', () => {
    assert.deepEqual(requiredWords(/cuda|nccl/), { words: ['cuda', 'nccl'], ignoreCase: false });
    assert.deepEqual(requiredWords(/instance-?types?/i)?.words, ['instance']);
    assert.deepEqual(requiredWords(/x86[_-]64/)?.words, ['x86']);
    assert.deepEqual(requiredWords(/ab+cd/)?.words, ['ab']);
    assert.deepEqual(requiredWords(/\bcu[A-Z]|\.cu\b/)?.words, ['cu', '.cu']);
    assert.deepEqual(requiredWords(/#\s*pragma\s+simd/)?.words, ['pragma']);
    assert.equal(requiredWords(/CUDA/i)?.ignoreCase, true);
  });

  it('takes a group whose every alternative has a word when that beats the plain runs', () => {
    assert.deepEqual(requiredWords(/\w+\.(?:nano|micro|x?large|\d+xlarge)/)?.words, ['nano', 'micro', 'large', 'xlarge']);
    assert.deepEqual(requiredWords(/_(pdep|pext)_u/)?.words, ['pdep', 'pext']);
    // A group with an alternative without words decides nothing: the run outside it does.
    assert.deepEqual(requiredWords(/-mfoo(bar|\d)/)?.words, ['-mfoo']);
  });

  it('gives up where a word cannot be promised', () => {
    assert.equal(requiredWords(/a|bcd/), undefined, 'a one-character word selects nearly everything');
    assert.equal(requiredWords(/\d+\.\d+|cuda/), undefined, 'an alternative without a word');
    assert.equal(requiredWords(/(?=cuda)\w+/), undefined, 'a lookahead is not consumed text');
    assert.equal(requiredWords(/cuda/u), undefined, 'Unicode case folding is not followed');
    assert.deepEqual(requiredWords(/cafés/)?.words, ['caf'], 'words stop at a non-ASCII character');
    assert.equal(requiredWords(/cu?/), undefined);
    // Without the u flag `\u{…}` is no escape: its `|` still separates alternatives.
    assert.equal(requiredWords(new RegExp('cuda\\u{x|zz}yy')), undefined);
    assert.deepEqual(requiredWords(/nccl\x41cuda/)?.words, ['nccl']);
  });

  it("every analyzer but the assembly one (which has no pre-check) has words, derived or declared", () => {
    const without = allAnalyzers.filter((a) => !triggerWordsOf(a)).map((a) => a.id);
    assert.deepEqual(without, ['asm']);
  });

  for (const a of allAnalyzers) {
    if (!(a.precheck instanceof RegExp)) continue;
    const re = a.precheck;
    it(`${a.id}: any text its pre-check expression matches holds one of its words (random matches)`, () => {
      const words = triggerWordsOf(a)!;
      const rnd = seeded(20261125).random;
      let matched = 0;
      for (let k = 0; k < 3000; k++) {
        const s = sample(re.source, re.flags, rnd);
        re.lastIndex = 0;
        if (!re.test(s)) continue;
        matched++;
        const w = wordsRe(words);
        assert.ok(w.test(s), `${JSON.stringify(s)} matches ${re} but holds none of ${words.words.join(', ')}`);
      }
      // The sampler follows the expression: most of what it makes matches.
      assert.ok(matched > 1500, `${matched} of 3000 samples matched`);
    });
  }

  it('without its words, no sample or fixture passes any pre-check (declared words included)', () => {
    const files = [...textFiles(path.join(root, 'samples')), ...textFiles(path.join(root, 'test', 'fixtures'))];
    let checked = 0;
    for (const a of allAnalyzers) {
      const words = triggerWordsOf(a);
      if (!words) continue;
      for (const f of files) {
        if (!a.matches(f.rel) || !passes(a, f.text)) continue;
        // Break every occurrence of every word (a control character after its first letter).
        let text = f.text;
        const w = wordsRe(words);
        while (w.test(text)) {
          w.lastIndex = 0;
          text = text.replace(w, (m) => `${m[0]}\u0001${m.slice(1)}`);
        }
        assert.equal(passes(a, text), false, `${a.id} still passes ${f.rel} with its words broken`);
        checked++;
      }
    }
    assert.ok(checked > 50, `only ${checked} files passed a pre-check`);
  });
});
