import type { RuleModule } from '../../../core/rule';
import { contentRange, lastMemberName, literalString, memberName, nodesOfType, propertyKey, type ParsedCdk } from '../syntax';

/** Enum member → what it pins, its arm64 replacement. */
const MEMBERS: Record<string, { what: string; arm: string }> = {
  Architecture: { what: 'Lambda function architecture', arm: 'ARM_64' },
  CpuArchitecture: { what: 'ECS task CPU architecture', arm: 'ARM64' },
  AmazonLinuxCpuType: { what: 'machine image CPU type', arm: 'ARM_64' },
};

/** Lambda `Architecture.X86_64`, ECS `CpuArchitecture.X86_64`, L1 `architectures: ['x86_64']`. */
export const cdkX86Architecture: RuleModule<ParsedCdk> = {
  meta: {
    id: 'cdk/x86-architecture',
    category: 'x86-code',
    severity: 'warning',
    effort: 'low',
    description: 'A CDK Lambda function, ECS task or machine image pinned to x86_64 (Architecture.X86_64, CpuArchitecture.X86_64, architectures: ["x86_64"]).',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const n of nodesOfType(parsed, 'MemberExpression')) {
      if (!n.computed && n.property.type === 'Identifier' && n.property.name === 'X86_64') {
        const enumName = lastMemberName(n.object);
        const m = enumName && Object.hasOwn(MEMBERS, enumName) ? MEMBERS[enumName] : undefined;
        if (!m) continue;
        ctx.report({
          start: n.range[0],
          end: n.range[1],
          message: `${m.what} pinned to x86_64.`,
          advice: `Use ${enumName}.${m.arm} (Graviton) once the code and its native dependencies build for arm64; AWS cites up to 40% better price performance for Graviton.`,
          fixes: [{ title: `Use ${enumName}.${m.arm}`, edits: [{ start: n.property.range[0], end: n.property.range[1], newText: m.arm }] }],
        });
      }
    }
    // L1: CfnFunction architectures: ['x86_64'], CfnTaskDefinition runtimePlatform.cpuArchitecture: 'X86_64'
    for (const { node, value } of parsed.strings) {
      if (value !== 'x86_64' && value !== 'X86_64') continue;
      let p = parsed.parent(node);
      if (p?.type === 'ArrayExpression') p = parsed.parent(p);
      if (p?.type !== 'Property' || p.key === node) continue;
      const key = propertyKey(p);
      const arm = key === 'architectures' ? 'arm64' : key === 'cpuArchitecture' ? 'ARM64' : undefined;
      if (!arm || literalString(node) === undefined) continue;
      const r = contentRange(node);
      ctx.report({
        start: r.start,
        end: r.end,
        message: key === 'architectures' ? 'Lambda function architecture pinned to x86_64.' : 'ECS task CPU architecture pinned to x86_64.',
        advice: `Use "${arm}" (Graviton) once the code and its native dependencies build for arm64; AWS cites up to 40% better price performance for Graviton.`,
        fixes: [{ title: `Use ${arm}`, edits: [{ start: r.start, end: r.end, newText: arm }] }],
      });
    }
  },
};
