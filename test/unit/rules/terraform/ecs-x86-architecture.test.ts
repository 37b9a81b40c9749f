import { terraformAnalyzer } from '../../../../src/analyzers/terraform';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(terraformAnalyzer as Analyzer, 'terraform/ecs-x86-architecture', {
  filename: 'ecs.tf',
  valid: [
    { code: 'resource "aws_ecs_task_definition" "t" {\n  runtime_platform {\n    # cpu_architecture = "X86_64"\n    cpu_architecture = "ARM64"\n  }\n}\n' },
  ],
  invalid: [
    {
      code: 'resource "aws_ecs_task_definition" "t" {\n  runtime_platform {\n    operating_system_family = "LINUX"\n    cpu_architecture        = "X86_64"\n  }\n}\n',
      errors: [{ line: 4, column: 32, endColumn: 38, category: 'x86-code', output: 'resource "aws_ecs_task_definition" "t" {\n  runtime_platform {\n    operating_system_family = "LINUX"\n    cpu_architecture        = "ARM64"\n  }\n}\n' }],
    },
  ],
});
