// The API-level suite (test/e2e/api) in a VS Code downloaded by @vscode/test-electron, for machines
// that can download it (`npm run test:electron`; not part of `npm test`: the CI machines reach only
// the npm registry and Debian, so there the same suite runs under code-server, see ../accel.e2e.ts).
//
// Environment: VSCODE_TEST_VERSION (default "stable"), ACCEL_E2E_KEEP=1 keeps the temp folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { compileApiSuite } from '../api/compile';

const projectRoot = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'accel-electron-'));
  try {
    // A copy of the sample workspace: the suite applies quick fixes.
    const ws = path.join(tmp, 'gpu-workspace');
    fs.cpSync(path.join(projectRoot, 'samples', 'gpu-workspace'), ws, { recursive: true });
    const cacheDir = path.join(tmp, 'price-cache');
    fs.mkdirSync(cacheDir);
    const cli = spawnSync(process.execPath, [path.join(projectRoot, 'dist', 'cli.js'), 'scan', ws, '--format', 'json', '--fail-on', 'none'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, ACCEL_ADVISOR_CACHE_DIR: cacheDir },
    });
    if (cli.status !== 0) throw new Error(`accel-advisor scan failed (run \`npm run build\` first?):\n${cli.stderr}`);
    const cliReport = path.join(tmp, 'cli-report.json');
    fs.writeFileSync(cliReport, cli.stdout);

    const suiteDir = path.join(tmp, 'suite');
    await compileApiSuite(suiteDir);
    const index = path.join(tmp, 'runner', 'index.js');
    await esbuild.build({ entryPoints: [path.join(__dirname, 'index.ts')], outfile: index, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'], logLevel: 'warning' });
    const out = path.join(tmp, 'out');
    fs.mkdirSync(out);

    await runTests({
      version: process.env.VSCODE_TEST_VERSION || 'stable',
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: index,
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions')],
      extensionTestsEnv: {
        ACCEL_E2E_SUITE: suiteDir,
        ACCEL_E2E_PROJECT_ROOT: projectRoot,
        ACCEL_E2E_CLI_REPORT: cliReport,
        ACCEL_E2E_OUT: out,
        ACCEL_ADVISOR_CACHE_DIR: cacheDir,
      },
    });
    return 0;
  } catch (err) {
    console.error(`test:electron failed: ${(err as Error).message ?? err}`);
    return 1;
  } finally {
    if (process.env.ACCEL_E2E_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
    else console.error(`kept ${tmp}`);
  }
}

void main().then((code) => process.exit(code));
