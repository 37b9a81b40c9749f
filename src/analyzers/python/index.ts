import { defineAnalyzer } from '../../core/rule';
import { cudaAutocast } from './rules/cuda-autocast';
import { cudaExtension } from './rules/cuda-extension';
import { cudaDeviceString } from './rules/cuda-device-string';
import { cudaStreamGraph } from './rules/cuda-stream-graph';
import { cudnnSettings } from './rules/cudnn-settings';
import { gpuLibraryImport } from './rules/gpu-library-import';
import { gpuLibraryUsage } from './rules/gpu-library-usage';
import { hfDeviceIndex } from './rules/hf-device-index';
import { jaxGpuDevice } from './rules/jax-gpu-device';
import { ncclBackend } from './rules/nccl-backend';
import { tensorCudaMethod } from './rules/tensor-cuda-method';
import { tfGpuDevice } from './rules/tf-gpu-device';
import { torchCompileCudaMode } from './rules/torch-compile-cuda-mode';
import { torchCudaApi } from './rules/torch-cuda-api';
import type { ParserAdapter } from '../../core/rule';
import { notebookPythonParser } from '../notebook/parse';
import { pythonParser, type ParsedPython } from './syntax';
import { PYTHON_PRECHECK } from './triggers';

/** Every Python rule; the notebook analyzer runs the same modules over code cells. */
export const pythonRules = [
  tensorCudaMethod,
  cudaDeviceString,
  torchCudaApi,
  ncclBackend,
  cudaAutocast,
  cudnnSettings,
  cudaStreamGraph,
  torchCompileCudaMode,
  hfDeviceIndex,
  jaxGpuDevice,
  tfGpuDevice,
  gpuLibraryImport,
  gpuLibraryUsage,
  cudaExtension,
];

export { PYTHON_PRECHECK } from './triggers';

/**
 * Python sources and the code cells of Jupyter notebooks go through the same rules, with the same
 * rule ids (so one setting or suppression covers both): .ipynb files take the notebook parser,
 * whose offsets map back into the notebook's JSON string literals.
 */
const pythonOrNotebookParser: ParserAdapter<ParsedPython> = {
  id: 'python',
  parse: (doc) => (/\.ipynb$/i.test(doc.relPath) ? notebookPythonParser.parse(doc) : pythonParser.parse(doc)),
  dispose: (parsed) => parsed.tree.delete(),
};

export const pythonAnalyzer = defineAnalyzer<ParsedPython>({
  id: 'python',
  matches: (rel) => /\.(py|pyi|ipynb)$/i.test(rel),
  precheck: PYTHON_PRECHECK,
  parser: pythonOrNotebookParser,
  rules: pythonRules,
});
