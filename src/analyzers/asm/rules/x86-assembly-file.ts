import type { RuleModule } from '../../../core/rule';
import { instructionArch, type ParsedAsm } from '../syntax';

/** An x86 assembly source file (.s/.S/.asm): one finding at its first x86 instruction. */
export const x86AssemblyFile: RuleModule<ParsedAsm> = {
  meta: {
    id: 'asm/x86-assembly-file',
    category: 'x86-code',
    severity: 'warning',
    effort: 'high',
    description: 'An x86 assembly source file (.s, .S, .asm): it does not assemble for Graviton (Arm) and needs an aarch64 or portable implementation.',
  },
  check(parsed, ctx) {
    let x86 = 0;
    let arm = 0;
    let first: (typeof parsed.instructions)[number] | undefined;
    for (const ins of parsed.instructions) {
      const arch = instructionArch(ins);
      if (arch === 'x86') {
        x86++;
        first ??= ins;
      } else if (arch === 'arm') arm++;
    }
    if (!first || arm >= x86) return;
    const guarded = parsed.x86Guarded;
    ctx.report({
      start: first.start,
      end: first.end,
      message: `x86 assembly source (${x86} x86 instruction${x86 === 1 ? '' : 's'})${guarded ? ', built only for x86' : ''}.`,
      advice:
        'Provide an aarch64 implementation (or a portable C fallback) and select it in the build per architecture; for SIMD routines consider C with NEON/SVE intrinsics. Porting Advisor for Graviton flags these files too.',
      severity: guarded ? 'info' : undefined,
      effort: guarded ? 'medium' : undefined,
    });
  },
};
