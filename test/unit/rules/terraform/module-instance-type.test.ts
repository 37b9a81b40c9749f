import assert from 'node:assert/strict';
import { terraformAnalyzer } from '../../../../src/analyzers/terraform';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

const analyzer = terraformAnalyzer as Analyzer;
const ID = 'terraform/module-instance-type';

ruleTester(analyzer, ID, {
  filename: 'main.tf',
  valid: [
    { code: 'module "gpu_nodes" {\n  source = "./modules/p4d.24xlarge"\n  # instance_type = "g5.2xlarge"\n  instance_type = var.type\n}\n', name: 'source path and comment' },
    { code: 'module "db" {\n  source         = "terraform-aws-modules/rds/aws"\n  instance_class = "db.r6i.large"\n}\n' },
  ],
  invalid: [
    {
      code: 'module "gpu_nodes" {\n  source        = "./modules/nodes"\n  instance_type = "g5.2xlarge"\n}\n',
      errors: [{ line: 3, column: 20, endColumn: 30, instanceType: 'g5.2xlarge', output: 'module "gpu_nodes" {\n  source        = "./modules/nodes"\n  instance_type = "inf2.xlarge"\n}\n' }],
    },
    {
      name: 'terraform-aws-modules/eks managed node groups',
      code: [
        'module "eks" {',
        '  source = "terraform-aws-modules/eks/aws"',
        '  eks_managed_node_groups = {',
        '    gpu = {',
        '      ami_type       = "AL2023_x86_64_NVIDIA"',
        '      instance_types = ["g6.2xlarge", "g6.4xlarge"]',
        '      desired_size   = 2',
        '    }',
        '    default = {',
        '      instance_types = ["m6i.large"]',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
      errors: [
        { line: 6, column: 26, endColumn: 36, category: 'gpu-instance' },
        { line: 6, column: 40, endColumn: 50, category: 'gpu-instance' },
        { line: 10, column: 26, endColumn: 35, category: 'x86-instance', suggestedInstanceType: 'm7g.large' },
      ],
    },
  ],
});

describe(`${ID} facts for pricing`, () => {
  it('keys each node group separately, with its desired size and the workload its name tells', async () => {
    const code = 'provider "aws" {\n  region = "us-east-2"\n}\nmodule "eks" {\n  source = "x"\n  eks_managed_node_groups = {\n    training = { instance_types = ["p4d.24xlarge"], desired_size = 4 }\n  }\n}\n';
    const { findings } = await findingsFor(analyzer, ID, { code }, 'main.tf');
    assert.deepEqual(findings.map((f) => [f.resourceKey, f.count, f.workload, f.region]), [
      ['terraform:module.eks.eks_managed_node_groups.training.instance_types', 4, 'training', 'us-east-2'],
    ]);
  });
});
