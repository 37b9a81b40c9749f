import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { BUILT_CLI as cli, sampleCopies } from '../robustness/helpers/cli';

/**
 * A scan of more than 100 files runs in a pool of worker threads; only the first loads the
 * TypeScript compiler, the others hand CDK files to it. Whatever worker reads a file, the report
 * must be that of a scan in one thread.
 */
describe('core/worker-pool: a scan in worker threads reports what a scan in one thread does', function () {
  this.timeout(120_000);
  let dir: string;

  before(async function () {
    if (!existsSync(cli)) this.skip(); // built by `npm run build`, which `npm test` runs first
    const stack = 'infra/cdk/lib/training-stack.ts';
    dir = await sampleCopies('aa-pool-', ['training/train.py', 'infra/terraform/main.tf', 'k8s/training-job.yaml', stack, 'kernels/fused_bias_gelu.cu'], 40);
    // And CDK stacks in runs (as a repository groups them), between the other files.
    for (let i = 0; i < 40; i += 10) for (let k = 0; k < 8; k++) await fs.copyFile(path.join(dir, `copy${i}`, stack), path.join(dir, `copy${i}`, `stack${k}.ts`));
  });

  after(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const scan = (threads: string) => {
    const r = spawnSync(process.execPath, [cli, 'scan', dir, '--format', 'json', '--fail-on', 'none', '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, ACCEL_ADVISOR_THREADS: threads, ACCEL_ADVISOR_CACHE_DIR: path.join(dir, '.cache') },
      maxBuffer: 256 * 1024 * 1024,
    });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as { findings: { ruleId: string; file: string }[]; summary?: unknown };
  };

  it('every file, CDK stacks included, whichever worker reads it', () => {
    const pooled = scan('2');
    const single = scan('1');
    const cdkFiles = new Set(pooled.findings.filter((f) => f.ruleId.startsWith('cdk/')).map((f) => f.file));
    assert.equal(cdkFiles.size, 40 + 4 * 8, 'every CDK stack has findings');
    assert.deepEqual(pooled.findings, single.findings);
  });
});
