import assert from 'node:assert/strict';
import { cdkAnalyzer } from '../../../../src/analyzers/cdk';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

const H = "import * as ec2 from 'aws-cdk-lib/aws-ec2';\n";

ruleTester(cdkAnalyzer as Analyzer, 'cdk/instance-type', {
  filename: 'lib/stack.ts',
  valid: [
    { name: 'a comment', code: `${H}// new ec2.InstanceType('p4d.24xlarge')\n/* g5.2xlarge */\n` },
    { name: 'prose in a description', code: `${H}new ec2.Instance(this, 'I', { description: 'Runs on p4d.24xlarge nodes' });\n` },
    { name: 'help text', code: `${H}const help = 'Pass --instance-type g5.xlarge to override';\n` },
    { name: 'not a CDK file', code: "const t = 'p4d.24xlarge';\n" },
    { name: 'declaration file', filename: 'lib/types.d.ts', code: `${H}export declare const t = 'p4d.24xlarge';\n` },
    { name: 'RDS instance class', code: `${H}import * as rds from 'aws-cdk-lib/aws-rds';\nnew rds.DatabaseInstance(this, 'Db', { instanceType: ec2.InstanceType.of(ec2.InstanceClass.MEMORY5, ec2.InstanceSize.LARGE) });\n` },
    { name: 'RDS-style and OpenSearch names', code: `${H}const a = 'db.r5.large'; const b = 'r6g.large.search';\n` },
    { name: 'property key', code: `${H}const prices = { 'p4d.24xlarge': 32.77 };\n` },
    { name: 'types without a Graviton counterpart', code: `${H}new ec2.InstanceType('mac2.metal');\n` },
  ],
  invalid: [
    {
      name: 'new InstanceType with a GPU type',
      code: `${H}new ec2.Instance(this, 'Box', { instanceType: new ec2.InstanceType('p3.2xlarge') });\n`,
      errors: [{ line: 2, column: 69, endColumn: 79, category: 'gpu-instance', instanceType: 'p3.2xlarge', message: /ec2\.Instance 'Box'/ }],
    },
    {
      name: 'InstanceType.of resolved from short members, with a fix that rewrites the call',
      code: `${H}new ec2.Instance(this, 'Trainer', { instanceType: ec2.InstanceType.of(ec2.InstanceClass.P4D, ec2.InstanceSize.XLARGE24) });\n`,
      errors: [
        {
          line: 2,
          column: 51,
          endColumn: 120,
          instanceType: 'p4d.24xlarge',
          suggestedInstanceType: 'trn1.32xlarge',
          output: `${H}new ec2.Instance(this, 'Trainer', { instanceType: new ec2.InstanceType('trn1.32xlarge') });\n`,
        },
      ],
    },
    {
      name: 'InstanceType.of with purpose-named members',
      code: `${H}const t = ec2.InstanceType.of(ec2.InstanceClass.COMPUTE5, ec2.InstanceSize.XLARGE2);\nconst u = InstanceType.of(InstanceClass.BURSTABLE3, InstanceSize.MICRO);\n`,
      errors: [
        { line: 2, column: 11, endColumn: 84, category: 'x86-instance', instanceType: 'c5.2xlarge' },
        { line: 3, column: 11, endColumn: 72, category: 'x86-instance', instanceType: 't3.micro' },
      ],
    },
    {
      name: 'InstanceClass.INFERENCE2 is portable (info)',
      code: `${H}const t = ec2.InstanceType.of(ec2.InstanceClass.INFERENCE2, ec2.InstanceSize.XLARGE8);\n`,
      errors: [{ line: 2, column: 11, endColumn: 86, category: 'portable-instance', severity: 'info', instanceType: 'inf2.8xlarge' }],
    },
    {
      name: 'an InstanceType constant',
      code: `${H}const t = ec2.InstanceType.G5_12XLARGE;\n`,
      errors: [{ line: 2, column: 11, endColumn: 39, instanceType: 'g5.12xlarge' }],
    },
    {
      name: 'a const used later is reported once, at the literal',
      code: `${H}const GPU = 'g5.2xlarge';\ncluster.addNodegroupCapacity('infer', { instanceTypes: [new ec2.InstanceType(GPU)], desiredSize: 2 });\n`,
      errors: [{ line: 2, column: 14, endColumn: 24, instanceType: 'g5.2xlarge', suggestedInstanceType: 'inf2.xlarge' }],
    },
    {
      name: 'SageMaker endpoint configuration (L1) with ml. type',
      code: `${H}new sagemaker.CfnEndpointConfig(this, 'Cfg', {\n  productionVariants: [{ instanceType: 'ml.g5.xlarge', initialInstanceCount: 3, variantName: 'AllTraffic' }],\n});\n`,
      errors: [
        {
          line: 3,
          column: 41,
          endColumn: 53,
          instanceType: 'ml.g5.xlarge',
          suggestedInstanceType: 'ml.inf2.xlarge',
          output: `${H}new sagemaker.CfnEndpointConfig(this, 'Cfg', {\n  productionVariants: [{ instanceType: 'ml.inf2.xlarge', initialInstanceCount: 3, variantName: 'AllTraffic' }],\n});\n`,
        },
      ],
    },
    {
      name: 'launch template data and Batch instance type lists in JavaScript',
      filename: 'lib/batch.js',
      code: "const { aws_batch: batch } = require('aws-cdk-lib');\nnew batch.CfnComputeEnvironment(this, 'Ce', { computeResources: { instanceTypes: ['c5.large', `m5.xlarge`], minvCpus: 0 } });\n",
      errors: [
        { line: 2, column: 84, endColumn: 92, category: 'x86-instance' },
        { line: 2, column: 96, endColumn: 105, category: 'x86-instance' },
      ],
    },
  ],
});

describe('cdk/instance-type facts', () => {
  const code = `${H}import * as cdk from 'aws-cdk-lib';\nconst app = new cdk.App();\nnew TrainStack(app, 'S', { env: { account: '1', region: 'eu-west-1' } });\nnew sagemaker.CfnEndpointConfig(this, 'Cfg', { productionVariants: [{ instanceType: 'ml.g5.xlarge', initialInstanceCount: 3, variantName: 'AllTraffic' }] });\ncluster.addNodegroupCapacity('gpu', { instanceTypes: [new ec2.InstanceType('g5.2xlarge')], desiredSize: 2, labels: { role: 'training' } });\n`;
  it('derives count, region, workload and a resource key per construct', async () => {
    const { findings } = await findingsFor(cdkAnalyzer as Analyzer, 'cdk/instance-type', { code }, 'lib/app.ts');
    assert.deepEqual(
      findings.map((f) => [f.instanceType, f.count, f.region, f.workload, f.resourceKey]),
      [
        ['ml.g5.xlarge', 3, 'eu-west-1', 'inference', 'cdk:lib/app.ts:Cfg/AllTraffic'],
        ['g5.2xlarge', 2, 'eu-west-1', 'training', 'cdk:lib/app.ts:gpu'],
      ],
    );
  });
  it('a syntax error is one clear error, not a crash', async () => {
    const { findings, errors } = await findingsFor(cdkAnalyzer as Analyzer, 'cdk/instance-type', { code: `${H}new ec2.InstanceType('p4d.24xlarge'\n` }, 'lib/broken.ts');
    assert.equal(findings.length, 0);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /syntax error \(line \d+/);
  });
});
