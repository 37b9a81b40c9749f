import { cloudformationAnalyzer } from '../../../../src/analyzers/cloudformation';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

const HEAD = "AWSTemplateFormatVersion: '2010-09-09'\n";

ruleTester(cloudformationAnalyzer as Analyzer, 'cloudformation/nvidia-ami-type', {
  filename: 'template.yaml',
  valid: [
    { name: 'the standard EKS AMI parameter', code: HEAD + 'Parameters:\n  NodeImage:\n    Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"\n    Default: /aws/service/eks/optimized-ami/1.29/amazon-linux-2/recommended/image_id\n' },
    { code: HEAD + 'Description: was AL2_x86_64_GPU\nResources:\n  Ng:\n    Type: AWS::EKS::Nodegroup\n    Properties:\n      # AmiType: AL2_x86_64_GPU\n      AmiType: AL2023_x86_64_NEURON\n' },
  ],
  invalid: [
    {
      name: 'a self-managed node group resolving the GPU AMI from SSM',
      code: HEAD + 'Parameters:\n  NodeImage:\n    Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"\n    Default: /aws/service/eks/optimized-ami/1.29/amazon-linux-2-gpu/recommended/image_id\n',
      errors: [{ line: 5, column: 14, endColumn: 89, message: /NVIDIA GPU-optimized AMI/ }],
    },
    {
      code: HEAD + 'Resources:\n  Ng:\n    Type: AWS::EKS::Nodegroup\n    Properties:\n      AmiType: AL2023_x86_64_NVIDIA\n',
      errors: [{ line: 6, column: 16, endColumn: 36, category: 'gpu-scheduling', output: HEAD + 'Resources:\n  Ng:\n    Type: AWS::EKS::Nodegroup\n    Properties:\n      AmiType: AL2023_x86_64_NEURON\n' }],
    },
    {
      name: 'a parameter default behind !Ref, and a Batch image type',
      code: HEAD + 'Parameters:\n  Ami:\n    Type: String\n    Default: BOTTLEROCKET_x86_64_NVIDIA\nResources:\n  Ng:\n    Type: AWS::EKS::Nodegroup\n    Properties:\n      AmiType: !Ref Ami\n  Ce:\n    Type: AWS::Batch::ComputeEnvironment\n    Properties:\n      ComputeResources:\n        Ec2Configuration:\n          - ImageType: ECS_AL2_NVIDIA\n',
      errors: [
        { line: 5, column: 14, endColumn: 40 },
        { line: 16, column: 24, endColumn: 38, message: /Batch image type/ },
      ],
    },
  ],
});
