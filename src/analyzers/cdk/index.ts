import { mayHaveInstanceType } from '../../core/catalog';
import { defineAnalyzer } from '../../core/rule';
import { cdkGpuScheduling } from './rules/gpu-scheduling';
import { cdkInstanceType } from './rules/instance-type';
import { cdkX86Architecture } from './rules/x86-architecture';
import { CDK_IMPORT_RE, cdkParser, type ParsedCdk } from './syntax';

/** What the rules can find besides a literal type name. */
const TRIGGERS = /InstanceType|X86_64|x86_64|NodegroupAmiType|AmiHardwareType|NodeType\.GPU|gpuCount|gpu\s*:|GPU|NVIDIA/;

/** CDK apps in TypeScript and JavaScript (never declaration files). */
export const cdkAnalyzer = defineAnalyzer<ParsedCdk>({
  id: 'cdk',
  matches: (rel) => /\.(ts|mts|cts|js|mjs|cjs)$/i.test(rel) && !/\.d\.[mc]?ts$/i.test(rel) && !/(^|\/)(node_modules|cdk\.out)\//.test(rel),
  precheck: (text) => (text.includes('aws-cdk') || text.includes('constructs')) && CDK_IMPORT_RE.test(text) && (TRIGGERS.test(text) || mayHaveInstanceType(text)),
  triggerWords: { words: ['aws-cdk', 'constructs'] },
  parser: cdkParser,
  rules: [cdkInstanceType, cdkX86Architecture, cdkGpuScheduling],
  heavy: true,
});
