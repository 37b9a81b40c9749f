import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allAnalyzers } from '../../../src/analyzers';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { scanFolder } from '../../../src/core/engine';
import { analyzeFile } from '../../../src/core/file-analysis';

/**
 * A workspace full of broken, huge and hostile files beside one good file: the scan completes,
 * each bad file gets an errors[] entry or a counted skip, and the good file's findings are the
 * same as when it is scanned alone.
 */
const GOOD = 'good/train.py';
const GOOD_TEXT = 'import torch\nmodel = Net().cuda()\ntorch.cuda.synchronize()\n';

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

async function write(root: string, rel: string, content: string | Buffer) {
  const abs = path.join(root, rel);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, content);
}

describe('bad input', function () {
  this.timeout(120_000);
  let root: string;
  let alone: string[];

  before(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-bad-'));
    await write(root, GOOD, GOOD_TEXT);
    const solo = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-solo-'));
    await write(solo, GOOD, GOOD_TEXT);
    alone = (await scanFolder(solo, { config: DEFAULT_CONFIG, analyzers: allAnalyzers })).findings.map((f) => `${f.file}:${f.line}:${f.column}:${f.ruleId}`);
    await fs.rm(solo, { recursive: true, force: true });
    assert.ok(alone.length >= 2, 'the good file has findings');

    await write(root, 'bad/k8s.yaml', 'apiVersion: v1\nkind: Pod\nspec: [unclosed\n  containers: {{\n');
    await write(root, 'bad/main.tf', 'resource "aws_instance" "x" {\n  instance_type = "p4d.24xlarge"\n  broken = [\n');
    await write(root, 'bad/stack.tf.json', '{"resource": {"aws_instance": {"x": {"instance_type": "g5.xlarge",,}}');
    await write(root, 'bad/train.py', 'def f(:\n    x.cuda(\n  torch.device("cuda"\n');
    await write(root, 'bad/kernel.cu', '__global__ void k( { <<<>>> cudaMalloc(\n#include <cuda_runtime.h\n');
    await write(root, 'bad/nb.ipynb', '{"cells": [{"cell_type": "code", "source": ["x.cuda()"');
    await write(root, 'bad/requirements.txt', Buffer.from([0x66, 0x6c, 0x61, 0x73, 0x68, 0x2d, 0x61, 0x74, 0x74, 0x6e, 0x0a, 0xff, 0xfe, 0x00]));
    await write(root, 'bad/binary.py', Buffer.concat([Buffer.from('x.cuda()\n'), Buffer.alloc(64, 0)]));
    await write(root, 'bad/latin1.py', Buffer.from('# caf\xe9\nm = Net().cuda()\n', 'latin1'));
    await write(root, 'bad/bom_crlf.py', '\uFEFFimport torch\r\nm = Net().cuda()\r\n');
    await write(root, 'bad/deep.json', `{"a": ${nested(100_000)}, "instanceType": "g5.xlarge"}`);
    await write(root, 'bad/Dockerfile', 'FROM \\\n\\\n');
    await write(root, 'bad/compose.yaml', 'services:\n  a:\n    image: [nvidia/cuda\n');
    await write(root, 'bad/template.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  X:\n    Type: AWS::EC2::Instance\n    Properties: !Ref [\n');
    await write(root, 'bad/cdk-stack.ts', "import * as cdk from 'aws-cdk-lib';\nnew ec2.InstanceType('p4d.24xlarge'\nclass {{{\n");
    await write(root, 'bad/minified.js', `import * as cdk from 'aws-cdk-lib';${'var a=1;'.repeat(6_500_000)}`);
    await fs.mkdir(path.join(root, 'loop'));
    await fs.symlink(root, path.join(root, 'loop', 'back'));
  });

  after(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('completes, keeps the good file\'s findings, and accounts for every bad file', async () => {
    const result = await scanFolder(root, { config: DEFAULT_CONFIG, analyzers: allAnalyzers });
    const good = result.findings.filter((f) => f.file === GOOD).map((f) => `${f.file}:${f.line}:${f.column}:${f.ruleId}`);
    assert.deepEqual(good, alone);
    // The 50 MB minified file is over the size limit: skipped and counted, not read.
    assert.ok(result.skipped.some((s) => s.relPath === 'bad/minified.js' && s.reason === 'too-large'));
    assert.ok(result.skipped.some((s) => s.relPath === 'bad/binary.py' && /binary/.test(s.detail ?? '')));
    // Every finding is inside its document.
    for (const f of result.findings) {
      assert.ok(f.line >= 1 && f.column >= 1 && (f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column)), `${f.file}:${f.line}:${f.column}`);
    }
    // No file produces more than one parse error entry per parser.
    const perFile = new Map<string, number>();
    for (const e of result.errors) perFile.set(e.file, (perFile.get(e.file) ?? 0) + 1);
    for (const [file, n] of perFile) assert.ok(n <= 2, `${file} has ${n} error entries`);
    assert.ok(!result.errors.some((e) => /internal error/.test(e.message)), JSON.stringify(result.errors.filter((e) => /internal error/.test(e.message))));
  });

  it('reports CUDA in BOM + CRLF and non-UTF-8 files at the right place', async () => {
    const result = await scanFolder(root, { config: DEFAULT_CONFIG, analyzers: allAnalyzers });
    const at = (file: string) => result.findings.filter((f) => f.file === file && f.ruleId === 'python/tensor-cuda-method').map((f) => `${f.line}:${f.column}`);
    assert.deepEqual(at('bad/bom_crlf.py'), ['2:11']);
    assert.deepEqual(at('bad/latin1.py'), ['2:11']);
  });

  it('a file deleted during the scan is an error entry, and the scan goes on', async () => {
    const victim = path.join(root, 'bad', 'victim.py');
    await write(root, 'bad/victim.py', 'x.cuda()\n');
    const result = await scanFolder(root, {
      config: DEFAULT_CONFIG,
      analyzers: allAnalyzers,
      fileAnalyzer: async (abs, rel, signal) => {
        if (abs === victim) await fs.rm(victim);
        return analyzeFile(abs, rel, allAnalyzers, DEFAULT_CONFIG, signal);
      },
    });
    assert.ok(result.errors.some((e) => e.file === 'bad/victim.py' && /ENOENT/.test(e.message)));
    assert.ok(result.findings.some((f) => f.file === GOOD));
  });

  it('a larger size limit reads the 50 MB minified file without crashing', async () => {
    const outcome = await analyzeFile(path.join(root, 'bad/minified.js'), 'bad/minified.js', allAnalyzers, { ...DEFAULT_CONFIG, maxFileSizeKb: 100_000 });
    assert.ok(outcome.kind === 'analyzed');
  });
});
