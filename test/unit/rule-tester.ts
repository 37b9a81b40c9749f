import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, type EffectiveConfig } from '../../src/core/config';
import { SourceDocument } from '../../src/core/document';
import { analyzeDocument } from '../../src/core/engine';
import type { Analyzer } from '../../src/core/rule';
import { setPartialParsing } from '../../src/analyzers/python/partial';
import type { Finding } from '../../src/core/types';

/**
 * A small RuleTester after ESLint's: valid snippets report nothing for the rule, invalid ones
 * report exactly the listed findings, with exact 1-based ranges (end column exclusive).
 */
export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn: number;
  message?: RegExp;
  severity?: Finding['severity'];
  effort?: Finding['effort'];
  category?: Finding['category'];
  instanceType?: string;
  suggestedInstanceType?: string;
  /** Document text after applying the first fix of this finding. */
  output?: string;
}

export interface ValidCase {
  code: string;
  /** Relative path that decides which analyzer reads it; defaults to the analyzer's usual extension. */
  filename?: string;
  config?: Partial<EffectiveConfig>;
  name?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

export async function findingsFor(analyzer: Analyzer, ruleId: string, c: ValidCase, defaultFilename: string): Promise<{ findings: Finding[]; doc: SourceDocument; errors: string[] }> {
  const only: Analyzer = { ...analyzer, rules: analyzer.rules.filter((r) => r.meta.id === ruleId) };
  assert.equal(only.rules.length, 1, `rule ${ruleId} is not registered in analyzer ${analyzer.id}`);
  const doc = new SourceDocument(c.filename ?? defaultFilename, c.code);
  const config = { ...DEFAULT_CONFIG, ...c.config };
  const python = only.parser.id === 'python' && /\.py$/i.test(doc.relPath);
  const previous = setPartialParsing(python ? 'off' : 'auto');
  let result;
  try {
    result = await analyzeDocument(doc, [only], config);
    if (python) {
      // Scans parse long Python modules partially (python/partial.ts). Forced on every case, the
      // partial tree must give exactly the findings the whole tree gives.
      setPartialParsing('force');
      const partial = await analyzeDocument(new SourceDocument(doc.relPath, doc.text), [only], config);
      assert.deepEqual(partial, result, 'a partial parse (only anchored statements) changed the findings');
    }
  } finally {
    setPartialParsing(previous);
  }
  return { findings: result.findings.filter((f) => f.ruleId === ruleId), doc, errors: result.errors.map((e) => e.message) };
}

export function applyEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function label(c: ValidCase): string {
  return c.name ?? c.code.replace(/\s+/g, ' ').trim().slice(0, 70);
}

export function ruleTester(
  analyzer: Analyzer,
  ruleId: string,
  cases: { valid: ValidCase[]; invalid: InvalidCase[]; filename: string },
): void {
  describe(ruleId, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(label(c), async () => {
          const { findings, errors } = await findingsFor(analyzer, ruleId, c, cases.filename);
          assert.deepEqual(errors, [], 'unexpected errors');
          assert.deepEqual(
            findings.map((f) => `${f.line}:${f.column} ${f.message}`),
            [],
            'expected no findings',
          );
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(label(c), async () => {
          const { findings, doc, errors } = await findingsFor(analyzer, ruleId, c, cases.filename);
          assert.deepEqual(errors, [], 'unexpected errors');
          const actual = findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
          const expected = c.errors.map((e) => `${e.line}:${e.column}-${e.endLine ?? e.line}:${e.endColumn}`);
          assert.deepEqual(actual, expected, `ranges differ; messages: ${findings.map((f) => f.message).join(' | ')}`);
          c.errors.forEach((e, i) => {
            const f = findings[i];
            if (e.message) assert.match(f.message, e.message);
            if (e.severity) assert.equal(f.severity, e.severity, 'severity');
            if (e.effort) assert.equal(f.effort, e.effort, 'effort');
            if (e.category) assert.equal(f.category, e.category, 'category');
            if (e.instanceType) assert.equal(f.instanceType, e.instanceType, 'instanceType');
            if (e.suggestedInstanceType) assert.equal(f.suggestedInstanceType, e.suggestedInstanceType, 'suggestedInstanceType');
            assert.ok(f.advice.length > 10, 'every finding carries advice');
            if (e.output !== undefined) {
              assert.ok(f.fixes?.length, 'expected a fix');
              assert.equal(applyEdits(doc.text, f.fixes![0].edits), e.output);
            }
          });
        });
      }
    });
  });
}
