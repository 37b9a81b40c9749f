import assert from 'node:assert/strict';
import { cloudformationAnalyzer } from '../../../../src/analyzers/cloudformation';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

const analyzer = cloudformationAnalyzer as Analyzer;
const ID = 'cloudformation/parameter-instance-type';
const TAIL = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n';

ruleTester(analyzer, ID, {
  filename: 'template.yaml',
  valid: [
    { code: 'Parameters:\n  Name:\n    Type: String\n    Description: Instance type, e.g. p4d.24xlarge\n    Default: my-p4d-stack\n' + TAIL },
    { code: 'Parameters:\n  # Default: p4d.24xlarge\n  T:\n    Type: String\n    Default: !Sub "${AWS::Region}"\n' + TAIL },
  ],
  invalid: [
    {
      name: 'Default is what runs; AllowedValues are then options, not findings',
      code: 'Parameters:\n  TrainingInstanceType:\n    Type: String\n    Default: ml.p3.2xlarge\n    AllowedValues: [ml.p3.2xlarge, ml.g5.xlarge]\n' + TAIL,
      errors: [{ line: 4, column: 14, endColumn: 27, severity: 'warning', suggestedInstanceType: 'ml.trn1.2xlarge', output: 'Parameters:\n  TrainingInstanceType:\n    Type: String\n    Default: ml.trn1.2xlarge\n    AllowedValues: [ml.p3.2xlarge, ml.g5.xlarge]\n' + TAIL }],
    },
    {
      name: 'without a Default every allowed value is listed at info',
      code: 'Parameters:\n  NodeType:\n    Type: String\n    AllowedValues:\n      - g5.xlarge\n      - "m5.large"\n' + TAIL,
      errors: [
        { line: 5, column: 9, endColumn: 18, severity: 'info', category: 'gpu-instance' },
        { line: 6, column: 10, endColumn: 18, severity: 'info', category: 'x86-instance' },
      ],
    },
  ],
});

describe(`${ID} facts for pricing`, () => {
  it('takes count and workload from the resources that !Ref the parameter', async () => {
    const code = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  GpuType:\n    Type: String\n    Default: g5.2xlarge\nResources:\n  Ep:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - InstanceType: !Ref GpuType\n          InitialInstanceCount: 3\n";
    const { findings } = await findingsFor(analyzer, ID, { code }, 'stack.yaml');
    assert.deepEqual(findings.map((f) => [f.count, f.workload, f.resourceKey]), [[3, 'inference', 'cloudformation:stack.yaml:GpuType']]);
    assert.match(findings[0].message, /used by Ep/);
  });
});
