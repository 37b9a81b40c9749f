import { makeAnalyzer } from '../../../../src/analyzers/make';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(makeAnalyzer as Analyzer, 'make/cuda-build', {
  filename: 'Makefile',
  valid: [
    { name: 'CPU build', code: 'CC = gcc\nCFLAGS = -O2 -Wall\n\nmain: main.c\n\t$(CC) $(CFLAGS) -o $@ $<\n' },
    { name: 'comments', code: '# NVCC = nvcc\n# CUDA_HOME = /usr/local/cuda\nall:\n\t@true # nvcc -arch=sm_80\n' },
    { name: 'echo lines', code: 'help:\n\t@echo "build with nvcc -arch=sm_80"\n' },
    { name: 'a variable that only names cuda', code: 'USE_CUDA ?= 0\n' },
  ],
  invalid: [
    {
      code: 'CUDA_HOME ?= /usr/local/cuda\nNVCC := $(CUDA_HOME)/bin/nvcc\nNVCCFLAGS = -O3 -arch=sm_80 \\\n    -gencode arch=compute_90,code=sm_90 --use_fast_math\nLDLIBS = -lcudart -lcublas\n\nkernel.o: kernel.cu\n\t$(NVCC) $(NVCCFLAGS) -c $< -o $@\n',
      errors: [
        { line: 1, column: 1, endColumn: 10, message: /CUDA_HOME/ },
        { line: 2, column: 9, endColumn: 30, message: /nvcc configured/ },
        { line: 3, column: 17, endColumn: 28, message: /sm_80/ },
        { line: 4, column: 5, endColumn: 13, message: /-gencode/ },
        { line: 4, column: 41, endColumn: 56 },
        { line: 5, column: 10, endColumn: 18, message: /-lcudart/ },
        { line: 5, column: 19, endColumn: 27 },
        { line: 8, column: 2, endColumn: 9, message: /Compiles with nvcc/ },
      ],
    },
    {
      name: 'direct nvcc in a recipe of a .mk file, two-word -arch',
      filename: 'build/cuda.mk',
      code: '%.o: %.cu\n\tnvcc -arch sm_75 -c $< -o $@\n',
      errors: [
        { line: 2, column: 2, endColumn: 6 },
        { line: 2, column: 7, endColumn: 18, message: /-arch sm_75/ },
      ],
    },
  ],
});
