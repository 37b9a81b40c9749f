import { asmAnalyzer } from '../../../../src/analyzers/asm';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(asmAnalyzer as Analyzer, 'asm/x86-assembly-file', {
  filename: 'src/memcpy.S',
  valid: [
    {
      name: 'aarch64 assembly',
      code: '    .text\n    .globl add1\nadd1:\n    add x0, x0, #1\n    ldr w1, [x2]\n    ret\n',
    },
    { name: 'only directives and comments', code: '# movq %rax, %rbx\n/* pushq %rbp */\n    .section .note.GNU-stack,"",@progbits\n' },
    { name: 'NEON', filename: 'src/dot.s', code: 'dot:\n    ld1 {v0.4s}, [x0]\n    fmla v1.4s, v0.4s, v2.4s\n    ret\n' },
  ],
  invalid: [
    {
      code: '#include "asm.h"\n    .text\n    .globl fast_copy\n    .type fast_copy, @function\n/* rdi = dst, rsi = src */\nfast_copy:  pushq %rbp\n    movq %rsp, %rbp\n    vmovdqu (%rsi), %ymm0\n    popq %rbp\n    ret\n',
      errors: [{ line: 6, column: 13, endColumn: 18, message: /x86 assembly source \(5 x86 instructions\)/, severity: 'warning', effort: 'high' }],
    },
    {
      name: 'NASM syntax',
      filename: 'src/crc.asm',
      code: '; CRC32 with SSE4.2\nsection .text\nglobal crc32_u64\ncrc32_u64:\n    mov rax, rdi ; seed\n    crc32 rax, rsi\n    ret\n',
      errors: [{ line: 5, column: 5, endColumn: 8, message: /\(3 x86 instructions\)/ }],
    },
    {
      name: 'guarded by __x86_64__ in a .S file',
      code: '#if defined(__x86_64__)\n.text\nf:\n    xorl %eax, %eax\n    ret\n#endif\n',
      errors: [{ line: 4, column: 5, endColumn: 9, severity: 'info' }],
    },
  ],
});
