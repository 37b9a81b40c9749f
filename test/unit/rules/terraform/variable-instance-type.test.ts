import assert from 'node:assert/strict';
import { terraformAnalyzer } from '../../../../src/analyzers/terraform';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

const analyzer = terraformAnalyzer as Analyzer;
const ID = 'terraform/variable-instance-type';

ruleTester(analyzer, ID, {
  filename: 'variables.tf',
  valid: [
    { code: 'variable "gpu_type" {\n  type        = string\n  description = "GPU type, e.g. p4d.24xlarge"\n}\n', name: 'a description that mentions p4d' },
    { code: '# variable "x" { default = "p4d.24xlarge" }\nvariable "x" {\n  default = "${var.y}"\n}\n', name: 'commented out and interpolated' },
    { code: 'locals {\n  name = "p4d-cluster"\n  db   = "db.r5.large"\n}\n', name: 'names and RDS classes are not EC2 types' },
    { code: 'resource "aws_instance" "a" {\n  instance_type = "p4d.24xlarge"\n}\n', name: 'resources are another rule' },
  ],
  invalid: [
    {
      code: 'variable "gpu_type" {\n  default = "p4d.24xlarge"\n}\n',
      errors: [{ line: 2, column: 14, endColumn: 26, instanceType: 'p4d.24xlarge', output: 'variable "gpu_type" {\n  default = "trn1.32xlarge"\n}\n' }],
    },
    {
      name: 'list and map defaults',
      code: 'variable "types" {\n  default = ["c5.xlarge", "m5.2xlarge"]\n}\nvariable "by_env" {\n  default = {\n    prod = "g5.12xlarge"\n  }\n}\n',
      errors: [
        { line: 2, column: 15, endColumn: 24, category: 'x86-instance', suggestedInstanceType: 'c7g.xlarge' },
        { line: 2, column: 28, endColumn: 38, category: 'x86-instance' },
        { line: 6, column: 13, endColumn: 24, category: 'gpu-instance' },
      ],
    },
    {
      name: 'locals, including a conditional',
      code: 'locals {\n  trainer = var.prod ? "p5.48xlarge" : "g5.xlarge"\n}\n',
      errors: [
        { line: 2, column: 25, endColumn: 36, instanceType: 'p5.48xlarge' },
        { line: 2, column: 41, endColumn: 50, instanceType: 'g5.xlarge' },
      ],
    },
  ],
});

describe(`${ID} facts for pricing`, () => {
  it('keys variables as var.<name> so a .tfvars value of the same variable is the same resource', async () => {
    const code = 'variable "gpu_type" {\n  description = "Instance type for training"\n  default     = "p4d.24xlarge"\n}\nlocals {\n  groups = {\n    infer = { instance_type = "g5.xlarge", desired_size = 2 }\n  }\n}\n';
    const { findings } = await findingsFor(analyzer, ID, { code }, 'infra/variables.tf');
    assert.deepEqual(
      findings.map((f) => [f.resourceKey, f.workload, f.count]),
      [
        ['terraform:infra:var.gpu_type', 'training', undefined],
        ['terraform:infra:local.groups.infer.instance_type', 'inference', 2],
      ],
    );
  });
});
