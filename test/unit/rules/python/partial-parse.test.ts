import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { execSync } from 'node:child_process';
import fc from 'fast-check';
import { allAnalyzers } from '../../../../src/analyzers';
import { partialRangesFor, setPartialParsing, topLevelStatements } from '../../../../src/analyzers/python/partial';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { SourceDocument } from '../../../../src/core/document';
import { analyzeDocument } from '../../../../src/core/engine';
import { releaseDocument } from '../../../../src/core/open-documents';
import { random } from '../../helpers/random';

const root = path.resolve(__dirname, '../../../..');
/** Every Python fixture and sample, with its top-level statements (undefined where the splitter gives up). */
const fixtures = execSync("find test/fixtures samples -name '*.py'", { cwd: root })
  .toString()
  .trim()
  .split('\n')
  .filter(Boolean)
  .map((f) => {
    const text = readFileSync(path.join(root, f), 'utf8');
    return { text, statements: topLevelStatements(text)?.map((s) => text.slice(s.start, s.end).replace(/\s*$/, '\n')) };
  });

/**
 * Scans parse long Python modules partially (python/partial.ts). Whatever the module, forcing the
 * partial parse must give exactly the findings of the whole parse: here on modules assembled at
 * random from the statements of every Python fixture and sample (constants far from their uses,
 * imports between functions, decorators, broken code).
 */
describe('python/partial: partial parsing finds what whole parsing finds', () => {
  const pieces = fixtures.flatMap((f) => f.statements ?? [`${f.text.replace(/\s*$/, '')}\n`]);

  it('on modules made of shuffled statements of the fixtures', async () => {
    assert.ok(pieces.length > 30, `only ${pieces.length} statements`);
    const analyze = async (text: string, mode: 'off' | 'force') => {
      const previous = setPartialParsing(mode);
      try {
        return await analyzeDocument(new SourceDocument('mod.py', text), allAnalyzers, DEFAULT_CONFIG);
      } finally {
        setPartialParsing(previous);
      }
    };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { minLength: 3, maxLength: 25 }), async (parts) => {
        const text = parts.join('\n');
        assert.deepEqual(await analyze(text, 'force'), await analyze(text, 'off'));
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });
});

describe('python/partial: an open module parsed partially, edit after edit', () => {
  // The fixtures' top-level statements, each once, interleaved with plain code the partial parse leaves out.
  const statements = fixtures.flatMap((f) => f.statements ?? []);
  const filler = (i: number) => `def helper_${i}(a, b):\n    total = a + b\n    for k in range(b):\n        total += k * ${i}\n    return total\n`;
  const base = statements.map((st, i) => `${st}\n${filler(i)}`).join('\n');
  const KEY = 'python-partial-incremental-test';
  afterEach(() => releaseDocument(KEY));

  it('random edits: the kept partial tree, parsed again incrementally, finds what a fresh parse finds', async () => {
    const previous = setPartialParsing('force');
    try {
      assert.ok(partialRangesFor(base), 'the module is parsed partially');
      let text = base;
      const rnd = random(17);
      // Mostly whole lines typed with the indentation of where they go (the module stays valid);
      // some lines deleted, some characters thrown in anywhere (a broken module is parsed whole).
      const lines = ['y = x.cuda()', 'DEVICE = "cuda:1"', 'z = torch.device(DEVICE)', 'import torch', '# note', 'total = 0', 'model.to("cuda")'];
      let partialSeen = 0;
      for (let i = 0; i < 150; i++) {
        const lineStart = text.lastIndexOf('\n', Math.floor(rnd() * text.length)) + 1;
        const lineEnd = text.indexOf('\n', lineStart) + 1 || text.length;
        const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
        const r = rnd();
        const at = lineStart;
        if (r < 0.7) text = `${text.slice(0, lineStart)}${indent}${lines[Math.floor(rnd() * lines.length)]}\n${text.slice(lineStart)}`;
        else if (r < 0.95) text = text.slice(0, lineStart) + text.slice(lineEnd);
        else {
          const anywhere = Math.floor(rnd() * text.length);
          text = text.slice(0, anywhere) + ['(', '"', 'x', ' ', ':'][Math.floor(rnd() * 5)] + text.slice(anywhere);
        }
        if (i % 40 === 39) text = base;
        const open = await analyzeDocument(new SourceDocument('mod.py', text, undefined, KEY), allAnalyzers, DEFAULT_CONFIG);
        const fresh = await analyzeDocument(new SourceDocument('mod.py', text), allAnalyzers, DEFAULT_CONFIG);
        assert.deepEqual(open, fresh, `edit ${i} at ${at}`);
        if (partialRangesFor(text) && open.findings.length) partialSeen++;
      }
      assert.ok(partialSeen > 50, `the edits keep findings to compare (${partialSeen})`);
    } finally {
      setPartialParsing(previous);
    }
  });
});
