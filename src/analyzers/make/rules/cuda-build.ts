import type { RuleModule } from '../../../core/rule';
import { cudaFlag } from '../../cmake/flags';
import { isEchoLine, type ParsedMake } from '../syntax';

const NVCC_WORD = /^(nvcc|\S*\/nvcc|\$[({]NVCC[)}])$/;
const CUDA_DIR_VARS = /^(CUDA_HOME|CUDA_PATH|CUDA_ROOT|CUDA_DIR|CUDA_TOOLKIT_ROOT_DIR|CUDA_INSTALL_PATH|CUDADIR|CUDA_TOOLKIT_PATH)$/;

const ADVICE =
  'This Makefile compiles CUDA with nvcc. Port the CUDA sources first (NKI kernels or framework ops on Neuron), then drop the nvcc rules, CUDA paths and GPU architecture flags.';

/** Makefiles that build CUDA: nvcc invocations, CUDA toolkit paths, -arch=sm_XX, -gencode and CUDA libraries. */
export const makeCudaBuild: RuleModule<ParsedMake> = {
  meta: {
    id: 'make/cuda-build',
    category: 'cuda-source',
    severity: 'warning',
    effort: 'low',
    description: 'Makefiles that build CUDA: nvcc invocations and NVCC variables, CUDA_HOME/CUDA_PATH, -arch=sm_*/-gencode/--use_fast_math, -lcudart/-lcublas/….',
  },
  check(parsed, ctx) {
    for (const line of parsed.lines) {
      if (line.kind === 'recipe' && isEchoLine(line)) continue;
      if (line.kind === 'assignment' && line.variable && CUDA_DIR_VARS.test(line.variable.text)) {
        ctx.report({ start: line.variable.start, end: line.variable.end, message: `CUDA toolkit location \`${line.variable.text}\` set for the build.`, advice: ADVICE, cudaKind: 'build' });
      }
      const { words } = line;
      for (let w = 0; w < words.length; w++) {
        const word = words[w];
        if (NVCC_WORD.test(word.text) && line.kind !== 'directive') {
          ctx.report({ start: word.start, end: word.end, message: line.kind === 'recipe' ? `Compiles with nvcc (\`${word.text}\`).` : `nvcc configured as a compiler (\`${word.text}\`).`, advice: ADVICE, cudaKind: 'build' });
          continue;
        }
        const flag = cudaFlag(word.text, words[w + 1]?.text);
        if (!flag) continue;
        const end = flag.spansNext ? words[w + 1].end : word.end;
        ctx.report({ start: word.start, end, message: flag.message, advice: flag.advice, cudaKind: 'build' });
        if (flag.spansNext) w++;
      }
    }
  },
};
