import assert from 'node:assert/strict';
import { terraformAnalyzer } from '../../../../src/analyzers/terraform';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

const analyzer = terraformAnalyzer as Analyzer;
const ID = 'terraform/instance-type';

ruleTester(analyzer, ID, {
  filename: 'infra/main.tf',
  valid: [
    { code: '# instance_type = "p4d.24xlarge"\nresource "aws_instance" "a" {\n  instance_type = var.type\n}\n', name: 'a commented-out instance type and a variable reference' },
    { code: 'resource "aws_instance" "a" {\n  instance_type = "${var.type}"\n  tags = { Description = "trains on p4d.24xlarge" }\n}\n', name: 'an interpolation and a description that mentions p4d' },
    { code: 'resource "aws_instance" "a" {\n  // instance_type = "g5.xlarge"\n  instance_type = local.type\n}\n' },
    { code: 'data "aws_ec2_instance_type" "gpu" {\n  instance_type = "p4d.24xlarge"\n}\n', name: 'a data source looks a type up; it deploys nothing' },
    { code: 'resource "aws_opensearch_domain" "s" {\n  cluster_config {\n    instance_type = "r6i.large.search"\n  }\n}\n', name: 'OpenSearch types are another service' },
    { code: 'resource "aws_launch_template" "t" {\n  instance_requirements {\n    allowed_instance_types = ["m5.large"]\n  }\n}\n', name: 'allowed_instance_types is a filter' },
  ],
  invalid: [
    {
      code: 'resource "aws_instance" "trainer" {\n  count         = 2\n  instance_type = "p4d.24xlarge"\n}\n',
      errors: [
        {
          line: 3, column: 20, endColumn: 32, category: 'gpu-instance', instanceType: 'p4d.24xlarge', suggestedInstanceType: 'trn1.32xlarge',
          output: 'resource "aws_instance" "trainer" {\n  count         = 2\n  instance_type = "trn1.32xlarge"\n}\n',
        },
      ],
    },
    {
      name: 'EKS node group: every listed type, NVIDIA AMI type is another rule',
      code: 'resource "aws_eks_node_group" "gpu" {\n  instance_types = ["g5.2xlarge", var.extra, "g5.4xlarge"]\n  scaling_config {\n    desired_size = 3\n  }\n}\n',
      errors: [
        { line: 2, column: 22, endColumn: 32, instanceType: 'g5.2xlarge' },
        { line: 2, column: 47, endColumn: 57, instanceType: 'g5.4xlarge' },
      ],
    },
    {
      name: 'conditional branches, autoscaling overrides and a Graviton override at info',
      code: 'resource "aws_launch_template" "lt" {\n  instance_type = var.big ? "p3.8xlarge" : "c5.large"\n}\nresource "aws_autoscaling_group" "asg" {\n  mixed_instances_policy {\n    launch_template {\n      override { instance_type = "m5.large" }\n      override { instance_type = "m7g.large" }\n    }\n  }\n}\n',
      errors: [
        { line: 2, column: 30, endColumn: 40, category: 'gpu-instance' },
        { line: 2, column: 45, endColumn: 53, category: 'x86-instance', suggestedInstanceType: 'c7g.large' },
        { line: 7, column: 35, endColumn: 43, category: 'x86-instance' },
        { line: 8, column: 35, endColumn: 44, category: 'portable-instance', severity: 'info' },
      ],
    },
    {
      name: 'SageMaker endpoint variant keeps the ml. prefix in the fix',
      code: 'resource "aws_sagemaker_endpoint_configuration" "ep" {\n  production_variants {\n    instance_type          = "ml.g5.xlarge"\n    initial_instance_count = 2\n  }\n}\n',
      errors: [{ line: 3, column: 31, endColumn: 43, message: /GPU instance ml\.g5\.xlarge/, suggestedInstanceType: 'ml.inf2.xlarge' }],
    },
    {
      name: '.tf.json',
      filename: 'infra/main.tf.json',
      code: '{\n  "resource": {\n    "aws_instance": {\n      "gpu": { "instance_type": "g4dn.xlarge", "ami": "${var.ami}" }\n    }\n  }\n}\n',
      errors: [{ line: 4, column: 34, endColumn: 45, instanceType: 'g4dn.xlarge' }],
    },
  ],
});

