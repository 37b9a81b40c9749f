import { cdkAnalyzer } from '../../../../src/analyzers/cdk';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

const H = "import * as lambda from 'aws-cdk-lib/aws-lambda';\n";

ruleTester(cdkAnalyzer as Analyzer, 'cdk/x86-architecture', {
  filename: 'lib/api-stack.ts',
  valid: [
    { name: 'arm64 already', code: `${H}new lambda.Function(this, 'F', { architecture: lambda.Architecture.ARM_64 });\n` },
    { name: 'a comment', code: `${H}// architecture: lambda.Architecture.X86_64\n` },
    { name: 'x86_64 as prose', code: `${H}const d = { description: 'x86_64' };\n` },
    { name: 'not a CDK file', code: "const a = lambda.Architecture.X86_64;\n" },
  ],
  invalid: [
    {
      name: 'Lambda architecture',
      code: `${H}new lambda.Function(this, 'F', { architecture: lambda.Architecture.X86_64 });\n`,
      errors: [{ line: 2, column: 48, endColumn: 74, category: 'x86-code', output: `${H}new lambda.Function(this, 'F', { architecture: lambda.Architecture.ARM_64 });\n` }],
    },
    {
      name: 'ECS runtime platform',
      code: `${H}new ecs.FargateTaskDefinition(this, 'T', { runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64 } });\n`,
      errors: [{ line: 2, column: 80, endColumn: 106, output: `${H}new ecs.FargateTaskDefinition(this, 'T', { runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.ARM64 } });\n` }],
    },
    {
      name: 'L1 CfnFunction architectures list',
      code: `${H}new lambda.CfnFunction(this, 'F', { architectures: ['x86_64'] });\n`,
      errors: [{ line: 2, column: 54, endColumn: 60, output: `${H}new lambda.CfnFunction(this, 'F', { architectures: ['arm64'] });\n` }],
    },
  ],
});
