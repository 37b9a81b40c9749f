import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allAnalyzers } from '../../../src/analyzers';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { CancelledError } from '../../../src/core/discovery';
import { scanFolder, type ScanResult } from '../../../src/core/engine';
import { analyzeFile, type FileAnalyzer } from '../../../src/core/file-analysis';
import { bundledRipgrepCandidates, describeRipgrep, findExecutable, RipgrepPrefilter, ripgrepOnPath, ripgrepPattern, type RipgrepStats } from '../../../src/core/ripgrep';

const root = path.resolve(__dirname, '..', '..', '..');
const rg = ripgrepOnPath();

const inThread: FileAnalyzer = (abs, rel, signal) => analyzeFile(abs, rel, allAnalyzers, DEFAULT_CONFIG, signal);

/** A folder scan in this thread, through ripgrep (`rgPath`) or not; the report without its timing. */
async function scan(dir: string, rgPath?: string, signal?: AbortSignal): Promise<{ result: Omit<ScanResult, 'durationMs'>; stats?: RipgrepStats }> {
  const prefilter = rgPath ? new RipgrepPrefilter(inThread, { rg: rgPath, analyzers: allAnalyzers, batchFiles: 50 }) : undefined;
  try {
    const { durationMs: _, ...result } = await scanFolder(dir, {
      config: DEFAULT_CONFIG,
      analyzers: allAnalyzers,
      signal,
      fileAnalyzer: prefilter?.analyze ?? inThread,
      concurrency: 8 + (prefilter?.window ?? 0),
      onDiscoveryDone: () => prefilter?.flush(),
    });
    return { result, stats: prefilter?.stats };
  } finally {
    prefilter?.close();
  }
}

