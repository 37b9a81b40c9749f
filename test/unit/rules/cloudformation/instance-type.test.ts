import assert from 'node:assert/strict';
import { cloudformationAnalyzer } from '../../../../src/analyzers/cloudformation';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

const analyzer = cloudformationAnalyzer as Analyzer;
const ID = 'cloudformation/instance-type';
const HEAD = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";

ruleTester(analyzer, ID, {
  filename: 'template.yaml',
  valid: [
    {
      name: 'a commented-out type, a description, a !Ref and a !Sub',
      code: HEAD + '  # InstanceType: p4d.24xlarge\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: !Ref GpuType\n      Tags:\n        - Key: Description\n          Value: trains on p4d.24xlarge\n      UserData: !Base64 { "Fn::Sub": "echo ${Type}" }\n',
    },
    { name: 'not a template: a Kubernetes manifest', code: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  InstanceType: p4d.24xlarge\n  note: AWS::EC2::Instance\n' },
    { name: 'not a template: a GitHub workflow', code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      InstanceType: g5.xlarge\n', filename: '.github/workflows/ci.yml' },
    { name: 'OpenSearch types are another service', code: HEAD + '  D:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n      ClusterConfig:\n        InstanceType: r6g.large.search\n' },
  ],
  invalid: [
    {
      code: HEAD + '  Trainer:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: p4d.24xlarge\n',
      errors: [{ line: 6, column: 21, endColumn: 33, instanceType: 'p4d.24xlarge', output: HEAD + '  Trainer:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: trn1.32xlarge\n' }],
    },
    {
      name: 'quoted values, !If branches and EKS InstanceTypes',
      code: HEAD + '  Lt:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData:\n        InstanceType: !If [Big, "g5.12xlarge", \'c5.large\']\n  Ng:\n    Type: AWS::EKS::Nodegroup\n    Properties:\n      InstanceTypes:\n        - g4dn.xlarge\n',
      errors: [
        { line: 7, column: 34, endColumn: 45, category: 'gpu-instance' },
        { line: 7, column: 49, endColumn: 57, category: 'x86-instance' },
        { line: 12, column: 11, endColumn: 22, instanceType: 'g4dn.xlarge' },
      ],
    },
    {
      name: 'JSON template with Fn::If',
      filename: 'stack.json',
      code: '{\n  "Resources": {\n    "I": {\n      "Type": "AWS::EC2::Instance",\n      "Properties": { "InstanceType": { "Fn::If": ["Big", "p3.8xlarge", "m5.large"] } }\n    }\n  }\n}\n',
      errors: [
        { line: 5, column: 60, endColumn: 70, category: 'gpu-instance' },
        { line: 5, column: 74, endColumn: 82, category: 'x86-instance' },
      ],
    },
  ],
});

describe(`${ID} facts for pricing`, () => {
  it('derives count and workload per deployed group, keyed by file and logical id', async () => {
    const code = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Parameters:',
      '  Desired:',
      '    Type: Number',
      '    Default: 3',
      'Resources:',
      '  Endpoint:',
      '    Type: AWS::SageMaker::EndpointConfig',
      '    Properties:',
      '      ProductionVariants:',
      '        - InstanceType: ml.g5.2xlarge',
      '          InitialInstanceCount: 2',
      '        - InstanceType: ml.inf2.xlarge',
      '  WorkerTemplate:',
      '    Type: AWS::EC2::LaunchTemplate',
      '    Properties:',
      '      LaunchTemplateData:',
      '        InstanceType: g6.xlarge',
      '  Workers:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      DesiredCapacity: !Ref Desired',
      '      MinSize: "1"',
      '      LaunchTemplate:',
      '        LaunchTemplateId: !Ref WorkerTemplate',
      '  TrainingNodes:',
      '    Type: AWS::EKS::Nodegroup',
      '    Properties:',
      '      InstanceTypes: [p4d.24xlarge]',
      '      ScalingConfig: { MinSize: 1, DesiredSize: 2, MaxSize: 4 }',
      '',
    ].join('\n');
    const { findings } = await findingsFor(analyzer, ID, { code }, 'infra/stack.yaml');
    assert.deepEqual(
      findings.map((f) => [f.instanceType, f.count, f.workload, f.resourceKey]),
      [
        ['ml.g5.2xlarge', 2, 'inference', 'cloudformation:infra/stack.yaml:Endpoint.ProductionVariants[0]'],
        ['ml.inf2.xlarge', undefined, 'inference', 'cloudformation:infra/stack.yaml:Endpoint.ProductionVariants[1]'],
        ['g6.xlarge', 3, undefined, 'cloudformation:infra/stack.yaml:WorkerTemplate'],
        ['p4d.24xlarge', 2, 'training', 'cloudformation:infra/stack.yaml:TrainingNodes'],
      ],
    );
  });

  it('a broken template is one clear error, a broken non-template is skipped', async () => {
    const broken = await findingsFor(analyzer, ID, { code: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties: [unclosed\n" }, 'stack.yaml');
    assert.equal(broken.errors.length, 1);
    assert.match(broken.errors[0], /invalid YAML in template near line/);
    const other = await findingsFor(analyzer, ID, { code: 'a: [unclosed\nb: AWS::EC2::Instance\n' }, 'values.yaml');
    assert.deepEqual(other.errors, []);
  });
});
