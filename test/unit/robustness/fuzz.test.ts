import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allAnalyzers } from '../../../src/analyzers';
import { checkAnalysis, FILE_NAMES, loadSeeds, mutatedText, namesFor, seedsFor, tokenSoup, variants } from './helpers/fuzz';

/**
 * Property-based fuzzing of every analyzer through analyzeDocument: random token soup and
 * mutated fixtures (byte and character flips, truncation, line duplication and deletion, odd
 * code units, splices of two fixtures) never throw, never crash a rule, finish in bounded time,
 * and give ranges and fix edits inside the document. Fixed seeds and a small budget here; the
 * long run is `FUZZ_RUNS=2000 node -r esbuild-register test/fuzz/run.ts`.
 */
const RUNS = Number(process.env.FUZZ_RUNS_UNIT ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_901);

describe('fuzzing every analyzer', function () {
  this.timeout(120_000);
  const seeds = loadSeeds();

  it('has a file name for every analyzer and seed fixtures to mutate', () => {
    assert.ok(seeds.length >= 40, `found ${seeds.length} seed files`);
    for (const a of allAnalyzers) assert.ok(namesFor(a).length > 0, `no file name in FILE_NAMES routes to analyzer "${a.id}": add one`);
    for (const n of FILE_NAMES) assert.ok(allAnalyzers.some((a) => a.matches(`fuzz/${n}`)), `${n} matches no analyzer`);
  });

  allAnalyzers.forEach((analyzer, ai) => {
    const names = namesFor(analyzer);
    const own = seedsFor(analyzer, seeds);
    for (const { label, analyzers } of variants(analyzer)) {
      it(`${analyzer.id} (${label}): mutated fixtures keep every invariant`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...names), mutatedText(own, seeds), async (name, input) => {
            await checkAnalysis(`fuzz/${name}`, input.text, analyzers);
          }),
          { seed: SEED + ai * 2, numRuns: RUNS, endOnFailure: true },
        );
      });
      it(`${analyzer.id} (${label}): random token soup keeps every invariant`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...names), tokenSoup, async (name, text) => {
            await checkAnalysis(`fuzz/${name}`, text, analyzers);
          }),
          { seed: SEED + ai * 2 + 1, numRuns: RUNS, endOnFailure: true },
        );
      });
    }
  });

  it('all analyzers together (as a scan runs them) keep every invariant on mutated fixtures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILE_NAMES), mutatedText(seeds, seeds), async (name, input) => {
        await checkAnalysis(`fuzz/${name}`, input.text, allAnalyzers);
      }),
      { seed: SEED - 1, numRuns: RUNS * 4, endOnFailure: true },
    );
  });
});
