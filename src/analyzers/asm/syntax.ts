import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';

/**
 * A line reader for assembly sources (GAS `.s`/`.S`, NASM/MASM `.asm`): comments (`#` in GAS
 * outside preprocessor directives, `;`, `//`, `/* … *\/`) and strings are removed, labels and
 * directives are set aside, and each remaining line is an instruction with its mnemonic.
 */
export interface AsmInstruction {
  mnemonic: string;
  start: number;
  end: number;
  /** Operand text (comments and strings removed). */
  operands: string;
}

export interface ParsedAsm {
  instructions: AsmInstruction[];
  /** The file is wrapped in an x86 preprocessor check (`#if defined(__x86_64__)`). */
  x86Guarded: boolean;
}

const NON_INSTRUCTIONS =
  /^(section|segment|global|globl|extern|extrn|bits|default|cpu|align|alignb|db|dw|dd|dq|dt|do|dy|dz|resb|resw|resd|resq|rest|reso|resy|resz|equ|times|incbin|struc|endstruc|istruc|iend|at|proc|endp|end|ends|model|includelib|include|option|public|assume|title|subttl|page|org|label|macro|endm|local|ifdef|ifndef|else|endif|if|elseif|comm|common|type|size|data|text|code|const|bss|use16|use32|use64|byte|word|dword|qword|ptr)$/i;

export function parseAsm(text: string): ParsedAsm {
  const instructions: AsmInstruction[] = [];
  let x86Guarded = false;
  let inBlock = false;
  let offset = 0;
  for (const rawLine of text.split('\n')) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    // Blank out comments and strings, keeping columns.
    let line = '';
    for (let i = 0; i < rawLine.length; i++) {
      const c = rawLine[i];
      if (inBlock) {
        if (c === '*' && rawLine[i + 1] === '/') {
          inBlock = false;
          line += '  ';
          i++;
        } else line += ' ';
        continue;
      }
      if (c === '/' && rawLine[i + 1] === '*') {
        inBlock = true;
        line += '  ';
        i++;
        continue;
      }
      if ((c === '/' && rawLine[i + 1] === '/') || c === ';') break;
      if (c === '#' && line.trim() !== '') break; // GAS comment after code
      if (c === '"' || c === "'") {
        const close = rawLine.indexOf(c, i + 1);
        const end = close < 0 ? rawLine.length - 1 : close;
        line += ' '.repeat(end - i + 1);
        i = end;
        continue;
      }
      line += c;
    }
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (trimmed.startsWith('#')) {
      // Preprocessor directive in .S files, or a whole-line GAS comment.
      if (/^#\s*(if|ifdef|elif)\b.*\b(__x86_64__|__i386__|_M_X64|__amd64__|X86_64|x86_64)\b/.test(trimmed)) x86Guarded = true;
      continue;
    }
    if (trimmed.startsWith('%')) continue; // NASM macro directives
    // Labels: `name:` at the start (possibly several), or MASM `name PROC`.
    let rest = line;
    let m: RegExpExecArray | null;
    while ((m = /^\s*[\w.$@?]+:{1,2}(?!:)/.exec(rest))) rest = ' '.repeat(m[0].length) + rest.slice(m[0].length);
    const word = /^\s*([A-Za-z_.][\w.]*)/.exec(rest);
    if (!word) continue;
    const mnemonic = word[1];
    if (mnemonic.startsWith('.') || NON_INSTRUCTIONS.test(mnemonic)) continue;
    // MASM `name PROC` / `name ENDP` / `x EQU 1` / `buf DB 0`
    const second = /^\s*[\w.]+\s+([A-Za-z]+)/.exec(rest)?.[1];
    if (second && NON_INSTRUCTIONS.test(second) && !/,/.test(rest.slice(0, rest.indexOf(second)))) continue;
    const start = lineStart + word.index + word[0].length - mnemonic.length;
    instructions.push({ mnemonic, start, end: start + mnemonic.length, operands: rest.slice(word.index + word[0].length).trim() });
  }
  return { instructions, x86Guarded };
}

export const asmParser: ParserAdapter<ParsedAsm> = {
  id: 'asm',
  parse(doc: SourceDocument) {
    return parseAsm(doc.text);
  },
};

const X86_REGISTER = /%?\b(r[abcd]x|e[abcd]x|[re](si|di|sp|bp|ip)|r(8|9|1[0-5])[dwb]?|[xyz]mm([0-9]|[12][0-9]|3[01])|[abcd][lh]|[sd]il|k[0-7])\b/i;
const X86_MNEMONIC =
  /^(mov[lqwb]?|movs[xd]\w*|movz\w*|movabs\w*|push[lqw]?|pop[lqw]?|lea[lqw]?|call[lq]?|ret[lq]?|jmp[lq]?|j(e|ne|z|nz|a|ae|b|be|g|ge|l|le|s|ns|o|no|c|nc|p|np|rcxz|ecxz)|cmp[lqwb]?|test[lqwb]?|xor[lqwb]?|and[lqwb]|or[lqwb]|add[lqwb]|sub[lqwb]|inc[lqwb]?|dec[lqwb]?|imul[lqw]?|idiv[lqw]?|mul[lqw]|div[lqw]|shl[lqw]?|shr[lqw]?|sar[lqw]?|rol[lqw]?|ror[lqw]?|cmov\w+|set(e|ne|z|nz|a|b|g|l)\w*|cpuid|rdtsc\w*|syscall|int3?|hlt|nop[lw]?|leave|enter|cltq|cqto|cdq|cqo|xchg\w*|cmpxchg\w*|lock|rep\w*|bswap\w*|pxor|por|pand|paddd|paddq|psubd|pshufb|pshufd|movdq[au]|movap[sd]|movup[sd]|vmov\w+|vp\w+|vadd\w+|vmul\w+|vfmadd\w+|vbroadcast\w+|vzeroupper|vperm\w+|vxorp\w+|kmov\w+|ldmxcsr|stmxcsr|fld\w*|fst\w*|emms|prefetch\w*|clflush\w*|[ml]fence|sfence|pause)$/i;
const ARM =
  /\b[xw]([0-9]|[12][0-9]|30)\b|\bv\d+\.\d*[bhsdq]\b|\b[qdsbh]\d+\b|\b(sp|xzr|wzr|lr)\b|#\d/;
const ARM_MNEMONIC = /^(ldr\w*|str\w*|ldp|stp|adrp|adr|bl|blr|br|cbz|cbnz|tbz|tbnz|mrs|msr|dmb|dsb|isb|svc|ld1\w*|st1\w*|fmla|umull\w*|movk|movz|csel|ubfx|sbfx|b\.\w+)$/i;

/** Whether an instruction is x86 (by mnemonic or registers) rather than Arm. */
export function instructionArch(ins: AsmInstruction): 'x86' | 'arm' | 'unknown' {
  if (ARM_MNEMONIC.test(ins.mnemonic) || ARM.test(ins.operands)) return 'arm';
  if (X86_MNEMONIC.test(ins.mnemonic) || X86_REGISTER.test(ins.operands)) return 'x86';
  return 'unknown';
}
