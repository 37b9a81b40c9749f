import { cloudformationAnalyzer } from '../../../../src/analyzers/cloudformation';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

const HEAD = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RuntimePlatform:\n";

ruleTester(cloudformationAnalyzer as Analyzer, 'cloudformation/ecs-x86-architecture', {
  filename: 'template.yaml',
  valid: [{ code: HEAD + '        # CpuArchitecture: X86_64\n        CpuArchitecture: ARM64\n' }],
  invalid: [
    {
      code: HEAD + '        CpuArchitecture: X86_64\n',
      errors: [{ line: 7, column: 26, endColumn: 32, category: 'x86-code', output: HEAD + '        CpuArchitecture: ARM64\n' }],
    },
  ],
});
