import { ecsAnalyzer } from '../../../../src/analyzers/ecs';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(ecsAnalyzer as Analyzer, 'ecs/x86-architecture', {
  filename: 'taskdef.json',
  valid: [
    { code: '{"family": "web", "containerDefinitions": [], "runtimePlatform": {"cpuArchitecture": "ARM64"}}' },
    { code: '{"family": "web", "runtimePlatform": {"cpuArchitecture": "X86_64"}}', name: 'not a task definition without containers' },
  ],
  invalid: [
    {
      code: '{"family": "web", "containerDefinitions": [], "runtimePlatform": {"cpuArchitecture": "X86_64", "operatingSystemFamily": "LINUX"}}',
      errors: [{ line: 1, column: 87, endColumn: 93, output: '{"family": "web", "containerDefinitions": [], "runtimePlatform": {"cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX"}}' }],
    },
  ],
});
