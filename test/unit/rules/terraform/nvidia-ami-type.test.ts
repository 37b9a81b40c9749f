import { terraformAnalyzer } from '../../../../src/analyzers/terraform';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(terraformAnalyzer as Analyzer, 'terraform/nvidia-ami-type', {
  filename: 'main.tf',
  valid: [
    { code: 'resource "aws_eks_node_group" "a" {\n  # ami_type = "AL2_x86_64_GPU"\n  ami_type = "AL2023_x86_64_STANDARD"\n}\n' },
    { code: 'resource "aws_eks_node_group" "a" {\n  ami_type = "AL2023_x86_64_NEURON"\n  tags = { note = "was AL2_x86_64_GPU before" }\n}\n' },
  ],
  invalid: [
    {
      code: 'resource "aws_eks_node_group" "gpu" {\n  ami_type = "AL2_x86_64_GPU"\n}\n',
      errors: [{ line: 2, column: 15, endColumn: 29, category: 'gpu-scheduling', output: 'resource "aws_eks_node_group" "gpu" {\n  ami_type = "AL2023_x86_64_NEURON"\n}\n' }],
    },
    {
      name: 'Bottlerocket NVIDIA in a module map, Batch image type',
      code: 'module "eks" {\n  eks_managed_node_groups = {\n    gpu = { ami_type = "BOTTLEROCKET_x86_64_NVIDIA" }\n  }\n}\nresource "aws_batch_compute_environment" "ce" {\n  compute_resources {\n    ec2_configuration {\n      image_type = "ECS_AL2_NVIDIA"\n    }\n  }\n}\n',
      errors: [
        { line: 3, column: 25, endColumn: 51, output: 'module "eks" {\n  eks_managed_node_groups = {\n    gpu = { ami_type = "BOTTLEROCKET_x86_64" }\n  }\n}\nresource "aws_batch_compute_environment" "ce" {\n  compute_resources {\n    ec2_configuration {\n      image_type = "ECS_AL2_NVIDIA"\n    }\n  }\n}\n' },
        { line: 9, column: 21, endColumn: 35, message: /Batch image type/ },
      ],
    },
    {
      filename: 'terraform.tfvars',
      code: 'node_ami_type = "AL2023_x86_64_NVIDIA"\n',
      errors: [{ line: 1, column: 18, endColumn: 38 }],
    },
  ],
});
