import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allAnalyzers } from '../../../../src/analyzers';
import { clearModuleMemo } from '../../../../src/analyzers/terraform/module';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { SourceDocument } from '../../../../src/core/document';
import { analyzeDocument } from '../../../../src/core/engine';
import { analyzeFile } from '../../../../src/core/file-analysis';
import { runCli } from '../../robustness/helpers/cli';
import { regionsOf } from '../../helpers/regions';
import { random } from '../../helpers/random';

/** The region of a Terraform finding comes from its module (the folder), not only its file. */
describe('terraform: regions from the other files of the module', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-tf-module-'));
    clearModuleMemo();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const write = (name: string, text: string) => fs.writeFile(path.join(dir, name), text);
  const regions = (name: string) => regionsOf(dir, name);
  const MAIN = 'resource "aws_instance" "trainer" {\n  instance_type = "p4d.24xlarge"\n}\n';

  it('a provider in providers.tf gives main.tf its region', async () => {
    await write('providers.tf', 'provider "aws" {\n  region = "eu-west-1"\n}\n');
    await write('main.tf', MAIN);
    assert.deepEqual(await regions('main.tf'), { 'p4d.24xlarge': 'eu-west-1' });
  });

  it('var.region: the default in variables.tf, overridden by terraform.tfvars, overridden by *.auto.tfvars', async () => {
    await write('providers.tf', 'provider "aws" {\n  region = var.region\n}\n');
    await write('variables.tf', 'variable "region" {\n  type    = string\n  default = "us-west-2"\n}\n');
    await write('main.tf', MAIN);
    assert.deepEqual(await regions('main.tf'), { 'p4d.24xlarge': 'us-west-2' });
    await write('terraform.tfvars', 'region = "eu-central-1"\n');
    clearModuleMemo();
    assert.deepEqual(await regions('main.tf'), { 'p4d.24xlarge': 'eu-central-1' });
    await write('zz.auto.tfvars', 'region = "ap-south-1"\n');
    clearModuleMemo();
    assert.deepEqual(await regions('main.tf'), { 'p4d.24xlarge': 'ap-south-1' });
  });

  it('a local, and provider aliases defined in another file', async () => {
    await write('locals.tf', 'locals {\n  home = "sa-east-1"\n}\n');
    await write('providers.tf', 'provider "aws" {\n  region = local.home\n}\nprovider "aws" {\n  alias  = "west"\n  region = "us-west-2"\n}\n');
    await write('main.tf', `${MAIN}resource "aws_instance" "server" {\n  provider      = aws.west\n  instance_type = "g5.xlarge"\n}\n`);
    assert.deepEqual(await regions('main.tf'), { 'p4d.24xlarge': 'sa-east-1', 'g5.xlarge': 'us-west-2' });
  });

  it("a region written in the file itself wins; a variable's value in terraform.tfvars is priced with the module's provider", async () => {
    await write('providers.tf', 'provider "aws" {\n  region = "eu-west-1"\n}\n');
    await write('main.tf', `provider "aws" {\n  region = "us-east-2"\n}\n${MAIN}`);
    assert.deepEqual(await regions('main.tf'), { 'p4d.24xlarge': 'us-east-2' });
    await write('main.tf', MAIN);
    await write('terraform.tfvars', 'gpu_type = "g5.2xlarge"\n');
    assert.deepEqual(await regions('terraform.tfvars'), { 'g5.2xlarge': 'eu-west-1' });
  });

  it('only the same folder is the module; broken or unreadable siblings say nothing', async () => {
    await fs.mkdir(path.join(dir, 'modules'));
    await write('providers.tf', 'provider "aws" {\n  region = "eu-west-1"\n}\n');
    await write('broken.tf', 'provider "aws" {\n  region = \n');
    await write('modules/main.tf', MAIN);
    await write('main.tf', MAIN);
    assert.deepEqual(await regions('modules/main.tf'), { 'p4d.24xlarge': undefined });
    assert.deepEqual(await regions('main.tf'), { 'p4d.24xlarge': 'eu-west-1' });
  });

  it('a sibling that is a link to a pipe or a device is not read (reading would never end)', async function () {
    if (process.platform === 'win32') this.skip();
    await write('providers.tf', 'provider "aws" {\n  region = "eu-west-1"\n}\n');
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    await fs.symlink(path.join(dir, 'pipe'), path.join(dir, 'a-pipe.tf'));
    await fs.symlink('/dev/zero', path.join(dir, 'b-zero.tf'));
    await write('main.tf', MAIN);
    assert.deepEqual(await regions('main.tf'), { 'p4d.24xlarge': 'eu-west-1' });
  });

  it("a document that is no file on disk (an editor's untitled one) keeps to its own text", async () => {
    await write('providers.tf', 'provider "aws" {\n  region = "eu-west-1"\n}\n');
    const r = await analyzeDocument(new SourceDocument('main.tf', MAIN), allAnalyzers, DEFAULT_CONFIG);
    assert.equal(r.findings[0].region, undefined);
    assert.equal(r.dependencies, undefined);
    const onDisk = await analyzeDocument(new SourceDocument('main.tf', MAIN, path.join(dir, 'main.tf')), allAnalyzers, DEFAULT_CONFIG);
    assert.equal(onDisk.findings[0].region, 'eu-west-1');
    assert.deepEqual(onDisk.dependencies?.map((d) => path.basename(d.path)).sort(), [path.basename(dir), 'providers.tf']);
  });

  it("400 edited versions of the module's other files: main.tf's findings stay, its region is a region or none, nothing throws", async () => {
    const SIBLINGS: Record<string, string> = {
      'providers.tf': 'provider "aws" {\n  region = var.region\n}\nprovider "aws" {\n  alias  = "west"\n  region = local.west\n}\n',
      'variables.tf': 'variable "region" {\n  default = "eu-west-1"\n}\nlocals {\n  west = "us-west-2"\n}\n',
      'terraform.tfvars': 'region = "eu-central-1"\n',
      'x.tf.json': '{"variable": {"region": {"default": "ap-south-1"}}, "provider": {"aws": {"region": "${var.region}"}}}\n',
    };
    const rnd = random(20261125);
    const seen = new Set<string | undefined>();
    await write('main.tf', `${MAIN}resource "aws_instance" "w" {\n  provider      = aws.west\n  instance_type = "g5.xlarge"\n}\n`);
    for (let i = 0; i < 400; i++) {
      for (const [name, text] of Object.entries(SIBLINGS)) {
        // Cut, drop a span or duplicate one: broken braces, strings, references.
        const a = Math.floor(rnd() * text.length);
        const b = Math.min(text.length, a + Math.floor(rnd() * 24));
        const edited = rnd() < 0.3 ? text.slice(0, a) : rnd() < 0.5 ? text.slice(0, a) + text.slice(b) : text.slice(0, b) + text.slice(a);
        await write(name, edited);
      }
      clearModuleMemo();
      const outcome = await analyzeFile(path.join(dir, 'main.tf'), 'main.tf', allAnalyzers, DEFAULT_CONFIG);
      assert.equal(outcome.kind, 'analyzed');
      if (outcome.kind !== 'analyzed') continue;
      assert.deepEqual(outcome.errors, [], `variant ${i}: main.tf itself is fine`);
      assert.deepEqual(outcome.findings.map((f) => f.instanceType).sort(), ['g5.xlarge', 'p4d.24xlarge'], `variant ${i}`);
      for (const f of outcome.findings) {
        assert.ok(f.region === undefined || /^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(f.region), `variant ${i}: ${f.region}`);
        seen.add(f.region);
      }
    }
    // The edits reach every outcome: each source of a region wins in some variant, none in others.
    for (const r of [undefined, 'eu-west-1', 'eu-central-1', 'us-west-2']) assert.ok(seen.has(r), `${r} in ${[...seen].join(', ')}`);
  });

  it('the report prices it in that region, and the scan cache sees an edit of providers.tf', async () => {
    await write('providers.tf', 'provider "aws" {\n  region = "eu-west-1"\n}\n');
    await write('main.tf', MAIN);
    const cacheDir = `${dir}-cache`; // outside: a file added to the folder is a change to the module
    const scan = async () => {
      const { code, out, err } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--cache'], { cwd: dir, env: { ACCEL_ADVISOR_CACHE_DIR: cacheDir } });
      assert.equal(code, 0, err);
      const doc = JSON.parse(out);
      return { cost: doc.findings.find((f: { instanceType?: string }) => f.instanceType === 'p4d.24xlarge')?.cost, reused: Number(/(\d+) files reused/.exec(err)?.[1]) };
    };
    const first = await scan();
    assert.equal(first.cost.region, 'eu-west-1');
    assert.equal((await scan()).reused, 2, 'unchanged: main.tf comes from the cache');
    // Same size, so only the time tells it changed.
    await write('providers.tf', 'provider "aws" {\n  region = "eu-west-3"\n}\n');
    const later = new Date(Date.now() + 5000);
    await fs.utimes(path.join(dir, 'providers.tf'), later, later);
    const third = await scan();
    assert.equal(third.cost.region, 'eu-west-3');
    assert.notEqual(third.cost.monthlyUsd, undefined);
    await fs.rm(cacheDir, { recursive: true, force: true });
  });
});
