// Mocha global setup for the e2e suites (.mocharc.e2e.json `require`s this file):
// installs the tools once (a no-op in well under a second when cached) before any suite runs.
import { ensureInstalled } from './harness';

export async function mochaGlobalSetup(): Promise<void> {
  await ensureInstalled();
}