/** A shell script standing in for ripgrep. */
function fakeRg(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

const claimsRipgrep = 'if [ "$1" = "--version" ]; then echo "ripgrep 13.0.0"; exit 0; fi';

describe('core/ripgrep: ripgrep picks the files worth reading, and the report does not change', function () {
  this.timeout(120_000);
  let tmp: string;

  before(function () {
    if (!rg) {
      // CI installs Debian's ripgrep (test/e2e/setup.mjs); elsewhere these tests need it too.
      if (process.env.CI) throw new Error('rg is not on the PATH');
      this.skip();
    }
    tmp = mkdtempSync(path.join(os.tmpdir(), 'aa-rg-'));
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('ripgrep accepts the pattern of every kind of file the analyzers read', () => {
    const empty = path.join(tmp, 'empty');
    writeFileSync(empty, '');
    const names = ['a.py', 'a.ipynb', 'requirements.txt', 'Dockerfile', 'compose.yaml', 'k.yaml', 'k.json', 'main.tf', 'x.tf.json', 'k.cu', 'CMakeLists.txt', 'Makefile', 'stack.ts', 'app.js', 'conf.toml', 'x.properties'];
    const patterns = new Set(names.map((n) => ripgrepPattern(allAnalyzers.filter((a) => a.matches(n)))).filter((p): p is string => !!p));
    assert.ok(patterns.size >= 8, `${patterns.size} patterns`);
    for (const p of patterns) {
      const r = spawnSync(rg!, ['--no-config', '--regexp', p, '--', empty], { encoding: 'utf8' });
      assert.equal(r.status, 1, `rg rejected ${p}: ${r.stderr}`);
    }
  });

  it('the samples and test fixtures: the same findings, errors and skipped files, most files never read', async () => {
    let searched = 0;
    let selected = 0;
    for (const dir of [path.join(root, 'samples'), path.join(root, 'test', 'fixtures')]) {
      const plain = await scan(dir);
      const filtered = await scan(dir, rg);
      assert.deepEqual(filtered.result, plain.result);
      const s = filtered.stats!;
      assert.ok(plain.result.findings.length > 20);
      assert.equal(s.failedRuns, 0);
      searched += s.searched;
      selected += s.selected;
    }
    // Nearly every sample and fixture is lock-in (the awkward files below show files left unread).
    assert.ok(selected > 40 && selected <= searched, `${selected} of ${searched}`);
  });

  it('awkward files: binary, UTF-16, Latin-1, odd names, a NUL past 8 KiB, upper case, words split by a line break', async () => {
    const dir = path.join(tmp, 'awkward');
    mkdirSync(dir);
    const put = (name: string, data: string | Buffer) => writeFileSync(path.join(dir, name), data);
    put('binary.py', Buffer.concat([Buffer.from('import torch\nx = torch.cuda.is_available()\n'), Buffer.from([0, 1, 2, 3])]));
    put('utf16.py', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('import torch\ntorch.cuda.synchronize()\n', 'utf16le')]));
    put('latin1.py', Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nimport torch\nd = torch.device("cuda")\n')]));
    put('-rf.py', 'import torch\nm.cuda()\n');
    put('sp ace.py', 'import torch\nm.to("cuda:0")\n');
    put('new\nline.py', 'import torch\nm.cuda()\n');
    put('ünï.py', 'import torch\nm.cuda()\n');
    put('late-nul.py', `${'# padding\n'.repeat(1000)}import torch\nm.cuda()\n\u0000\n`);
    put('Dockerfile', 'FROM NVIDIA/CUDA:12.1.0-RUNTIME-UBUNTU22.04\n'); // upper case: Docker's pre-check ignores case
    put('split.tf', 'resource "aws_instance" "a" {\n  instance_type = "p4d.24\nxlarge"\n}\n');
    put('plain.py', 'def add(a, b):\n    return a + b\n');
    put('main.tf', 'resource "aws_instance" "a" {\n  instance_type = "p4d.24xlarge"\n}\n');
    const plain = await scan(dir);
    const filtered = await scan(dir, rg);
    assert.deepEqual(filtered.result, plain.result);
    assert.deepEqual(
      plain.result.skipped.map((s) => s.relPath),
      ['binary.py', 'utf16.py'],
      'the engine still decides what is binary',
    );
    const withFindings = new Set(plain.result.findings.map((f) => f.file));
    for (const f of ['-rf.py', 'sp ace.py', 'new\nline.py', 'ünï.py', 'late-nul.py', 'latin1.py', 'main.tf', 'Dockerfile']) assert.ok(withFindings.has(f), f);
    assert.ok(filtered.stats!.selected < filtered.stats!.searched, 'plain.py is never read');
  });

  it('a run that fails (an unreadable file, a crash) hands its files on whole', async () => {
    const bin = fakeRg(tmp, 'rg-fails', `${claimsRipgrep}\necho "rg: something broke" >&2; exit 2`);
    const dir = path.join(root, 'samples');
    const { result, stats } = await scan(dir, bin);
    assert.deepEqual(result, (await scan(dir)).result);
    assert.ok(stats!.failedRuns > 0 && stats!.searched === 0, JSON.stringify(stats));
    assert.match(describeRipgrep(bin, stats!), /runs failed, and their files were read anyway/);
  });

  it('output naming a file that was not asked about decides nothing', async () => {
    const bin = fakeRg(tmp, 'rg-odd', `${claimsRipgrep}\nprintf '/no/such/file\\0'; exit 0`);
    const dir = path.join(root, 'samples');
    const { result, stats } = await scan(dir, bin);
    assert.deepEqual(result, (await scan(dir)).result);
    assert.ok(stats!.failedRuns > 0, JSON.stringify(stats));
  });

  it('an executable that is not ripgrep (here one answering "no match" to everything) is not trusted', async () => {
    const bin = fakeRg(tmp, 'not-rg', 'exit 1');
    const dir = path.join(root, 'samples');
    const { result, stats } = await scan(dir, bin);
    assert.deepEqual(result, (await scan(dir)).result);
    assert.equal(stats!.notRipgrep, true);
    assert.equal(stats!.searched, 0);
    assert.match(describeRipgrep(bin, stats!), /is not ripgrep/);
  });

  it('a cancelled scan stops', async () => {
    const controller = new AbortController();
    const run = scan(path.join(root, 'test', 'fixtures'), rg, controller.signal);
    controller.abort();
    await assert.rejects(run, CancelledError);
  });

  it("finds the ripgrep VS Code and code-server ship under the application root", () => {
    const appRoot = path.join(tmp, 'app');
    const exe = path.join(appRoot, 'node_modules', '@vscode', 'ripgrep-universal', 'bin', 'linux-x64', 'rg');
    mkdirSync(path.dirname(exe), { recursive: true });
    writeFileSync(exe, '#!/bin/sh\n');
    assert.equal(findExecutable(bundledRipgrepCandidates(appRoot, 'linux', 'x64')), undefined, 'not executable yet');
    chmodSync(exe, 0o755);
    assert.equal(findExecutable(bundledRipgrepCandidates(appRoot, 'linux', 'x64')), exe);
    assert.ok(bundledRipgrepCandidates(appRoot, 'win32', 'x64').some((c) => c.endsWith(path.join('@vscode', 'ripgrep', 'bin', 'rg.exe'))));
    assert.equal(ripgrepOnPath({ PATH: path.dirname(exe) }), exe);
    assert.equal(ripgrepOnPath({ PATH: tmp }), undefined);
    // A folder named rg is not an executable.
    mkdirSync(path.join(tmp, 'dirs', 'rg'), { recursive: true });
    assert.equal(ripgrepOnPath({ PATH: path.join(tmp, 'dirs') }), undefined);
    assert.ok(statSync(exe).isFile() && readdirSync(path.dirname(exe)).length === 1);
  });
});
