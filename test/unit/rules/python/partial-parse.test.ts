import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { execSync } from 'node:child_process';
import fc from 'fast-check';
import { allAnalyzers } from '../../../../src/analyzers';
import { setPartialParsing, topLevelStatements } from '../../../../src/analyzers/python/partial';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { SourceDocument } from '../../../../src/core/document';
import { analyzeDocument } from '../../../../src/core/engine';

/**
 * Scans parse long Python modules partially (python/partial.ts). Whatever the module, forcing the
 * partial parse must give exactly the findings of the whole parse: here on modules assembled at
 * random from the statements of every Python fixture and sample (constants far from their uses,
 * imports between functions, decorators, broken code).
 */
describe('python/partial: partial parsing finds what whole parsing finds', () => {
  const root = path.resolve(__dirname, '../../../..');
  const files = execSync("find test/fixtures samples -name '*.py'", { cwd: root }).toString().trim().split('\n').filter(Boolean);
  const pieces: string[] = [];
  for (const f of files) {
    const text = readFileSync(path.join(root, f), 'utf8');
    const statements = topLevelStatements(text);
    if (statements) for (const s of statements) pieces.push(text.slice(s.start, s.end).replace(/\s*$/, '\n'));
    else pieces.push(`${text.replace(/\s*$/, '')}\n`);
  }

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
