import assert from 'node:assert/strict';
import * as path from 'node:path';
import { allAnalyzers } from '../../../src/analyzers';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { analyzeFile } from '../../../src/core/file-analysis';

/** Each instance type a file on disk (`rel` under `dir`) reports, with the region it is priced in. */
export async function regionsOf(dir: string, rel: string): Promise<Record<string, string | undefined>> {
  const outcome = await analyzeFile(path.join(dir, rel), rel, allAnalyzers, DEFAULT_CONFIG);
  assert.equal(outcome.kind, 'analyzed');
  const out: Record<string, string | undefined> = {};
  if (outcome.kind === 'analyzed') for (const f of outcome.findings) if (f.instanceType) out[f.instanceType] = f.region;
  return out;
}
