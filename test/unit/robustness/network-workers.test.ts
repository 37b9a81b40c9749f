import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { BUILT_CLI as cli, sampleCopies } from './helpers/cli';

const guard = path.join(__dirname, 'helpers/preload-net-guard.cjs');

/**
 * The in-process network test covers the main thread. A scan of more than 150 files runs in
 * worker threads: this one runs the built CLI with a preloaded guard, which Node also loads into
 * each worker, and checks that the workers ran and that nobody tried the network.
 */
describe('no surprise network in worker threads', function () {
  this.timeout(120_000);
  let dir: string;

  before(async function () {
    if (!existsSync(cli)) this.skip(); // built by `npm run build`, which `npm test` runs first
    // 200 files: 40 copies of a few sample files.
    dir = await sampleCopies('aa-net-workers-', ['training/train.py', 'infra/terraform/main.tf', 'Dockerfile', 'k8s/training-job.yaml', 'infra/cdk/lib/training-stack.ts'], 40);
  });

  after(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('the guard notices an attempt, in the main thread and in a worker', () => {
    const code = "const { Worker } = require('node:worker_threads'); try { require('node:net').connect(9, '127.0.0.1'); } catch {} new Worker(\"try { fetch('http://127.0.0.1:9') } catch {}\", { eval: true });";
    const r = spawnSync(process.execPath, ['-r', guard, '-e', code], { encoding: 'utf8' });
    assert.match(r.stderr, /NETWORK-ATTEMPT thread 0: net\.connect/);
    assert.match(r.stderr, /NETWORK-ATTEMPT thread 1: fetch/);
  });

  it('a multi-threaded scan in every format opens no connection', () => {
    for (const format of ['json', 'sarif', 'html']) {
      const r = spawnSync(process.execPath, ['-r', guard, cli, 'scan', dir, '--format', format, '--fail-on', 'none', '--quiet'], {
        encoding: 'utf8',
        env: { ...process.env, ACCEL_ADVISOR_THREADS: '2', ACCEL_ADVISOR_CACHE_DIR: path.join(dir, '.cache') },
        maxBuffer: 256 * 1024 * 1024,
      });
      assert.equal(r.status, 0, r.stderr);
      const guarded = new Set([...r.stderr.matchAll(/NET-GUARD thread (\d+)/g)].map((m) => m[1]));
      assert.ok(guarded.size >= 2, `the guard ran in the main thread and the workers (threads ${[...guarded].join(', ')})`);
      assert.doesNotMatch(r.stderr, /NETWORK-ATTEMPT/);
      assert.ok(r.stdout.length > 1000, 'a report was written');
    }
  });
});
