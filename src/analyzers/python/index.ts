import { defineAnalyzer } from '../../core/rule';
import { cudaDeviceString } from './rules/cuda-device-string';
import { ncclBackend } from './rules/nccl-backend';
import { tensorCudaMethod } from './rules/tensor-cuda-method';
import { torchCudaApi } from './rules/torch-cuda-api';
import { pythonParser, type ParsedPython } from './syntax';

export const pythonAnalyzer = defineAnalyzer<ParsedPython>({
  id: 'python',
  matches: (rel) => /\.(py|pyi)$/i.test(rel),
  precheck: /cuda|nccl/i,
  parser: pythonParser,
  rules: [tensorCudaMethod, cudaDeviceString, torchCudaApi, ncclBackend],
});
