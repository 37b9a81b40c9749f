import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { cudaAnalyzer } from '../../../../src/analyzers/cuda';
import { maskAll, remask } from '../../../../src/analyzers/cuda/mask';
import { changedRange } from '../../../../src/core/text-diff';
import { lexAll, relex } from '../../../../src/analyzers/cuda/tokens';
import { cppParser, setCudaIncremental, type ParsedCpp } from '../../../../src/analyzers/cuda/syntax';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { SourceDocument } from '../../../../src/core/document';
import { analyzeDocument } from '../../../../src/core/engine';
import { releaseDocument } from '../../../../src/core/open-documents';
import { random } from '../../helpers/random';

/**
 * An open C/C++/CUDA file is masked and lexed again only around each edit (resume.ts); the
 * rest is kept and moved. Whatever the edit, mask, tokens and findings must equal a whole pass.
 */
const root = path.resolve(__dirname, '../../../..');
const samples = ['samples/gpu-workspace/kernels/fused_bias_gelu.cu', 'samples/gpu-workspace/kernels/simd_features.cpp', 'test/fixtures/cuda/rope_ext.cpp'].map((f) => readFileSync(path.join(root, f), 'utf8'));

/** Everything the passes track across lines: directives running on, `#if 0`, comments, raw strings, launches. */
const tricky = [
  '#include <cuda_runtime.h>',
  '#define KERNEL __global__ \\',
  '  __launch_bounds__(256)',
  '#if 0',
  'cudaMalloc(&p, 4); // never compiled',
  '#else',
  'static int on = 1;',
  '#endif',
  '/* a comment',
  '   cudaFree(p) over lines */',
  'const char* r = R"x(line one',
  'cudaMemcpy in a raw string)x";',
  'KERNEL void k(float* a) { a[0] = 1; }',
  '__global__ void g(float* a,',
  '                  int n) { if (n) a[n] *= 2.0f; }',
  'void run(float* a) { g<<<1,',
  '  32>>>(a, 4); cudaDeviceSynchronize(); }',
  '#pragma omp simd',
  'static inline unsigned long long t() { unsigned lo, hi; __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi)); return lo; }',
  '#ifdef __x86_64__',
  'void s(float* d) { __m256 v = _mm256_loadu_ps(d); _mm256_storeu_ps(d, v); }',
  '#endif',
  'torch::Device dev(torch::kCUDA); auto x = torch::zeros({2}, dev);',
  "char q = '\\''; const char* s2 = \"<<< not a launch\";",
  '',
].join('\n');

const base = [tricky, ...samples, tricky].join('\n');
const KEY = 'cuda-incremental-test';

function show(p: ParsedCpp) {
  return p.tokens.map((t) => `${t.kind}:${t.text}@${t.start}-${t.end}${t.inMacro ? 'm' : ''}`);
}

async function parse(text: string, key?: string) {
  const parsed = await cppParser.parse(new SourceDocument('k.cu', text, undefined, key));
  try {
    return { tokens: show(parsed), macros: [...parsed.qualifierMacros], hosts: parsed.tokens.filter((_, i) => i % 7 === 0).map((t) => `${t.host.type}@${t.host.startIndex}`) };
  } finally {
    cppParser.dispose!(parsed);
  }
}

