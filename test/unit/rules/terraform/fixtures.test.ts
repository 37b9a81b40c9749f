import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cloudformationAnalyzer } from '../../../../src/analyzers/cloudformation';
import { terraformAnalyzer } from '../../../../src/analyzers/terraform';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { SourceDocument } from '../../../../src/core/document';
import { analyzeDocument } from '../../../../src/core/engine';
import type { Analyzer } from '../../../../src/core/rule';

const root = path.resolve(__dirname, '../../../..');
const analyzers = [terraformAnalyzer, cloudformationAnalyzer] as Analyzer[];

async function scan(rel: string) {
  const doc = new SourceDocument(rel, fs.readFileSync(path.join(root, rel), 'utf8'));
  const r = await analyzeDocument(doc, analyzers, DEFAULT_CONFIG);
  assert.deepEqual(r.errors, []);
  return r.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.instanceType ?? ''} count=${f.count ?? ''} region=${f.region ?? ''} ${f.workload ?? ''}`.trim());
}

describe('infrastructure fixtures and the sample workspace', () => {
  it('EKS module with a GPU node group (region through var.region)', async () => {
    assert.deepEqual(await scan('test/fixtures/terraform/eks-gpu/main.tf'), [
      '19:26 terraform/module-instance-type m6i.large count=2 region=us-west-2',
      '25:25 terraform/nvidia-ami-type  count= region=',
      '26:26 terraform/module-instance-type p5.48xlarge count=1 region=us-west-2 training',
    ]);
  });
  it('.tf.json resource with count; the "//" comment is not read', async () => {
    assert.deepEqual(await scan('test/fixtures/terraform/eks-gpu/gpu.tf.json'), ['7:27 terraform/instance-type g6.2xlarge count=3 region=']);
  });
  it('CloudFormation JSON endpoint config', async () => {
    assert.deepEqual(await scan('test/fixtures/cloudformation/inference-endpoint.json'), ['11:30 cloudformation/instance-type ml.g5.2xlarge count=2 region= inference']);
  });
  it('sample workspace infrastructure', async () => {
    assert.deepEqual(await scan('samples/gpu-workspace/infra/terraform/main.tf'), [
      '16:20 terraform/instance-type p4d.24xlarge count=2 region=us-east-1 training',
      '29:22 terraform/nvidia-ami-type  count= region=',
      '30:23 terraform/instance-type g5.2xlarge count=3 region=us-east-1 inference',
      '49:31 terraform/instance-type ml.g5.xlarge count=2 region=us-east-1 inference',
      '56:20 terraform/instance-type m5.xlarge count= region=us-east-1',
      '70:21 terraform/lambda-x86-architecture  count= region=',
    ]);
    assert.deepEqual(await scan('samples/gpu-workspace/infra/terraform/terraform.tfvars'), ['2:23 terraform/tfvars-instance-type p4d.24xlarge count= region=']);
    assert.deepEqual(await scan('samples/gpu-workspace/infra/cloudformation/training-stack.yaml'), [
      '9:14 cloudformation/parameter-instance-type p4d.24xlarge count=4 region= training',
      '42:21 cloudformation/instance-type ml.g4dn.xlarge count= region= inference',
    ]);
    assert.deepEqual(await scan('samples/gpu-workspace/infra/sam/template.yaml'), ['10:9 cloudformation/lambda-x86-architecture  count= region=']);
  });
});
