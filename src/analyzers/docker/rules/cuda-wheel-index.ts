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
      // One RUN installs CUDA builds once: its first CUDA wheel or index is the finding, naming the
      // rest; the fix moves every CUDA index of the RUN to the CPU one.
      const found: { start: number; end: number; text: string; cu: string; isIndex: boolean; fix?: { start: number; end: number } }[] = [];
      const sources: { text: string; at: (i: number) => number }[] = [{ text: ins.argsText, at: (i) => ins.argsOffsets[i] }];
      for (const h of ins.heredocs) sources.push({ text: h.body, at: (i) => h.start + i });
      for (const src of sources) {
        CUDA_INDEX.lastIndex = 0;
        for (let m = CUDA_INDEX.exec(src.text); m; m = CUDA_INDEX.exec(src.text)) {
          const cu = m[1] ?? m[2] ?? m[3] ?? m[4];
          const cuIndex = m.index + m[0].lastIndexOf(cu);
          const isIndex = m[0].startsWith('http');
          found.push({
            start: src.at(m.index),
            end: src.at(m.index + m[0].length - 1) + 1,
            text: m[0],
            cu,
            isIndex,
            fix: isIndex && !/pyg/.test(m[0]) ? { start: src.at(cuIndex), end: src.at(cuIndex + cu.length - 1) + 1 } : undefined,
          });
        }
      }
      if (!found.length) continue;
      const [first, ...rest] = found;
      const indexes = found.filter((f) => f.fix);
      const fixes = indexes.map((f) => f.fix!);
      const cus = [...new Set(indexes.map((f) => f.cu))];
      ctx.report({
        start: first.start,
        end: first.end,
        message: `RUN installs ${first.isIndex ? `wheels from a CUDA ${first.cu} index` : `a CUDA ${first.cu} build of PyTorch`} (${first.text})${rest.length ? `; also ${rest.map((f) => f.text).join(', ')}` : ''}.`,
        advice:
          'On Trainium/Inferentia install the CPU build of PyTorch (https://download.pytorch.org/whl/cpu) and the Neuron packages (torch-neuronx, neuronx-cc) from https://pip.repos.neuron.amazonaws.com — or start from a Neuron deep-learning container that has them.',
        fixes: fixes.length ? [{ title: `Use the CPU wheel index instead of ${cus.join(', ')}`, edits: fixes.map((f) => ({ ...f, newText: 'cpu' })) }] : undefined,
      });
    }
  },
};
