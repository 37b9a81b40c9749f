import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { SourceDocument } from '../../../src/core/document';
import { analyzeDocument } from '../../../src/core/engine';
import { allAnalyzers } from '../../../src/analyzers';
import { compareFindings } from '../../../src/core/order';
import { defineAnalyzer, type Analyzer } from '../../../src/core/rule';
import type { Finding } from '../../../src/core/types';

const words = defineAnalyzer<string>({
  id: 'test',
  matches: (rel) => rel.endsWith('.txt'),
  precheck: /cuda|boom/,
  parser: {
    id: 'text',
    parse: (doc) => {
      if (doc.text.includes('unparseable')) throw new Error('bad syntax at line 1');
      return doc.text;
    },
  },
  rules: [
    {
      meta: { id: 'test/word', category: 'framework-cuda', severity: 'warning', effort: 'low', description: 'the word cuda in a test file' },
      check(text, ctx) {
        for (const m of text.matchAll(/cuda/g)) ctx.report({ start: m.index!, end: m.index! + 4, message: 'cuda', advice: 'use neuron instead' });
      },
    },
    {
      meta: { id: 'test/throws', category: 'x86-code', severity: 'error', effort: 'high', description: 'a rule that throws on boom' },
      check(text) {
        if (text.includes('boom')) throw new Error('kaboom');
      },
    },
  ],
}) as Analyzer;

const run = (text: string, config = DEFAULT_CONFIG, file = 'a.txt') => analyzeDocument(new SourceDocument(file, text), [words], config);

describe('engine', () => {
  it('reports 1-based positions with an exclusive end column', async () => {
    const { findings } = await run('x\n  cuda\n');
    assert.deepEqual(findings.map((f) => [f.line, f.column, f.endLine, f.endColumn]), [[2, 3, 2, 7]]);
    assert.equal(findings[0].blocks, 'trainium');
    assert.match(findings[0].docsUrl, /test\/word\.md$/);
  });

  it('a rule that throws is one error entry; other rules still report', async () => {
    const { findings, errors } = await run('cuda boom');
    assert.equal(findings.length, 1);
    assert.deepEqual(errors, [{ file: 'a.txt', message: 'internal error in rule test/throws: kaboom' }]);
  });

  it('a parser failure is one error entry and no findings', async () => {
    const { findings, errors } = await run('cuda unparseable');
    assert.equal(findings.length, 0);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /could not parse as text: bad syntax/);
  });

  it('honours per-rule severity, off, targets and suppressions', async () => {
    assert.equal((await run('cuda', { ...DEFAULT_CONFIG, rules: { 'test/word': 'error' } })).findings[0].severity, 'error');
    assert.equal((await run('cuda', { ...DEFAULT_CONFIG, rules: { 'test/word': 'off' } })).findings.length, 0);
    assert.equal((await run('cuda', { ...DEFAULT_CONFIG, targets: ['graviton'] })).findings.length, 0);
    assert.equal((await run('cuda # accel-advisor-ignore test/word\ncuda\n')).findings.length, 1);
  });

  it('ignores files no analyzer reads and skips parsing without a trigger word', async () => {
    assert.equal((await run('cuda', DEFAULT_CONFIG, 'a.md')).findings.length, 0);
    assert.deepEqual(await run('unparseable but no trigger'), { findings: [], errors: [] });
  });

  it('orders by file, line, column, rule id', () => {
    const f = (file: string, line: number, column: number, ruleId: string) => ({ file, line, column, ruleId, endLine: line, endColumn: column + 1, message: '' }) as Finding;
    const list = [f('b', 1, 1, 'a/a'), f('a', 2, 1, 'a/a'), f('a', 1, 5, 'a/a'), f('a', 1, 5, 'a/0'), f('a', 1, 1, 'z/z')];
    assert.deepEqual(list.sort(compareFindings).map((x) => `${x.file}:${x.line}:${x.column}:${x.ruleId}`), ['a:1:1:z/z', 'a:1:5:a/0', 'a:1:5:a/a', 'a:2:1:a/a', 'b:1:1:a/a']);
  });
});

describe('engine guards', () => {
  it('does not analyse absurdly nested input, and says so once', async () => {
    for (const [file, text] of [
      ['deploy.yaml', `apiVersion: v1\nkind: Pod\nspec: ${'{"a": '.repeat(3000)}"nvidia.com/gpu"${'}'.repeat(3000)}\n`],
      ['train.py', `x = ${'{"a": '.repeat(20_000)}1${'}'.repeat(20_000)}\nm.cuda()\n`],
    ]) {
      const r = await analyzeDocument(new SourceDocument(file, text), allAnalyzers, DEFAULT_CONFIG);
      assert.deepEqual(r.errors.map((e) => e.message), ['not analysed: brackets nested more than 256 levels deep']);
      assert.equal(r.findings.length, 0);
    }
    const ok = await analyzeDocument(new SourceDocument('train.py', 'x = [[[1]]]\nm = Net().cuda()\n'), allAnalyzers, DEFAULT_CONFIG);
    assert.equal(ok.errors.length, 0);
    assert.equal(ok.findings.length, 1);
  });
});
