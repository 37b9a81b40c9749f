import { ecsAnalyzer } from '../../../../src/analyzers/ecs';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(ecsAnalyzer as Analyzer, 'ecs/instance-type', {
  filename: 'batch/compute-env.json',
  valid: [
    { code: '{"computeEnvironmentName": "cpu", "computeResources": {"instanceTypes": ["optimal"]}}' },
  ],
  invalid: [
    {
      code: '{\n  "computeEnvironmentName": "gpu-training",\n  "computeResources": {\n    "type": "EC2",\n    "instanceTypes": ["p4d.24xlarge", "g5", "c5.large"]\n  }\n}\n',
      errors: [
        { line: 5, column: 24, endColumn: 36, category: 'gpu-instance', instanceType: 'p4d.24xlarge' },
        { line: 5, column: 40, endColumn: 42, category: 'gpu-instance', message: /GPU instance family g5/ },
        { line: 5, column: 46, endColumn: 54, category: 'x86-instance' },
      ],
    },
    {
      code: '{"family": "infer", "containerDefinitions": [{"name": "a", "image": "x"}], "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type == g4dn.xlarge"}]}',
      filename: 'taskdef.json',
      errors: [{ line: 1, column: 168, endColumn: 179, instanceType: 'g4dn.xlarge' }],
    },
  ],
});
