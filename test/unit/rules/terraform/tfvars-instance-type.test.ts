import assert from 'node:assert/strict';
import { terraformAnalyzer } from '../../../../src/analyzers/terraform';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

const analyzer = terraformAnalyzer as Analyzer;
const ID = 'terraform/tfvars-instance-type';

ruleTester(analyzer, ID, {
  filename: 'terraform.tfvars',
  valid: [
    { code: '# gpu_type = "p4d.24xlarge"\ngpu_type = "${var.x}"\ncluster_name = "p4d-training"\n' },
    { code: 'variable "gpu_type" {\n  default = "p4d.24xlarge"\n}\n', filename: 'variables.tf', name: 'variable defaults in .tf files are another rule' },
  ],
  invalid: [
    {
      code: 'region   = "us-west-2"\ngpu_type = "p4d.24xlarge"\nnode_types = ["m5.large"]\n',
      errors: [
        { line: 2, column: 13, endColumn: 25, instanceType: 'p4d.24xlarge', output: 'region   = "us-west-2"\ngpu_type = "trn1.32xlarge"\nnode_types = ["m5.large"]\n' },
        { line: 3, column: 16, endColumn: 24, category: 'x86-instance' },
      ],
    },
    {
      filename: 'prod.tfvars.json',
      code: '{\n  "gpu_type": "g5.2xlarge"\n}\n',
      errors: [{ line: 2, column: 16, endColumn: 26, instanceType: 'g5.2xlarge' }],
    },
  ],
});

describe(`${ID} facts for pricing`, () => {
  it('shares the variable default\'s key and takes the region from a region value', async () => {
    const { findings } = await findingsFor(analyzer, ID, { code: 'aws_region = "eu-central-1"\ngpu_type = "p4d.24xlarge"\n' }, 'infra/terraform.tfvars');
    assert.deepEqual(findings.map((f) => [f.resourceKey, f.region]), [['terraform:infra:var.gpu_type', 'eu-central-1']]);
  });
});
