import assert from 'node:assert/strict';
import { sagemakerAnalyzer } from '../../../../src/analyzers/sagemaker';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

const H = 'from sagemaker.pytorch import PyTorch\n';

ruleTester(sagemakerAnalyzer as Analyzer, 'sagemaker/instance-type', {
  filename: 'launch_training.py',
  valid: [
    { name: 'a comment', code: `${H}# est = PyTorch(instance_type="ml.p4d.24xlarge")\n` },
    { name: 'a docstring', code: `"""Trains on ml.p4d.24xlarge."""\n${H}` },
    { name: 'help text that mentions a type', code: 'parser.add_argument("--instance-type", help="Instance type, e.g. ml.p3.2xlarge")\n' },
    { name: 'an f-string', code: 't = f"ml.{family}.2xlarge"\n' },
    { name: 'a dict key (price table)', code: 'PRICES = {"ml.p3.2xlarge": 3.825}\n' },
    { name: 'printed', code: 'print("ml.p3.2xlarge")\n' },
    { name: 'not an instance type', code: 'version = "v1.large"\nname = "db.r5.large"\n' },
  ],
  invalid: [
    {
      name: 'estimator keyword',
      code: `${H}est = PyTorch(entry_point="train.py", instance_type="ml.p3.2xlarge", instance_count=2)\n`,
      errors: [
        {
          line: 2,
          column: 54,
          endColumn: 67,
          category: 'gpu-instance',
          instanceType: 'ml.p3.2xlarge',
          message: /estimator PyTorch/,
          output: `${H}est = PyTorch(entry_point="train.py", instance_type="ml.trn1.2xlarge", instance_count=2)\n`,
        },
      ],
    },
    {
      name: 'a constant passed later is reported once, at the literal',
      code: `${H}INSTANCE = "ml.p4d.24xlarge"\nest = PyTorch(entry_point="t.py", instance_type=INSTANCE)\nest2 = PyTorch(entry_point="t.py", instance_type=INSTANCE)\n`,
      errors: [{ line: 2, column: 13, endColumn: 28, suggestedInstanceType: 'ml.trn1.32xlarge' }],
    },
    {
      name: 'deploy: inference counterpart',
      code: `${H}predictor = model.deploy(initial_instance_count=1, instance_type='ml.g5.2xlarge')\n`,
      errors: [{ line: 2, column: 67, endColumn: 80, suggestedInstanceType: 'ml.inf2.xlarge' }],
    },
    {
      name: 'boto3 training job and endpoint config dicts',
      code: 'import boto3\nsm = boto3.client("sagemaker")\nsm.create_training_job(ResourceConfig={"InstanceType": "ml.p3.16xlarge", "InstanceCount": 4})\nsm.create_endpoint_config(EndpointConfigName="c", ProductionVariants=[{"InstanceType": "ml.g4dn.xlarge", "InitialInstanceCount": 2}])\n',
      errors: [
        { line: 3, column: 57, endColumn: 71, instanceType: 'ml.p3.16xlarge' },
        { line: 4, column: 89, endColumn: 103, instanceType: 'ml.g4dn.xlarge' },
      ],
    },
    {
      name: 'EC2 run_instances and an argparse default',
      code: 'import boto3\nboto3.client("ec2").run_instances(InstanceType="c5.4xlarge", MinCount=1, MaxCount=3)\nparser.add_argument("--instance-type", default="ml.m5.xlarge")\n',
      errors: [
        { line: 2, column: 49, endColumn: 59, category: 'x86-instance' },
        { line: 3, column: 49, endColumn: 61, category: 'x86-instance' },
      ],
    },
    {
      name: 'ModelTrainer Compute',
      code: 'from sagemaker.modules.configs import Compute\ncompute = Compute(instance_type="ml.g5.12xlarge", instance_count=1)\n',
      errors: [{ line: 2, column: 34, endColumn: 48 }],
    },
  ],
});

describe('sagemaker/instance-type facts', () => {
  const code = `${H}import boto3\nINSTANCE = "ml.p4d.24xlarge"\nCOUNT = 2\nest = PyTorch(entry_point="t.py", instance_type=INSTANCE, instance_count=COUNT)\npredictor = est.deploy(initial_instance_count=3, instance_type="ml.g5.2xlarge")\nboto3.client("sagemaker").create_training_job(TrainingJobName="job-a", ResourceConfig={"InstanceType": "ml.p3.16xlarge", "InstanceCount": 4})\nproc = SKLearnProcessor(instance_type="ml.m5.xlarge", instance_count=1)\n`;
  it('derives count, workload and a resource key from the call each literal flows into', async () => {
    const { findings } = await findingsFor(sagemakerAnalyzer as Analyzer, 'sagemaker/instance-type', { code }, 'sagemaker/launch.py');
    assert.deepEqual(
      findings.map((f) => [f.instanceType, f.count, f.workload, f.resourceKey]),
      [
        ['ml.p4d.24xlarge', 2, 'training', 'sagemaker:sagemaker/launch.py:est'],
        ['ml.g5.2xlarge', 3, 'inference', 'sagemaker:sagemaker/launch.py:predictor'],
        ['ml.p3.16xlarge', 4, 'training', 'sagemaker:sagemaker/launch.py:job-a'],
        ['ml.m5.xlarge', 1, undefined, 'sagemaker:sagemaker/launch.py:proc'],
      ],
    );
    assert.match(findings[3].advice, /processing job is neither training nor inference/);
  });
});
