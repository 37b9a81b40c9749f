import { mayHaveInstanceType } from '../../core/catalog';
import { defineAnalyzer } from '../../core/rule';
import { pythonParser, type ParsedPython } from '../python/syntax';
import { cdkPyInstanceType } from './rules/instance-type';
import { cdkPyX86Architecture } from './rules/x86-architecture';

const CDK_IMPORT = /^\s*(from\s+aws_cdk\b|import\s+aws_cdk\b)/m;

/** CDK apps in Python (files that import aws_cdk); shares the Python parse. Listed before sagemaker. */
export const cdkPythonAnalyzer = defineAnalyzer<ParsedPython>({
  id: 'cdk-python',
  matches: (rel) => /\.py$/i.test(rel) && !/(^|\/)cdk\.out\//.test(rel),
  precheck: (text) => text.includes('aws_cdk') && CDK_IMPORT.test(text) && (/InstanceType|X86_64/.test(text) || mayHaveInstanceType(text)),
  triggerWords: { words: ['aws_cdk'] },
  parser: pythonParser,
  rules: [cdkPyInstanceType, cdkPyX86Architecture],
});
