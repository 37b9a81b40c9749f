import { defineAnalyzer } from '../../core/rule';
import { terraformEcsX86Architecture } from './rules/ecs-x86-architecture';
import { terraformInstanceType } from './rules/instance-type';
import { terraformLambdaX86Architecture } from './rules/lambda-x86-architecture';
import { terraformModuleInstanceType } from './rules/module-instance-type';
import { terraformNvidiaAmiType } from './rules/nvidia-ami-type';
import { terraformTfvarsInstanceType } from './rules/tfvars-instance-type';
import { terraformVariableInstanceType } from './rules/variable-instance-type';
import { terraformParser, type ParsedTerraform } from './syntax';

/**
 * Cheap pre-check: an instance-type-shaped token, an NVIDIA AMI/image type, or an x86_64 pin.
 * A superset of what the rules report; the rules decide on the parsed file.
 */
const PRECHECK = /\b(?:ml\.)?[a-z][a-z0-9-]*\d[a-z0-9-]*\.(?:nano|micro|small|medium|x?large|\d+xlarge|metal)|NVIDIA|_GPU|x86_64/i;

export const terraformAnalyzer = defineAnalyzer<ParsedTerraform>({
  id: 'terraform',
  matches: (rel) => /\.(tf|tfvars)(\.json)?$/i.test(rel),
  precheck: PRECHECK,
  parser: terraformParser,
  rules: [
    terraformInstanceType,
    terraformModuleInstanceType,
    terraformVariableInstanceType,
    terraformTfvarsInstanceType,
    terraformNvidiaAmiType,
    terraformLambdaX86Architecture,
    terraformEcsX86Architecture,
  ],
});
