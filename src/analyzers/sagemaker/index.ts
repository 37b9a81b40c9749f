import { defineAnalyzer } from '../../core/rule';
import { pythonParser, type ParsedPython } from '../python/syntax';
import { SAGEMAKER_TRIGGER_WORDS, sagemakerMayApply } from '../python/triggers';
import { sagemakerInstanceType } from './rules/instance-type';
import { sagemakerLocalGpuMode } from './rules/local-gpu-mode';

/**
 * Instance types in Python: the SageMaker SDK, boto3 and plain constants. Shares the Python
 * parse with the python analyzer; listed after cdk-python, so a CDK construct's finding wins.
 */
export const sagemakerAnalyzer = defineAnalyzer<ParsedPython>({
  id: 'sagemaker',
  matches: (rel) => /\.py$/i.test(rel),
  precheck: sagemakerMayApply,
  triggerWords: { words: SAGEMAKER_TRIGGER_WORDS },
  parser: pythonParser,
  rules: [sagemakerInstanceType, sagemakerLocalGpuMode],
});
