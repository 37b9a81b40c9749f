import { ecsAnalyzer } from '../../../../src/analyzers/ecs';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(ecsAnalyzer as Analyzer, 'ecs/cuda-image', {
  filename: 'taskdef.json',
  valid: [
    { code: '{"family": "web", "containerDefinitions": [{"name": "a", "image": "nginx:1.25"}]}' },
    { code: '{"family": "web", "containerDefinitions": [{"name": "a", "image": "public.ecr.aws/neuron/pytorch-inference-neuronx:2.1.2"}]}' },
  ],
  invalid: [
    {
      code: '[\n  { "name": "triton", "image": "nvcr.io/nvidia/tritonserver:24.01-py3", "essential": true }\n]\n',
      filename: 'infra/containers.json',
      name: 'a bare container definitions list',
      errors: [{ line: 2, column: 33, endColumn: 70, message: /NGC/ }],
    },
  ],
});
