import { defineAnalyzer } from '../../core/rule';
import { cudaImage } from './rules/cuda-image';
import { gpuResource } from './rules/gpu-resource';
import { instanceType } from './rules/instance-type';
import { x86Architecture } from './rules/x86-architecture';
import { ecsParser, type ParsedEcs } from './syntax';

/** ECS task definitions and AWS Batch job definitions / compute environments, in JSON (CLI/API shape) or YAML. */
export const ecsAnalyzer = defineAnalyzer<ParsedEcs>({
  id: 'ecs',
  matches: (rel) => /\.(json|ya?ml)$/i.test(rel) && !/(^|\/)(package(-lock)?|tsconfig[^/]*|composer)\.json$/i.test(rel),
  precheck: /containerDefinitions|containerProperties|nodeProperties|ecsProperties|computeResources|"essential"/,
  claims: (parsed) => parsed.docs.length > 0,
  parser: ecsParser,
  rules: [gpuResource, x86Architecture, instanceType, cudaImage],
});
