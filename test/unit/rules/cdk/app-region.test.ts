import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { entryOfApp } from '../../../../src/analyzers/cdk/app';
import { runCli } from '../../robustness/helpers/cli';
import { regionsOf } from '../../helpers/regions';

/** A CDK stack's region comes from the app's entry (bin/app.ts) when its own file does not say. */
describe('cdk: regions from the app entry named by cdk.json', function () {
  this.timeout(60_000); // the first CDK file loads the TypeScript compiler
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-cdk-app-'));
    await fs.mkdir(path.join(dir, 'bin'));
    await fs.mkdir(path.join(dir, 'lib'));
    await fs.writeFile(path.join(dir, 'cdk.json'), '{\n  // comments are allowed\n  "app": "npx ts-node --prefer-ts-exts bin/app.ts",\n  "context": {}\n}\n');
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const write = (rel: string, text: string) => fs.writeFile(path.join(dir, rel), text);
  const stack = (cls: string, type: string) =>
    `import { Stack } from 'aws-cdk-lib';\nimport * as ec2 from 'aws-cdk-lib/aws-ec2';\nexport class ${cls} extends Stack {\n  constructor(scope: any, id: string, props?: any) {\n    super(scope, id, props);\n    new ec2.Instance(this, 'Box', { instanceType: new ec2.InstanceType('${type}') } as any);\n  }\n}\n`;
  const regions = (rel: string) => regionsOf(dir, rel);

  it('entryOfApp finds the script of the app command', () => {
    assert.equal(entryOfApp('npx ts-node --prefer-ts-exts bin/app.ts', '/r'), path.resolve('/r/bin/app.ts'));
    assert.equal(entryOfApp('node "bin/main.js"', '/r'), path.resolve('/r/bin/main.js'));
    assert.equal(entryOfApp('python3 app.py', '/r'), path.resolve('/r/app.py'));
    assert.equal(entryOfApp('make deploy', '/r'), undefined);
  });

  it("each stack class gets the region it is created with; a class created without one gets none; a file's own region wins", async () => {
    await write('lib/gpu-stack.ts', stack('GpuStack', 'p4d.24xlarge'));
    await write('lib/web-stack.ts', stack('WebStack', 'm5.large'));
    await write('lib/own-stack.ts', `${stack('OwnStack', 'g5.xlarge')}new OwnStack(undefined, 'X', { env: { region: 'ap-south-1' } });\n`);
    await write(
      'bin/app.ts',
      "import * as cdk from 'aws-cdk-lib';\nimport { GpuStack } from '../lib/gpu-stack';\nimport { WebStack } from '../lib/web-stack';\nconst app = new cdk.App();\nconst west = { account: '1', region: 'us-west-2' };\nnew GpuStack(app, 'Gpu', { env: west });\nnew WebStack(app, 'Web');\n// new GpuStack(app, 'Old', { env: { region: 'eu-west-1' } });\n",
    );
    assert.deepEqual(await regions('lib/gpu-stack.ts'), { 'p4d.24xlarge': 'us-west-2' });
    assert.deepEqual(await regions('lib/web-stack.ts'), { 'm5.large': undefined });
    assert.deepEqual(await regions('lib/own-stack.ts'), { 'g5.xlarge': 'ap-south-1' });
  });

  it("code outside the classes the entry creates gets no region from it (a construct; a stack a pipeline's stage creates)", async () => {
    await write('lib/cluster.ts', stack('GpuCluster', 'g5.2xlarge').replace('extends Stack', 'extends Construct'));
    await write('lib/app-stack.ts', stack('AppStack', 'p4d.24xlarge'));
    await write('bin/app.ts', "import * as cdk from 'aws-cdk-lib';\nconst app = new cdk.App();\nnew PipelineStack(app, 'Pipeline', { env: { region: 'us-east-1' } });\n");
    assert.deepEqual(await regions('lib/cluster.ts'), { 'g5.2xlarge': undefined });
    assert.deepEqual(await regions('lib/app-stack.ts'), { 'p4d.24xlarge': undefined });
  });

  it('a class created in two regions, or with and without one, gets none', async () => {
    await write('lib/ml-stack.ts', stack('MlStack', 'g5.2xlarge'));
    await write('bin/app.ts', "new MlStack(app, 'Ml', { env: { region: 'eu-central-1' } });\nnew MlStack(app, 'Ml2', { env: { region: 'us-east-2' } });\n");
    assert.deepEqual(await regions('lib/ml-stack.ts'), { 'g5.2xlarge': undefined });
    await write('bin/app.ts', "new MlStack(app, 'Ml', { env: { region: 'eu-central-1' } });\nnew MlStack(app, 'Dev');\n");
    const later = new Date(Date.now() + 5000);
    await fs.utimes(path.join(dir, 'bin/app.ts'), later, later);
    assert.deepEqual(await regions('lib/ml-stack.ts'), { 'g5.2xlarge': undefined });
  });

  it('a broken cdk.json or entry, or none, says nothing', async () => {
    await write('lib/gpu-stack.ts', stack('GpuStack', 'p4d.24xlarge'));
    assert.deepEqual(await regions('lib/gpu-stack.ts'), { 'p4d.24xlarge': undefined }, 'no entry file');
    await write('bin/app.ts', "new GpuStack(app, 'Gpu', { env: { region: 'us-west-2' } ");
    assert.deepEqual(await regions('lib/gpu-stack.ts'), { 'p4d.24xlarge': undefined }, 'an entry that does not parse');
    await write('cdk.json', '{ "app": ');
    assert.deepEqual(await regions('lib/gpu-stack.ts'), { 'p4d.24xlarge': undefined });
  });

  it('the scan cache notices an edit of the entry', async () => {
    await write('lib/gpu-stack.ts', stack('GpuStack', 'p4d.24xlarge'));
    await write('bin/app.ts', "new GpuStack(app, 'Gpu', { env: { region: 'us-west-2' } });\n");
    const cacheDir = `${dir}-cache`;
    const scan = async () => {
      const { code, out, err } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--cache'], { cwd: dir, env: { ACCEL_ADVISOR_CACHE_DIR: cacheDir } });
      assert.equal(code, 0, err);
      return (JSON.parse(out) as { findings: { instanceType?: string; cost?: { region: string } }[] }).findings.find((f) => f.instanceType === 'p4d.24xlarge')?.cost?.region;
    };
    try {
      assert.equal(await scan(), 'us-west-2');
      await write('bin/app.ts', "new GpuStack(app, 'Gpu', { env: { region: 'eu-west-3' } });\n");
      const later = new Date(Date.now() + 5000);
      await fs.utimes(path.join(dir, 'bin/app.ts'), later, later);
      assert.equal(await scan(), 'eu-west-3');
    } finally {
      await fs.rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('CDK for Python: app.py creates each stack class with its env (Environment(region=…), a dict, or a name bound to one)', async () => {
    await write('cdk.json', '{ "app": "python3 app.py" }\n');
    const pyStack = (cls: string, type: string) =>
      `import aws_cdk as cdk\nfrom aws_cdk import Stack, aws_ec2 as ec2\n\nclass ${cls}(Stack):\n    def __init__(self, scope, id, **kwargs):\n        super().__init__(scope, id, **kwargs)\n        ec2.Instance(self, "Box", instance_type=ec2.InstanceType("${type}"))\n`;
    await write('lib/gpu_stack.py', pyStack('GpuStack', 'p4d.24xlarge'));
    await write('lib/web_stack.py', pyStack('WebStack', 'm5.large'));
    await write('lib/infer_stack.py', pyStack('InferStack', 'g5.xlarge'));
    await write(
      'app.py',
      'import aws_cdk as cdk\nfrom lib.gpu_stack import GpuStack\napp = cdk.App()\nwest = cdk.Environment(account="1", region="us-west-2")\nGpuStack(app, "Gpu", env=west)\nInferStack(app, "Infer", env={"region": "eu-west-1"})\nWebStack(app, "Web")\n# GpuStack(app, "Old", env=cdk.Environment(region="ap-south-1"))\napp.synth()\n',
    );
    assert.deepEqual(await regions('lib/gpu_stack.py'), { 'p4d.24xlarge': 'us-west-2' });
    assert.deepEqual(await regions('lib/infer_stack.py'), { 'g5.xlarge': 'eu-west-1' });
    assert.deepEqual(await regions('lib/web_stack.py'), { 'm5.large': undefined });
  });
});
