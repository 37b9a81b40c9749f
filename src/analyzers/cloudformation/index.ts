import { defineAnalyzer } from '../../core/rule';
import { cloudformationEcsX86Architecture } from './rules/ecs-x86-architecture';
import { cloudformationGpuResourceRequirement } from './rules/gpu-resource-requirement';
import { cloudformationInstanceType } from './rules/instance-type';
import { cloudformationLambdaX86Architecture } from './rules/lambda-x86-architecture';
import { cloudformationMappingInstanceType } from './rules/mapping-instance-type';
import { cloudformationNvidiaAmiType } from './rules/nvidia-ami-type';
import { cloudformationParameterInstanceType } from './rules/parameter-instance-type';
import { cloudformationParser, TEMPLATE_HINT, type ParsedTemplate } from './syntax';

/**
 * CloudFormation and SAM templates in YAML or JSON. Every .yaml/.yml/.json/.template file is a
 * candidate, but only text naming an AWS resource type (or the format version) is parsed, and only
 * a parsed document that is a template is read.
 */
export const cloudformationAnalyzer = defineAnalyzer<ParsedTemplate>({
  id: 'cloudformation',
  matches: (rel) => /\.(ya?ml|json|template)$/i.test(rel) && !/(^|\/)(package(-lock)?|tsconfig|composer)\.json$/i.test(rel) && !/\.(tf|tfvars)\.json$/i.test(rel),
  precheck: TEMPLATE_HINT,
  claims: (parsed) => parsed.root !== undefined,
  parser: cloudformationParser,
  rules: [
    cloudformationInstanceType,
    cloudformationParameterInstanceType,
    cloudformationMappingInstanceType,
    cloudformationNvidiaAmiType,
    cloudformationLambdaX86Architecture,
    cloudformationEcsX86Architecture,
    cloudformationGpuResourceRequirement,
  ],
});
