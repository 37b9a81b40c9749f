import type { RuleModule } from '../../../core/rule';
import type { ParsedDocker } from '../syntax';

/** A CUDA wheel index (download.pytorch.org/whl/cu121) or a +cuXXX local version in a RUN command. */
const CUDA_INDEX = /https?:\/\/download\.pytorch\.org\/whl\/(?:nightly\/|test\/)?(cu\d{2,3})\b|https?:\/\/data\.pyg\.org\/whl\/torch-[\d.]+\+(cu\d{2,3})|https?:\/\/[\w.-]+\/whl\/(cu\d{2,3})(?=[\/\s"']|$)|\b(?:torch|torchvision|torchaudio)==[\d.]+\+(cu\d{2,3})\b/g;

/** pip installs of CUDA builds of PyTorch inside a Dockerfile RUN. */
export const cudaWheelIndex: RuleModule<ParsedDocker> = {
  meta: {
    id: 'docker/cuda-wheel-index',
    category: 'gpu-library',
    severity: 'warning',
    effort: 'low',
    description: 'A Dockerfile RUN that installs CUDA builds of PyTorch: a CUDA wheel index (download.pytorch.org/whl/cu121) or a +cu121 local version.',
    fixable: true,
  },
  check(parsed, ctx) {
    if (parsed.kind !== 'dockerfile') return;
    for (const ins of parsed.instructions) {
      if (ins.keyword !== 'RUN') continue;
      const sources: { text: string; at: (i: number) => number }[] = [{ text: ins.argsText, at: (i) => ins.argsOffsets[i] }];
      for (const h of ins.heredocs) sources.push({ text: h.body, at: (i) => h.start + i });
      for (const src of sources) {
        CUDA_INDEX.lastIndex = 0;
        for (let m = CUDA_INDEX.exec(src.text); m; m = CUDA_INDEX.exec(src.text)) {
          const cu = m[1] ?? m[2] ?? m[3] ?? m[4];
          const start = src.at(m.index);
          const end = src.at(m.index + m[0].length - 1) + 1;
          const cuIndex = m.index + m[0].lastIndexOf(cu);
          const cuStart = src.at(cuIndex);
          const cuEnd = src.at(cuIndex + cu.length - 1) + 1;
          const isIndex = m[0].startsWith('http');
          ctx.report({
            start,
            end,
            message: isIndex ? `RUN installs wheels from a CUDA ${cu} index (${m[0]}).` : `RUN installs a CUDA ${cu} build of PyTorch (${m[0]}).`,
            advice:
              'On Trainium/Inferentia install the CPU build of PyTorch (https://download.pytorch.org/whl/cpu) and the Neuron packages (torch-neuronx, neuronx-cc) from https://pip.repos.neuron.amazonaws.com — or start from a Neuron deep-learning container that has them.',
            fixes: isIndex && !/pyg/.test(m[0]) ? [{ title: `Use the CPU wheel index instead of ${cu}`, edits: [{ start: cuStart, end: cuEnd, newText: 'cpu' }] }] : undefined,
          });
        }
      }
    }
  },
};
