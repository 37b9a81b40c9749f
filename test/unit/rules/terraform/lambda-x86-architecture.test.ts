import { terraformAnalyzer } from '../../../../src/analyzers/terraform';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(terraformAnalyzer as Analyzer, 'terraform/lambda-x86-architecture', {
  filename: 'lambda.tf',
  valid: [
    { code: 'resource "aws_lambda_function" "f" {\n  function_name = "x86_64-compat"\n  # architectures = ["x86_64"]\n  architectures = ["arm64"]\n}\n' },
    { code: 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}\n', name: 'no architectures: the AWS default, not reported' },
    { code: 'resource "aws_lambda_function" "f" {\n  architectures = [var.arch]\n}\n' },
  ],
  invalid: [
    {
      code: 'resource "aws_lambda_function" "api" {\n  architectures = ["x86_64"]\n}\n',
      errors: [{ line: 2, column: 21, endColumn: 27, category: 'x86-code', effort: 'low', output: 'resource "aws_lambda_function" "api" {\n  architectures = ["arm64"]\n}\n' }],
    },
    {
      name: 'container image functions need an arm64 image first',
      code: 'resource "aws_lambda_function" "img" {\n  package_type  = "Image"\n  architectures = ["x86_64"]\n}\nmodule "fn" {\n  source        = "terraform-aws-modules/lambda/aws"\n  architectures = ["x86_64"]\n}\n',
      errors: [
        { line: 3, column: 21, endColumn: 27, effort: 'medium' },
        { line: 7, column: 21, endColumn: 27, message: /module "fn"/ },
      ],
    },
  ],
});
