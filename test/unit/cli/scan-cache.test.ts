import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from '../robustness/helpers/cli';

/** `scan --cache`: unchanged files answer from the cache; anything that changes is analysed again. */
async function scan(cwd: string, cacheDir: string, extra: string[] = []) {
  const { code, out, err } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--cache', ...extra], { cwd, env: { ACCEL_ADVISOR_CACHE_DIR: cacheDir } });
  assert.equal(code, 0, err);
  const doc = JSON.parse(out);
  delete doc.summary.durationMs;
  return { doc, err, reused: Number(/(\d+) files reused/.exec(err)?.[1]), analysed: Number(/(\d+) analysed/.exec(err)?.[1]) };
}

describe('scan cache (--cache)', () => {
  let root: string;
  let ws: string;
  let cacheDir: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-cache-'));
    ws = path.join(root, 'ws');
    cacheDir = path.join(root, 'cache');
    await fs.mkdir(ws);
    await fs.writeFile(path.join(ws, 'train.py'), 'import torch\nmodel = model.cuda()\n');
    await fs.writeFile(path.join(ws, 'main.tf'), 'resource "aws_instance" "a" {\n  instance_type = "p4d.24xlarge"\n}\n');
    await fs.writeFile(path.join(ws, 'util.py'), 'import os\nprint(os.getcwd())\n');
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('a second scan reuses every unchanged file and reports the same document', async () => {
    const first = await scan(ws, cacheDir);
    assert.equal(first.analysed, 3);
    assert.equal(first.reused, 0);
    const second = await scan(ws, cacheDir);
    assert.equal(second.reused, 3);
    assert.equal(second.analysed, 0);
    assert.deepEqual(second.doc, first.doc);
    assert.ok(first.doc.findings.some((f: { instanceType?: string }) => f.instanceType === 'p4d.24xlarge'));
  });

  it('keeps the cache in the cache folder, never in the scanned repository', async () => {
    await scan(ws, cacheDir);
    assert.deepEqual((await fs.readdir(ws)).sort(), ['main.tf', 'train.py', 'util.py']);
    assert.equal((await fs.readdir(path.join(cacheDir, 'scans'))).length, 1);
  });

  it('analyses an edited file again, and forgets a deleted one', async () => {
    await scan(ws, cacheDir);
    await fs.writeFile(path.join(ws, 'util.py'), 'import os\ntorch.cuda.synchronize()\nx = y.cuda()\n');
    await fs.rm(path.join(ws, 'main.tf'));
    const next = await scan(ws, cacheDir);
    assert.equal(next.analysed, 1);
    assert.equal(next.reused, 1);
    const files = new Set(next.doc.findings.map((f: { file: string }) => f.file));
    assert.ok(files.has('util.py'), 'the edit is seen');
    assert.ok(!files.has('main.tf'), 'the deleted file is gone');
  });

  it('a configuration change voids the cache', async () => {
    await scan(ws, cacheDir);
    await fs.writeFile(path.join(ws, '.accel-advisor.json'), JSON.stringify({ rules: { 'python/tensor-cuda-method': 'off' } }));
    const next = await scan(ws, cacheDir);
    assert.equal(next.reused, 0);
    assert.ok(!next.doc.findings.some((f: { ruleId: string }) => f.ruleId === 'python/tensor-cuda-method'));
  });

  it('a corrupt or foreign cache file is reported, ignored and rewritten', async () => {
    const clean = await scan(ws, cacheDir);
    const [name] = await fs.readdir(path.join(cacheDir, 'scans'));
    const file = path.join(cacheDir, 'scans', name);
    for (const bad of ['{"version":1,"key":', '{"version":1,"key":"x","files":{"/a":{"relPath":"a","size":1,"mtimeMs":1,"outcome":{"kind":"analyzed","findings":[{"ruleId":7}],"errors":[]}}}}', '\u0000\u0001binary']) {
      await fs.writeFile(file, bad);
      const next = await scan(ws, cacheDir);
      assert.match(next.err, /scan cache .* is not a valid cache/);
      assert.deepEqual(next.doc, clean.doc);
      assert.equal(next.analysed, 3);
      const again = await scan(ws, cacheDir);
      assert.equal(again.reused, 3, 'the cache was rewritten whole');
    }
  });

  it('--cache-location writes where it is told', async () => {
    const loc = path.join(root, 'elsewhere', 'c.json');
    await scan(ws, cacheDir, ['--cache-location', loc]);
    const second = await scan(ws, cacheDir, ['--cache-location', loc]);
    assert.equal(second.reused, 3);
    assert.ok(JSON.parse(await fs.readFile(loc, 'utf8')).files);
  });
});

describe('scan cache across processes (the bundled CLI)', () => {
  const cli = path.resolve(__dirname, '../../../dist/cli.js');
  it('a second `node dist/cli.js scan --cache` reuses the first one\'s work', async function () {
    await fs.access(cli).catch(() => this.skip());
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-cache-cli-'));
    try {
      await fs.writeFile(path.join(root, 'train.py'), 'import torch\nmodel = model.cuda()\n');
      const run = () => {
        const r = spawnSync(process.execPath, [cli, 'scan', root, '--cache', '--format', 'json', '--fail-on', 'none'], { env: { ...process.env, ACCEL_ADVISOR_CACHE_DIR: path.join(root, '..', `${path.basename(root)}-cache`) }, encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        return r;
      };
      const first = run();
      assert.match(first.stderr, /0 files reused, 1 analysed/);
      const second = run();
      assert.match(second.stderr, /1 files reused, 0 analysed/);
      assert.deepEqual(JSON.parse(second.stdout).findings, JSON.parse(first.stdout).findings);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
      await fs.rm(`${root}-cache`, { recursive: true, force: true });
    }
  });
});
