import { cloudformationAnalyzer } from '../../../../src/analyzers/cloudformation';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

const SAM = 'Transform: AWS::Serverless-2016-10-31\n';

ruleTester(cloudformationAnalyzer as Analyzer, 'cloudformation/lambda-x86-architecture', {
  filename: 'template.yaml',
  valid: [
    { code: SAM + 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      # Architectures: [x86_64]\n      Architectures: [arm64]\n' },
    { code: SAM + 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n', name: 'no Architectures: the AWS default, not reported' },
  ],
  invalid: [
    {
      name: 'SAM Globals and a function',
      code: SAM + 'Globals:\n  Function:\n    Architectures:\n      - x86_64\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: Image\n      Architectures: ["x86_64"]\n',
      errors: [
        { line: 5, column: 9, endColumn: 15, message: /Globals/, output: SAM + 'Globals:\n  Function:\n    Architectures:\n      - arm64\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: Image\n      Architectures: ["x86_64"]\n' },
        { line: 11, column: 24, endColumn: 30, effort: 'medium', category: 'x86-code' },
      ],
    },
    {
      filename: 'template.json',
      code: '{\n  "Resources": {\n    "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "Architectures": ["x86_64"] } }\n  }\n}\n',
      errors: [{ line: 3, column: 81, endColumn: 87 }],
    },
  ],
});
