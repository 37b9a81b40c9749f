import type { RuleModule } from '../../../core/rule';
import { looksLikeX86Asm } from '../names';
import { asmStatements } from '../asm-statements';
import { stringContent, x86Guard, type ParsedCpp } from '../syntax';

/** Inline x86 assembly: GNU `asm("cpuid" …)`/`__asm__ volatile("rdtsc")` with x86 mnemonics or registers, MSVC `__asm { … }`. */
export const x86InlineAsm: RuleModule<ParsedCpp> = {
  meta: {
    id: 'cuda/x86-inline-asm',
    category: 'x86-code',
    severity: 'warning',
    effort: 'medium',
    description: 'Inline x86 assembly (asm/__asm__ with x86 instructions or registers, MSVC __asm blocks) that does not assemble for Graviton (Arm).',
  },
  check(parsed, ctx) {
    for (const stmt of asmStatements(parsed)) {
      const body = stmt.msvc ? stmt.msvcText : stmt.strings.map(stringContent).join('\n');
      if (!stmt.msvc && !looksLikeX86Asm(body)) continue;
      const guard = x86Guard(stmt.keyword.host);
      if (guard === 'arm-path') continue;
      const insn = /[a-z][a-z0-9]*/i.exec(body)?.[0];
      ctx.report({
        start: stmt.keyword.start,
        end: stmt.keyword.end,
        message: `Inline x86 assembly${insn ? ` (\`${insn}\`…)` : ''}${guard === 'x86-guarded' ? ' behind an x86 guard' : ''}.`,
        advice:
          'Replace with portable code or a compiler builtin (e.g. __builtin_ia32_pause → a portable spin hint, rdtsc → clock_gettime or the Arm cntvct_el0 counter), or add an aarch64 asm path; see Porting Advisor for Graviton.',
        severity: guard === 'x86-guarded' ? 'info' : undefined,
        effort: guard === 'x86-guarded' ? 'low' : undefined,
      });
    }
  },
};
