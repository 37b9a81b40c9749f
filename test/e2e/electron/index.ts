// Entry point that @vscode/test-electron loads in the extension host (extensionTestsPath): runs
// the compiled API-level suite (ACCEL_E2E_SUITE, a folder of .js files) with the project's mocha.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export async function run(): Promise<void> {
  const suiteDir = process.env.ACCEL_E2E_SUITE;
  const root = process.env.ACCEL_E2E_PROJECT_ROOT;
  if (!suiteDir || !root) throw new Error('ACCEL_E2E_SUITE and ACCEL_E2E_PROJECT_ROOT must be set (see run.ts)');
  const Mocha = createRequire(path.join(root, 'package.json'))('mocha') as typeof import('mocha');
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 120_000, reporter: 'spec' });
  for (const f of fs.readdirSync(suiteDir).filter((f) => f.endsWith('.js')).sort()) mocha.addFile(path.join(suiteDir, f));
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} API-level test(s) failed`);
}