describe('cuda/incremental: an open file masked and lexed around each edit', () => {
  afterEach(() => releaseDocument(KEY));

  it('a mask redone around an edit equals a whole mask, and so do its resume points', () => {
    let prev = maskAll(base);
    let text = base;
    const rnd = random(7);
    const inserts = ['<<<', '>>>', ';', '__global__ ', '\n', '"', '//', '/*', '*/', '#', '{', 'x'];
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(rnd() * text.length);
      const next = rnd() < 0.3 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 5)) : text.slice(0, at) + inserts[i % inserts.length] + text.slice(at);
      const inc = remask(prev, next, changedRange(text, next));
      const whole = maskAll(next);
      assert.equal(inc.masked, whole.masked, `mask after edit ${i} at ${at}`);
      assert.deepEqual(inc.checkpoints, whole.checkpoints, `resume points after edit ${i}`);
      prev = inc;
      text = next;
    }
  });

  it('typing in the middle lexes only around the edit: the tokens after it are the same, moved', async () => {
    let text = base;
    const first = await cppParser.parse(new SourceDocument('k.cu', text, undefined, KEY));
    const last = first.tokens[first.tokens.length - 1];
    const lastStart = last.start;
    cppParser.dispose!(first);
    const at = text.indexOf('cudaDeviceSynchronize');
    text = `${text.slice(0, at)}  ${text.slice(at)}`;
    const second = await cppParser.parse(new SourceDocument('k.cu', text, undefined, KEY));
    try {
      assert.equal(second.tokens[second.tokens.length - 1], last, 'the last token was kept');
      assert.equal(last.start, lastStart + 2);
      assert.equal(last.host.startIndex, lastStart + 2, 'and finds its node in the new tree');
    } finally {
      cppParser.dispose!(second);
    }
    assert.deepEqual(await parse(text, KEY), await parse(text));
    const previous = setCudaIncremental(false);
    try {
      const whole = await cppParser.parse(new SourceDocument('k.cu', `${text} `, undefined, KEY));
      assert.notEqual(whole.tokens[whole.tokens.length - 1], last, 'switched off, the file is lexed whole');
      cppParser.dispose!(whole);
    } finally {
      setCudaIncremental(previous);
    }
  });

  it('keeps what it needs for 8 open documents at most: the least recently analysed is lexed whole again', async () => {
    const keys = Array.from({ length: 9 }, (_, i) => `${KEY}-${i}`);
    try {
      const lastTokens = [];
      for (const k of keys) {
        const p = await cppParser.parse(new SourceDocument('k.cu', base, undefined, k));
        lastTokens.push(p.tokens[p.tokens.length - 1]);
        cppParser.dispose!(p);
      }
      const again = async (k: string) => {
        const p = await cppParser.parse(new SourceDocument('k.cu', ` ${base}`, undefined, k));
        const last = p.tokens[p.tokens.length - 1];
        cppParser.dispose!(p);
        return last;
      };
      assert.notEqual(await again(keys[0]), lastTokens[0], 'the first document was forgotten');
      assert.equal(await again(keys[8]), lastTokens[8], 'the last one was kept');
    } finally {
      for (const k of keys) releaseDocument(k);
    }
  });

  it('random edits (comments, strings, directives, continuations, launches, #if 0) always equal a whole pass', async () => {
    const inserts = [' ', '\n', 'x', ';', '"', "'", '/*', '*/', '//', '\\\n', '#if 0\n', '#endif\n', '#define Q __device__ \\\n', '<<<', '>>>', '__global__ ', 'R"(', ')"', 'cudaMalloc(&p, 8);', '#', '\r\n', '{', '}'];
    const rnd = random(20261125);
    let text = base;
    await parse(text, KEY);
    for (let i = 0; i < 400; i++) {
      const at = Math.floor(rnd() * text.length);
      if (rnd() < 0.3) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 20));
      else text = text.slice(0, at) + inserts[Math.floor(rnd() * inserts.length)] + text.slice(at);
      if (i % 50 === 49) text = base; // and back to the start: one edit replacing most of the text
      assert.deepEqual(await parse(text, KEY), await parse(text), `edit ${i} at ${at}`);
    }
  });

  it('a line typed at a line start (the pass stops where it started, moved) keeps every later edit right', async () => {
    // The resume point the pass started from is also where it stops (moved): it must stay in its
    // place for what comes before, and move for what comes after.
    let text = 'int a;\nint b;\n';
    await parse(text, KEY);
    for (const next of ['int a;\nx\nint b;\n', 'int a;\nx\n#define K __global__\nint b;\n', '#define K __global__\nint a;\nx\n#define K __global__\nint b;\n', 'y\n#define K __global__\nint a;\nx\n#define K __global__\nint b;\n']) {
      text = next;
      assert.deepEqual(await parse(text, KEY), await parse(text), JSON.stringify(text));
    }
  });

  it('the lexer alone: short random edits and deletions, from several seeds, lex as a whole pass does (tokens, resume points)', () => {
    // Here the lexer is compared with itself, on the same ranges never compiled (none): what a
    // syntax tree decides (and tree-sitter may decide differently after an edit of broken code
    // than on a fresh parse) stays out of it.
    const tree = { root: undefined as never, generation: 0 };
    const inserts = [' ', '\n', 'x', ';', '"', "'", '/*', '*/', '//', '\\\n', '#if 0\n', '#endif\n', '#define Q __device__ \\\n', '#define K __global__\n', '<<<', '>>>', 'R"(', ')"', 'R"d(', ')d"', 'u8"', '#', '\r\n', '\r', '{', '}', 'x\n'];
    const plain = (l: ReturnType<typeof lexAll>) => ({ tokens: l.tokens.map((t) => `${t.kind}:${t.text}@${t.start}-${t.end}${t.inMacro ? 'm' : ''}`), checkpoints: l.checkpoints, counts: l.counts });
    // A line comment ending in a backslash continues a #define: the line after it is in the macro,
    // so its start is no resume point, and an edit below must not lex it as plain code.
    const continued = '#define X 1 // note \\\nint y;\nint z;\n';
    const edited = continued.replace('int z', 'int zz');
    assert.deepEqual(plain(relex(lexAll(continued, tree, []), edited, changedRange(continued, edited), tree, [])), plain(lexAll(edited, tree, [])), 'a #define continued by a comment');
    for (let seed = 1; seed <= 10; seed++) {
      const rnd = random(seed * 7919);
      let text = samples[0];
      let lexed = lexAll(text, tree, []);
      for (let i = 0; i < 300; i++) {
        let at = Math.floor(rnd() * (text.length + 1));
        if (rnd() < 0.5) at = text.lastIndexOf('\n', at - 1) + 1; // at a line start, where resume points are
        const next = rnd() < 0.3 ? text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 30)) : text.slice(0, at) + inserts[Math.floor(rnd() * inserts.length)] + text.slice(at);
        lexed = relex(lexed, next, changedRange(text, next), tree, []);
        text = next;
        assert.deepEqual(plain(lexed), plain(lexAll(text, tree, [])), `seed ${seed}, edit ${i}`);
      }
    }
  });

  it('findings of an open file after edits equal those of a fresh analysis', async () => {
    let text = base;
    const rnd = random(3);
    for (let i = 0; i < 40; i++) {
      const at = Math.floor(rnd() * text.length);
      text = text.slice(0, at) + ['\n', 'cudaFree(p);', '/*', '*/', '__global__ void z() {}\n'][i % 5] + text.slice(at);
      const open = await analyzeDocument(new SourceDocument('k.cu', text, undefined, KEY), [cudaAnalyzer], DEFAULT_CONFIG);
      const fresh = await analyzeDocument(new SourceDocument('k.cu', text), [cudaAnalyzer], DEFAULT_CONFIG);
      assert.deepEqual(open, fresh, `edit ${i}`);
    }
  });
});
