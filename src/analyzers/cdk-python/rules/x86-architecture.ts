import type { RuleModule } from '../../../core/rule';
import { span, type ParsedPython } from '../../python/syntax';

const MEMBERS: Record<string, { what: string; arm: string }> = {
  Architecture: { what: 'Lambda function architecture', arm: 'ARM_64' },
  CpuArchitecture: { what: 'ECS task CPU architecture', arm: 'ARM64' },
  AmazonLinuxCpuType: { what: 'machine image CPU type', arm: 'ARM_64' },
};

/** `_lambda.Architecture.X86_64`, `ecs.CpuArchitecture.X86_64` in CDK for Python. */
export const cdkPyX86Architecture: RuleModule<ParsedPython> = {
  meta: {
    id: 'cdk-python/x86-architecture',
    category: 'x86-code',
    severity: 'warning',
    effort: 'low',
    description: 'A CDK for Python Lambda function, ECS task or machine image pinned to x86_64 (Architecture.X86_64, CpuArchitecture.X86_64).',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const attr of parsed.byType('attribute')) {
      const prop = attr.childForFieldName('attribute');
      if (prop?.text !== 'X86_64') continue;
      const obj = attr.childForFieldName('object');
      const enumName = obj?.type === 'attribute' ? obj.childForFieldName('attribute')?.text : obj?.type === 'identifier' ? obj.text : undefined;
      const m = enumName && Object.hasOwn(MEMBERS, enumName) ? MEMBERS[enumName] : undefined;
      if (!m) continue;
      const s = span(parsed, attr);
      const p = span(parsed, prop);
      ctx.report({
        start: s.start,
        end: s.end,
        message: `${m.what} pinned to x86_64.`,
        advice: `Use ${enumName}.${m.arm} (Graviton) once the code and its native dependencies build for arm64; AWS cites up to 40% better price performance for Graviton.`,
        fixes: [{ title: `Use ${enumName}.${m.arm}`, edits: [{ start: p.start, end: p.end, newText: m.arm }] }],
      });
    }
  },
};
