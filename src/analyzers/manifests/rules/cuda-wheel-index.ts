import type { RuleModule } from '../../../core/rule';
import { cudaLocalVersion, isCudaIndexUrl } from '../../shared/gpu-libraries';
import type { ParsedManifest } from '../parse';
import { classifyPackage } from './gpu-package';

/** Package indexes, find-links pages, conda channels and wheel URLs that serve CUDA builds. */
export const cudaWheelIndex: RuleModule<ParsedManifest> = {
  meta: {
    id: 'manifests/cuda-wheel-index',
    category: 'gpu-library',
    severity: 'warning',
    effort: 'low',
    description: 'A package index, find-links page, wheel URL or conda channel that serves CUDA builds (download.pytorch.org/whl/cu121, pypi.nvidia.com, conda channel nvidia …).',
  },
  check(parsed, ctx) {
    const seenWheels = new Set<string>();
    for (const s of parsed.sources) {
      const channel = s.kind === 'channel' && /^nvidia$/i.test(s.url);
      const wheel = s.kind === 'wheel' && !!cudaLocalVersion(s.url);
      if (!channel && !wheel && !isCudaIndexUrl(s.url)) continue;
      // A wheel of a known NVIDIA-only package is reported once, by manifests/gpu-package.
      if (s.kind === 'wheel' && parsed.packages.some((p) => p.start === s.start && classifyPackage(p))) continue;
      // The same distribution as a wheel for another platform (win_amd64 next to linux_x86_64) is one lock-in.
      const dist = wheel ? /\/([A-Za-z0-9_.]+)-[^-/]+-[^/]*\.whl/.exec(s.url)?.[1]?.toLowerCase().replace(/[-_.]+/g, '-') : undefined;
      if (dist) {
        if (seenWheels.has(dist)) continue;
        seenWheels.add(dist);
      }
      ctx.report({
        start: s.start,
        end: s.end,
        message: channel ? 'The conda channel "nvidia" serves CUDA toolkit packages.' : wheel ? `The wheel ${s.url.slice(s.url.lastIndexOf('/') + 1)} is a CUDA build.` : `The package index ${s.url} serves CUDA builds.`,
        advice:
          ctx.neuronTrack === 'xla'
            ? 'Point pip at the Neuron index (https://pip.repos.neuron.amazonaws.com) for torch-neuronx and neuronx-cc, and drop the CUDA index.'
            : 'Drop the CUDA index/channel; install the default torch wheels and the Neuron packages from https://pip.repos.neuron.amazonaws.com.',
        cudaKind: 'build',
      });
    }
  },
};
