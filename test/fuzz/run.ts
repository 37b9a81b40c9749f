/**
 * The long fuzz run (`npm run fuzz`): the same properties as test/unit/robustness/fuzz.test.ts,
 * with more runs and a seed that changes per run unless given.
 *
 *   FUZZ_RUNS=5000 FUZZ_SEED=42 node -r esbuild-register test/fuzz/run.ts [analyzer-id…]
 *
 * Prints the seed first so any failure can be replayed; exits 1 on the first violation.
 */
import fc from 'fast-check';
import { allAnalyzers } from '../../src/analyzers';
import { checkAnalysis, FILE_NAMES, loadSeeds, mutatedText, namesFor, seedsFor, tokenSoup, variants } from '../unit/robustness/helpers/fuzz';

async function main(): Promise<number> {
  const runs = Number(process.env.FUZZ_RUNS ?? 2000);
  const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
  const only = process.argv.slice(2);
  const seeds = loadSeeds();
  process.stdout.write(`fuzz: ${runs} runs per property, seed ${seed} (replay with FUZZ_SEED=${seed})\n`);
  let slowest = { ms: 0, what: '' };
  const track = (ms: number, what: string) => {
    if (ms > slowest.ms) slowest = { ms, what };
  };
  const started = Date.now();
  for (const [ai, analyzer] of allAnalyzers.entries()) {
    if (only.length && !only.includes(analyzer.id)) continue;
    const names = namesFor(analyzer);
    const own = seedsFor(analyzer, seeds);
    for (const { label, analyzers } of variants(analyzer)) {
      const t0 = Date.now();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), mutatedText(own, seeds), async (name, input) => {
          track(await checkAnalysis(`fuzz/${name}`, input.text, analyzers), `${analyzer.id} ${name} from ${input.seed}`);
        }),
        { seed: seed + ai * 2, numRuns: runs, endOnFailure: true },
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), tokenSoup, async (name, text) => {
          track(await checkAnalysis(`fuzz/${name}`, text, analyzers), `${analyzer.id} ${name} token soup`);
        }),
        { seed: seed + ai * 2 + 1, numRuns: runs, endOnFailure: true },
      );
      process.stdout.write(`  ${analyzer.id} (${label}): ok, ${Date.now() - t0} ms\n`);
    }
  }
  if (!only.length) {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILE_NAMES), mutatedText(seeds, seeds), async (name, input) => {
        track(await checkAnalysis(`fuzz/${name}`, input.text, allAnalyzers), `all ${name} from ${input.seed}`);
      }),
      { seed: seed - 1, numRuns: runs * 4, endOnFailure: true },
    );
    process.stdout.write('  all analyzers together: ok\n');
  }
  process.stdout.write(`fuzz: passed in ${Date.now() - started} ms; slowest input ${Math.round(slowest.ms)} ms (${slowest.what})\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${(err as Error).message ?? err}\n`);
    process.exit(1);
  },
);
