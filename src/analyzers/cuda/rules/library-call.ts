import type { RuleModule } from '../../../core/rule';
import { libraryAdvice } from '../advice';
import { CUDA_NAMESPACES, cudaLibraryOf } from '../names';
import { isFreeCall, tokensWhere, type ParsedCpp } from '../syntax';

const namespaceOf = (name: string): string | undefined => (Object.hasOwn(CUDA_NAMESPACES, name) ? CUDA_NAMESPACES[name] : undefined);

/**
 * Calls into NVIDIA libraries: C APIs (cublas*, cudnn*, cufft*, curand*, nccl*, cusparse*,
 * cusolver*) at every call site, and C++ template libraries (thrust::, cub::, cutlass::, cute::)
 * once per distinct qualified name per file, so a CUTLASS-heavy file is not one finding per line.
 */
export const libraryCall: RuleModule<ParsedCpp> = {
  meta: {
    id: 'cuda/library-call',
    category: 'cuda-source',
    severity: 'warning',
    effort: 'medium',
    description: 'A call into an NVIDIA library (cuBLAS, cuDNN, cuFFT, cuRAND, NCCL, cuSPARSE, cuSOLVER) or a use of Thrust/CUB/CUTLASS.',
  },
  check(parsed, ctx) {
    const { tokens } = parsed;
    const qualified = new Map<string, { start: number; end: number; library: string; uses: number }>();
    for (const i of tokensWhere(parsed, 'cnt', (x) => !!cudaLibraryOf(x) || !!namespaceOf(x))) {
      const t = tokens[i];
      if (t.kind !== 'ident') continue;
      const library = cudaLibraryOf(t.text);
      if (library && isFreeCall(tokens, i)) {
        ctx.report({
          start: t.start,
          end: t.end,
          message: `${library} call \`${t.text}\`.`,
          advice: libraryAdvice(library, ctx.neuronTrack),
          effort: library === 'NCCL' || library === 'cuRAND' || library === 'cuDNN' || library === 'cuBLAS' || library === 'cuBLASLt' ? 'medium' : 'high',
          cudaKind: 'library',
        });
        continue;
      }
      const ns = namespaceOf(t.text);
      if (!ns || tokens[i + 1]?.text !== '::' || tokens[i + 2]?.kind !== 'ident') continue;
      const prev = tokens[i - 1];
      if (prev && (prev.text === 'namespace' || prev.text === '.' || prev.text === '->' || (prev.text === '::' && tokens[i - 2]?.kind === 'ident'))) continue;
      let last = i + 2;
      while (tokens[last + 1]?.text === '::' && tokens[last + 2]?.kind === 'ident') last += 2;
      const name = tokens.slice(i, last + 1).map((x) => x.text).join('');
      const entry = qualified.get(name);
      if (entry) entry.uses++;
      else qualified.set(name, { start: t.start, end: tokens[last].end, library: ns, uses: 1 });
    }
    for (const [name, e] of qualified) {
      ctx.report({
        start: e.start,
        end: e.end,
        message: `${e.library}: \`${name}\`${e.uses > 1 ? ` (${e.uses} uses in this file)` : ''}.`,
        advice: libraryAdvice(e.library, ctx.neuronTrack),
        effort: 'high',
        cudaKind: 'library',
      });
    }
  },
};
