import assert from 'node:assert/strict';
import { cdkPythonAnalyzer } from '../../../../src/analyzers/cdk-python';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

const H = 'from aws_cdk import aws_ec2 as ec2\n';

ruleTester(cdkPythonAnalyzer as Analyzer, 'cdk-python/instance-type', {
  filename: 'infra/app.py',
  valid: [
    { name: 'a comment', code: `${H}# ec2.InstanceType("p4d.24xlarge")\n` },
    { name: 'a docstring', code: `${H}class S:\n    """GPU stack on g5.2xlarge."""\n` },
    { name: 'prose', code: `${H}desc = "Runs on p4d.24xlarge nodes"\n` },
    { name: 'not a CDK file', code: 'import boto3\nt = ec2.InstanceType("p4d.24xlarge")\n' },
    { name: 'RDS instance', code: `${H}from aws_cdk import aws_rds as rds\nrds.DatabaseInstance(self, "Db", instance_type=ec2.InstanceType.of(ec2.InstanceClass.MEMORY5, ec2.InstanceSize.LARGE))\n` },
  ],
  invalid: [
    {
      name: 'InstanceType.of resolved, with a fix',
      code: `${H}ec2.Instance(self, "Trainer", instance_type=ec2.InstanceType.of(ec2.InstanceClass.P4D, ec2.InstanceSize.XLARGE24))\n`,
      errors: [
        {
          line: 2,
          column: 45,
          endColumn: 114,
          instanceType: 'p4d.24xlarge',
          output: `${H}ec2.Instance(self, "Trainer", instance_type=ec2.InstanceType("trn1.32xlarge"))\n`,
        },
      ],
    },
    {
      name: 'a literal in a node group',
      code: `${H}cluster.add_nodegroup_capacity("gpu", instance_types=[ec2.InstanceType("g5.2xlarge")], desired_size=3)\n`,
      errors: [{ line: 2, column: 73, endColumn: 83, category: 'gpu-instance' }],
    },
    {
      name: 'purpose-named class, x86',
      code: `${H}t = ec2.InstanceType.of(ec2.InstanceClass.COMPUTE5, ec2.InstanceSize.XLARGE)\n`,
      errors: [{ line: 2, column: 5, endColumn: 77, category: 'x86-instance', instanceType: 'c5.xlarge' }],
    },
  ],
});

describe('cdk-python/instance-type facts', () => {
  it('derives count, region, workload and resource key', async () => {
    const code = `from aws_cdk import App, Environment, aws_sagemaker as sagemaker\nsagemaker.CfnEndpointConfig(self, "Cfg", production_variants=[sagemaker.CfnEndpointConfig.ProductionVariantProperty(instance_type="ml.g5.xlarge", initial_instance_count=2, variant_name="AllTraffic", model_name="m")])\nStack(App(), "S", env=Environment(region="us-west-2"))\n`;
    const { findings } = await findingsFor(cdkPythonAnalyzer as Analyzer, 'cdk-python/instance-type', { code }, 'infra/app.py');
    assert.deepEqual(findings.map((f) => [f.instanceType, f.count, f.region, f.workload, f.resourceKey]), [['ml.g5.xlarge', 2, 'us-west-2', 'inference', 'cdk:infra/app.py:Cfg/AllTraffic']]);
  });
});
