import { cloudformationAnalyzer } from '../../../../src/analyzers/cloudformation';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

const HEAD = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";

ruleTester(cloudformationAnalyzer as Analyzer, 'cloudformation/gpu-resource-requirement', {
  filename: 'template.yaml',
  valid: [
    { code: HEAD + '  Job:\n    Type: AWS::Batch::JobDefinition\n    Properties:\n      ContainerProperties:\n        ResourceRequirements:\n          - Type: VCPU\n            Value: "4"\n          # - Type: GPU\n' },
  ],
  invalid: [
    {
      code: HEAD + '  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: trainer\n          ResourceRequirements:\n            - Type: GPU\n              Value: "1"\n',
      errors: [{ line: 9, column: 21, endColumn: 24, category: 'gpu-scheduling', message: /requests NVIDIA GPUs/ }],
    },
    {
      name: 'Batch on EKS nvidia.com/gpu',
      code: HEAD + '  Job:\n    Type: AWS::Batch::JobDefinition\n    Properties:\n      EksProperties:\n        PodProperties:\n          Containers:\n            - Resources:\n                Limits:\n                  nvidia.com/gpu: 1\n',
      errors: [{ line: 11, column: 35, endColumn: 36 }],
    },
  ],
});