describe(`${ID} facts for pricing`, () => {
  const code = [
    'provider "aws" {',
    '  region = "eu-west-1"',
    '}',
    'provider "aws" {',
    '  alias  = "west"',
    '  region = "us-west-2"',
    '}',
    'resource "aws_instance" "trainer" {',
    '  count         = 2',
    '  instance_type = "p4d.24xlarge"',
    '}',
    'resource "aws_eks_node_group" "inference" {',
    '  provider       = aws.west',
    '  instance_types = ["g5.xlarge", "g5.2xlarge"]',
    '  scaling_config {',
    '    min_size     = 1',
    '    desired_size = 3',
    '  }',
    '}',
    'resource "aws_sagemaker_endpoint_configuration" "ep" {',
    '  production_variants {',
    '    instance_type          = "ml.g5.xlarge"',
    '    initial_instance_count = 4',
    '  }',
    '  production_variants {',
    '    instance_type = "ml.g5.2xlarge"',
    '  }',
    '}',
    'resource "aws_launch_template" "gpu" {',
    '  instance_type = "g6.xlarge"',
    '}',
    'resource "aws_autoscaling_group" "workers" {',
    '  min_size = 1',
    '  launch_template {',
    '    id = aws_launch_template.gpu.id',
    '  }',
    '}',
    'resource "aws_emr_cluster" "c" {',
    '  master_instance_group { instance_type = "m5.xlarge" }',
    '  core_instance_group {',
    '    instance_type  = "r5.2xlarge"',
    '    instance_count = 3',
    '  }',
    '}',
    'resource "aws_sagemaker_notebook_instance" "nb" {',
    '  instance_type = "ml.g4dn.xlarge"',
    '}',
    '',
  ].join('\n');

  it('derives count, region, workload and a resource key per deployed group', async () => {
    const { findings } = await findingsFor(analyzer, ID, { code }, 'stacks/gpu/main.tf');
    const facts = findings.map((f) => [f.instanceType, f.count, f.region, f.workload, f.resourceKey]);
    assert.deepEqual(facts, [
      ['p4d.24xlarge', 2, 'eu-west-1', 'training', 'terraform:stacks/gpu:aws_instance.trainer'],
      ['g5.xlarge', 3, 'us-west-2', 'inference', 'terraform:stacks/gpu:aws_eks_node_group.inference'],
      ['g5.2xlarge', 3, 'us-west-2', 'inference', 'terraform:stacks/gpu:aws_eks_node_group.inference'],
      ['ml.g5.xlarge', 4, 'eu-west-1', 'inference', 'terraform:stacks/gpu:aws_sagemaker_endpoint_configuration.ep.production_variants[0]'],
      ['ml.g5.2xlarge', undefined, 'eu-west-1', 'inference', 'terraform:stacks/gpu:aws_sagemaker_endpoint_configuration.ep.production_variants[1]'],
      ['g6.xlarge', 1, 'eu-west-1', undefined, 'terraform:stacks/gpu:aws_launch_template.gpu'],
      ['m5.xlarge', undefined, 'eu-west-1', undefined, 'terraform:stacks/gpu:aws_emr_cluster.c.master_instance_group'],
      ['r5.2xlarge', 3, 'eu-west-1', undefined, 'terraform:stacks/gpu:aws_emr_cluster.c.core_instance_group'],
      ['ml.g4dn.xlarge', undefined, 'eu-west-1', 'inference', 'terraform:stacks/gpu:aws_sagemaker_notebook_instance.nb'],
    ]);
    assert.match(findings[findings.length - 1].message, /notebook/);
  });
});

describe(`${ID} on broken files`, () => {
  it('a broken .tf.json is one clear error, not a crash', async () => {
    const { findings, errors } = await findingsFor(analyzer, ID, { code: '{ "resource": { "aws_instance": { "a": { "instance_type": "p4d.24xlarge" ' }, 'main.tf.json');
    assert.equal(findings.length, 0);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /invalid JSON near line 1/);
  });
  it('a broken file still yields what parsed, and says where it broke', async () => {
    const code = 'resource "aws_instance" "ok" {\n  instance_type = "m5.xlarge"\n}\nresource "aws_instance" "broken" {\n  instance_type = \n';
    const { findings, errors } = await findingsFor(analyzer, ID, { code }, 'main.tf');
    assert.deepEqual(
      findings.map((f) => [f.line, f.column, f.instanceType]),
      [[2, 20, 'm5.xlarge']],
    );
    assert.deepEqual(errors, ['could not parse all of it as terraform: syntax error near line 5; the rest of the file was read around it']);
  });
  it('an HCL file where nothing parses is one error', async () => {
    const { errors } = await findingsFor(analyzer, ID, { code: '}}} "p4d.24xlarge" {{{\n' }, 'main.tf');
    assert.equal(errors.length, 1);
    assert.match(errors[0], /invalid HCL/);
  });
});
