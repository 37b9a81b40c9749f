import { defineAnalyzer } from '../../core/rule';
import { CUDA_IMAGE_HINT } from '../shared/cuda-images';
import { cudaImage } from './rules/cuda-image';
import { cudaWheelIndex } from './rules/cuda-wheel-index';
import { nvidiaEnv } from './rules/nvidia-env';
import { nvidiaRuntime } from './rules/nvidia-runtime';
import { platformAmd64 } from './rules/platform-amd64';
import { dockerParser, isComposeName, isDockerfileName, type ParsedDocker } from './syntax';

const PRECHECK = new RegExp(`${CUDA_IMAGE_HINT.source}|amd64|x86[_-]64|NVIDIA_|CUDA_VISIBLE`, 'i');

export const dockerAnalyzer = defineAnalyzer<ParsedDocker>({
  id: 'docker',
  matches: (rel) => isDockerfileName(rel) || isComposeName(rel),
  precheck: PRECHECK,
  claims: (parsed) => parsed.kind === 'dockerfile' || parsed.services.length > 0,
  parser: dockerParser,
  rules: [cudaImage, platformAmd64, nvidiaRuntime, nvidiaEnv, cudaWheelIndex],
});
