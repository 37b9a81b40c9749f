import type { RuleModule } from '../../../core/rule';
import { X86_INTRINSIC_ADVICE } from '../advice';
import { EMULATION_HEADERS, X86_HEADERS, intrinsicFamily, isX86Intrinsic } from '../names';
import { isFreeCall, tokensWhere, x86Guard, type ParsedCpp } from '../syntax';

/**
 * x86 intrinsics headers and calls (SSE/AVX/AVX-512 `_mm*_`, `__builtin_ia32_*`, `__cpuid`, `_rdtsc` …).
 * Code in a branch that has an Arm path is already portable and not reported; code behind an x86
 * guard with another path is reported at info level (performance, not a build blocker).
 */
/** `#define v_add_f32 _mm256_add_ps`: the whole macro body is the intrinsic's name (an alias used as a call elsewhere). */
function isMacroAlias(t: ParsedCpp['tokens'][number]): boolean {
  return t.inMacro && t.host.type === 'preproc_arg' && t.host.text.trim() === t.text;
}

export const x86Intrinsic: RuleModule<ParsedCpp> = {
  meta: {
    id: 'cuda/x86-intrinsic',
    category: 'x86-code',
    severity: 'warning',
    effort: 'medium',
    description: 'x86 SIMD intrinsics (SSE/AVX/AVX-512 headers and _mm*_ calls, __builtin_ia32_*, __cpuid, _rdtsc) that do not compile for Graviton (Arm).',
  },
  check(parsed, ctx) {
    // sse2neon/SIMDe users already run x86 intrinsics on Arm; a file that defines _mm_* functions is such a shim.
    if (parsed.includes.some((inc) => EMULATION_HEADERS.test(inc.path))) return;
    // Asked only when there is something to report (the walk visits every node of the tree).
    let defines: boolean | undefined;
    const definesIntrinsics = () =>
      (defines ??= parsed.root.descendantsOfType('function_declarator').some((d) => !!d && isX86Intrinsic(d.childForFieldName('declarator')?.text ?? '')));

    const levelFor = (guard: ReturnType<typeof x86Guard>) =>
      guard === 'x86-guarded' ? ({ severity: 'info', effort: 'low' } as const) : ({ severity: undefined, effort: undefined } as const);
    const guardNote = (guard: ReturnType<typeof x86Guard>) => (guard === 'x86-guarded' ? ' (behind an x86 guard: add an Arm path for performance)' : '');

    for (const inc of parsed.includes) {
      const base = inc.path.slice(inc.path.lastIndexOf('/') + 1);
      if (!X86_HEADERS.test(base) || definesIntrinsics()) continue;
      const guard = x86Guard(inc.host);
      if (guard === 'arm-path') continue;
      ctx.report({
        start: inc.start,
        end: inc.end,
        message: `Includes x86 intrinsics header \`${inc.path}\`${guardNote(guard)}.`,
        advice: X86_INTRINSIC_ADVICE,
        ...levelFor(guard),
      });
    }
    const { tokens } = parsed;
    for (const i of tokensWhere(parsed, '_', isX86Intrinsic)) {
      const t = tokens[i];
      if (t.kind !== 'ident' || !(isFreeCall(tokens, i) || isMacroAlias(t)) || definesIntrinsics()) continue;
      const guard = x86Guard(t.host);
      if (guard === 'arm-path') continue;
      ctx.report({
        start: t.start,
        end: t.end,
        message: `${intrinsicFamily(t.text)} intrinsic \`${t.text}\`${guardNote(guard)}.`,
        advice: X86_INTRINSIC_ADVICE,
        ...levelFor(guard),
      });
    }
  },
};
