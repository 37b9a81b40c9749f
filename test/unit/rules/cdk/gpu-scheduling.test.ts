import { cdkAnalyzer } from '../../../../src/analyzers/cdk';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

const H = "import * as eks from 'aws-cdk-lib/aws-eks';\n";

ruleTester(cdkAnalyzer as Analyzer, 'cdk/gpu-scheduling', {
  filename: 'lib/cluster-stack.ts',
  valid: [
    { name: 'standard AMI', code: `${H}cluster.addNodegroupCapacity('cpu', { amiType: eks.NodegroupAmiType.AL2023_X86_64_STANDARD });\n` },
    { name: 'Neuron AMI', code: `${H}cluster.addNodegroupCapacity('n', { amiType: eks.NodegroupAmiType.AL2023_X86_64_NEURON });\n` },
    { name: 'a comment', code: `${H}// amiType: eks.NodegroupAmiType.AL2_X86_64_GPU\n` },
    { name: 'zero GPUs', code: `${H}td.addContainer('c', { image, gpuCount: 0 });\n` },
    { name: 'gpu key outside a container definition', code: `${H}const limits = { gpu: 1 };\n` },
  ],
  invalid: [
    {
      name: 'NVIDIA node-group AMI type',
      code: `${H}cluster.addNodegroupCapacity('gpu', { amiType: eks.NodegroupAmiType.AL2_X86_64_GPU });\n`,
      errors: [{ line: 2, column: 48, endColumn: 83, category: 'gpu-scheduling', output: `${H}cluster.addNodegroupCapacity('gpu', { amiType: eks.NodegroupAmiType.AL2023_X86_64_NEURON });\n` }],
    },
    {
      name: 'L1 node group AMI type string',
      code: `${H}new eks.CfnNodegroup(this, 'Ng', { amiType: 'AL2_x86_64_GPU', nodeRole, subnets });\n`,
      errors: [{ line: 2, column: 46, endColumn: 60 }],
    },
    {
      name: 'ECS GPU AMI and container GPU count',
      code: `${H}const img = ecs.EcsOptimizedImage.amazonLinux2(ecs.AmiHardwareType.GPU);\ntd.addContainer('c', { image, gpuCount: 1 });\n`,
      errors: [
        { line: 2, column: 48, endColumn: 71, output: `${H}const img = ecs.EcsOptimizedImage.amazonLinux2(ecs.AmiHardwareType.NEURON);\ntd.addContainer('c', { image, gpuCount: 1 });\n` },
        { line: 3, column: 31, endColumn: 42 },
      ],
    },
    {
      name: 'Batch container definition and L1 resource requirements',
      code: `${H}new batch.EcsEc2ContainerDefinition(this, 'C', { image, cpu: 4, memory, gpu: 2 });\nnew batch.CfnJobDefinition(this, 'J', { containerProperties: { resourceRequirements: [{ type: 'GPU', value: '1' }] } });\n`,
      errors: [
        { line: 2, column: 73, endColumn: 79 },
        { line: 3, column: 96, endColumn: 99 },
      ],
    },
  ],
});
