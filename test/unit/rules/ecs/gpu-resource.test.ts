import { ecsAnalyzer } from '../../../../src/analyzers/ecs';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

const td = (req: string) => `{
  "family": "trainer",
  "containerDefinitions": [
    {
      "name": "train",
      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/train:latest",
      "essential": true,
      "resourceRequirements": [${req}]
    }
  ]
}
`;

ruleTester(ecsAnalyzer as Analyzer, 'ecs/gpu-resource', {
  filename: 'ecs/taskdef.json',
  valid: [
    { code: td('') },
    { code: td('{ "type": "InferenceAccelerator", "value": "device_1" }') },
    { code: td('{ "type": "GPU", "value": "0" }'), name: 'zero GPUs' },
    { code: '{ "resourceRequirements": [{ "type": "GPU", "value": "1" }] }', name: 'not a task definition' },
  ],
  invalid: [
    {
      code: td('{ "type": "GPU", "value": "1" }'),
      errors: [{ line: 8, column: 43, endColumn: 46, message: /trainer \(container train\) requires 1 NVIDIA GPU\./ }],
    },
    {
      code: 'jobDefinitionName: finetune\ntype: container\ncontainerProperties:\n  image: my/image\n  resourceRequirements:\n    - type: GPU\n      value: "4"\n',
      filename: 'batch/job.yaml',
      errors: [{ line: 6, column: 13, endColumn: 16, message: /Batch job definition finetune/ }],
    },
  ],
});
