/** Documents of N lines per language, for the per-edit latency benchmark. */
export interface LanguageDoc {
  name: string;
  file: string;
  make: (lines: number) => string;
}

/**
 * A document of exactly `lines` lines: the header, whole blocks, then blank lines. Blocks are never
 * cut, so every document is valid code (a cut CDK block made the TypeScript parse fail, and the
 * benchmark measured an error path).
 */
function repeatTo(lines: number, header: string[], block: (i: number) => string[]): string {
  const out = [...header];
  for (let i = 0; ; i++) {
    const b = block(i);
    if (out.length + b.length > lines) break;
    out.push(...b);
  }
  while (out.length < lines) out.push('');
  return out.join('\n');
}

export const LANGUAGES: LanguageDoc[] = [
  {
    name: 'python',
    file: 'train.py',
    make: (n) =>
      repeatTo(n, ['import torch', 'import torch.distributed as dist', ''], (i) => [
        `def step_${i}(model, batch):`,
        '    """One training step."""',
        i % 10 === 0 ? '    x = batch.cuda()' : '    x = batch.to(device)',
        `    y = model(x) * ${i}`,
        i % 25 === 0 ? '    torch.cuda.synchronize()' : '    y = y.sum()',
        '    return y',
        '',
      ]),
  },
  {
    name: 'cuda',
    file: 'kernels.cu',
    make: (n) =>
      repeatTo(n, ['#include <cuda_runtime.h>', ''], (i) => [
        `__global__ void k${i}(float* a, int n) {`,
        '  int j = blockIdx.x * blockDim.x + threadIdx.x;',
        `  if (j < n) a[j] *= ${i}.0f;`,
        '}',
        `void run${i}(float* a, int n) { k${i}<<<n / 256, 256>>>(a, n); cudaDeviceSynchronize(); }`,
        '',
      ]),
  },
  {
    name: 'terraform',
    file: 'main.tf',
    make: (n) =>
      repeatTo(n, ['provider "aws" {', '  region = "us-east-1"', '}'], (i) => [
        `resource "aws_instance" "n${i}" {`,
        '  ami           = "ami-12345678"',
        `  instance_type = "${i % 3 === 0 ? 'p4d.24xlarge' : 'm5.large'}"`,
        '  count         = 2',
        '}',
        '',
      ]),
  },
  {
    name: 'kubernetes',
    file: 'deploy.yaml',
    make: (n) =>
      repeatTo(n, [], (i) => [
        '---',
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        `  name: p${i}`,
        'spec:',
        '  containers:',
        '    - name: c',
        '      image: nvidia/cuda:12.2.0-base-ubuntu22.04',
        '      resources:',
        '        limits:',
        '          nvidia.com/gpu: 1',
      ]),
  },
  {
    name: 'cloudformation',
    file: 'template.yaml',
    make: (n) =>
      repeatTo(n, ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:'], (i) => [
        `  Node${i}:`,
        '    Type: AWS::EC2::Instance',
        '    Properties:',
        `      InstanceType: ${i % 3 === 0 ? 'p4d.24xlarge' : 'm5.large'}`,
        "      ImageId: ami-12345678",
        '      Tags:',
        `        - { Key: Name, Value: node-${i} }`,
      ]),
  },
  {
    name: 'cdk',
    file: 'stack.ts',
    make: (n) =>
      repeatTo(n, ["import * as cdk from 'aws-cdk-lib';", "import * as ec2 from 'aws-cdk-lib/aws-ec2';", 'declare const stack: cdk.Stack;', 'declare const vpc: ec2.IVpc;'], (i) => [
        `new ec2.Instance(stack, 'I${i}', {`,
        '  vpc,',
        `  instanceType: new ec2.InstanceType('${i % 2 ? 'g5.2xlarge' : 'c5.large'}'),`,
        '  machineImage: ec2.MachineImage.latestAmazonLinux2023(),',
        '});',
      ]),
  },
];
