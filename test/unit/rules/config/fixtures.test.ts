import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allAnalyzers } from '../../../../src/analyzers';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { SourceDocument } from '../../../../src/core/document';
import { analyzeDocument } from '../../../../src/core/engine';

const root = path.resolve(__dirname, '../../../fixtures');
const sample = path.resolve(__dirname, '../../../../samples/gpu-workspace');
/** Fixtures that are the sample workspace's own files are read from there, not kept twice. */
const FROM_SAMPLE: Record<string, string> = {
  'cdk/training-stack.ts': 'infra/cdk/lib/training-stack.ts',
  'cdk-python/app.py': 'infra/cdk-python/app.py',
  'sagemaker/launch_training.py': 'sagemaker/launch_training.py',
  'sagemaker/deploy_endpoint.py': 'sagemaker/deploy_endpoint.py',
  'config/cluster.json': 'config/cluster.json',
  'config/launch.sh': 'scripts/launch.sh',
};

async function scan(rel: string): Promise<string[]> {
  const file = FROM_SAMPLE[rel] ? path.join(sample, FROM_SAMPLE[rel]) : path.join(root, rel);
  const doc = new SourceDocument(rel, fs.readFileSync(file, 'utf8'));
  const r = await analyzeDocument(doc, allAnalyzers, DEFAULT_CONFIG);
  assert.deepEqual(r.errors, []);
  return r.findings.filter((f) => f.instanceType || /^(cdk|cdk-python|sagemaker|config)\//.test(f.ruleId)).map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.instanceType ?? ''}`.trim());
}

describe('instance-type fixtures through every analyzer', () => {
  it('CDK TypeScript stack', async () => {
    assert.deepEqual(await scan('cdk/training-stack.ts'), [
      '16:21 cdk/instance-type p4d.24xlarge',
      '21:45 cdk/instance-type g5.2xlarge',
      '23:16 cdk/gpu-scheduling',
      '28:93 cdk/instance-type ml.g5.xlarge',
      '35:21 cdk/x86-architecture',
    ]);
  });
  it('CDK Python app (the SageMaker analyzer does not repeat the construct findings)', async () => {
    assert.deepEqual(await scan('cdk-python/app.py'), [
      '15:27 cdk-python/instance-type c5.4xlarge',
      '18:80 cdk-python/instance-type ml.g4dn.xlarge',
      '25:26 cdk-python/x86-architecture',
    ]);
  });
  it('SageMaker launch and deploy scripts', async () => {
    assert.deepEqual(await scan('sagemaker/launch_training.py'), ['7:19 sagemaker/instance-type ml.p4d.24xlarge', '19:24 sagemaker/local-gpu-mode']);
    assert.deepEqual(await scan('sagemaker/deploy_endpoint.py'), ['6:67 sagemaker/instance-type ml.g5.2xlarge', '11:91 sagemaker/instance-type ml.g4dn.xlarge']);
  });
  it('JSON, .env and shell config', async () => {
    assert.deepEqual(await scan('config/cluster.json'), ['5:44 config/instance-type p3.16xlarge', '6:46 config/instance-type m5.4xlarge']);
    assert.deepEqual(await scan('config/app.env'), ['2:25 config/instance-type ml.g5.xlarge']);
    assert.deepEqual(await scan('config/launch.sh'), ['4:7 config/instance-type c5.2xlarge', '6:59 config/instance-type g5.4xlarge']);
  });
});
