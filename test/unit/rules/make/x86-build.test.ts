import { makeAnalyzer } from '../../../../src/analyzers/make';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(makeAnalyzer as Analyzer, 'make/x86-build', {
  filename: 'Makefile',
  valid: [
    { name: 'portable flags', code: 'CFLAGS = -O3 -march=native -mcpu=neoverse-v1\n' },
    { name: 'comment', code: '# CFLAGS += -mavx2\nall:\n' },
    { name: 'x86-only branch', code: 'UNAME_M := $(shell uname -m)\nifeq ($(UNAME_M),x86_64)\n  CFLAGS += -mavx2 -mfma\nendif\n' },
    { name: 'else of an Arm check', code: 'ifeq ($(ARCH),aarch64)\n  CFLAGS += -mcpu=native\nelse\n  CFLAGS += -msse4.2\nendif\n' },
    { name: 'echo line', code: 'info:\n\techo "try -mavx512f"\n' },
  ],
  invalid: [
    {
      name: 'a long flag list on one line is one finding; Intel links stay separate',
      code: 'CFLAGS = -Wall -mmmx -msse -msse2 -mssse3 -mavx -lmkl_rt\n',
      errors: [
        { line: 1, column: 22, endColumn: 48, message: /4 x86 instruction-set\/target flags/ },
        { line: 1, column: 49, endColumn: 57, effort: 'medium' },
      ],
    },
    {
      code: 'CFLAGS += -O2 -mavx2 -mf16c \\\n  -march=skylake-avx512\nLDLIBS = -lmkl_rt -liomp5\n\napp: app.o\n\t$(CC) -msse4.1 -o $@ $^ $(LDLIBS)\n',
      errors: [
        { line: 1, column: 15, endColumn: 21, message: /-mavx2/ },
        { line: 1, column: 22, endColumn: 28 },
        { line: 2, column: 3, endColumn: 24, message: /x86 target flag/ },
        { line: 3, column: 10, endColumn: 18, message: /Intel library/, effort: 'medium' },
        { line: 3, column: 19, endColumn: 26 },
        { line: 6, column: 8, endColumn: 16 },
      ],
    },
    {
      name: 'a feature option is not an architecture guard',
      code: 'ifdef USE_AVX\nCXXFLAGS += -mavx\nendif\n',
      errors: [{ line: 2, column: 13, endColumn: 18 }],
    },
  ],
});
