import { cdkPythonAnalyzer } from '../../../../src/analyzers/cdk-python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

const H = 'from aws_cdk import aws_lambda as _lambda\n';

ruleTester(cdkPythonAnalyzer as Analyzer, 'cdk-python/x86-architecture', {
  filename: 'infra/api.py',
  valid: [
    { name: 'arm64', code: `${H}_lambda.Function(self, "F", architecture=_lambda.Architecture.ARM_64)\n` },
    { name: 'a comment', code: `${H}# architecture=_lambda.Architecture.X86_64\n` },
  ],
  invalid: [
    {
      name: 'Lambda x86_64',
      code: `${H}_lambda.Function(self, "F", architecture=_lambda.Architecture.X86_64)\n`,
      errors: [{ line: 2, column: 42, endColumn: 69, category: 'x86-code', output: `${H}_lambda.Function(self, "F", architecture=_lambda.Architecture.ARM_64)\n` }],
    },
    {
      name: 'ECS CPU architecture',
      code: `${H}p = ecs.RuntimePlatform(cpu_architecture=ecs.CpuArchitecture.X86_64)\n`,
      errors: [{ line: 2, column: 42, endColumn: 68, output: `${H}p = ecs.RuntimePlatform(cpu_architecture=ecs.CpuArchitecture.ARM64)\n` }],
    },
  ],
});
