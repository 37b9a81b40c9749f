import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/gpu-library-import', {
  filename: 'model.py',
  valid: [
    { code: 'import tritonclient.http as httpclient\n', name: 'tritonclient is the Triton Inference Server client, not Triton kernels' },
    { code: 'import apexcharts_helpers\nimport numba\nfrom numba import jit\n', name: 'look-alikes and numba CPU' },
    { code: '# import flash_attn\n"""import triton"""\n', name: 'comment and docstring' },
    { code: 'import onnxruntime as ort\nimport faiss\n', name: 'plain onnxruntime / faiss imports are portable' },
    { code: 'from .triton import kernels\n', name: 'relative import of the project\'s own module' },
  ],
  invalid: [
    {
      code: 'import triton\nimport triton.language as tl\n',
      errors: [
        { line: 1, column: 8, endColumn: 14, effort: 'high' },
        { line: 2, column: 8, endColumn: 23 },
      ],
    },
    {
      code: 'from flash_attn import flash_attn_func\nfrom flash_attn.bert_padding import unpad_input\n',
      errors: [
        { line: 1, column: 6, endColumn: 16, message: /FlashAttention/ },
        { line: 2, column: 6, endColumn: 29 },
      ],
    },
    {
      code: 'from numba import cuda\nimport numba.cuda\nfrom cuda import cuda as drv\n',
      errors: [
        { line: 1, column: 19, endColumn: 23, message: /Numba/ },
        { line: 2, column: 8, endColumn: 18 },
        { line: 3, column: 6, endColumn: 10, message: /cuda-python/ },
      ],
    },
    {
      code: 'import cupy as cp\nimport cupyx.scipy.sparse\nimport bitsandbytes as bnb\nimport xformers.ops\nfrom apex import amp\n',
      errors: [
        { line: 1, column: 8, endColumn: 12 },
        { line: 2, column: 8, endColumn: 26 },
        { line: 3, column: 8, endColumn: 20 },
        { line: 4, column: 8, endColumn: 20 },
        { line: 5, column: 6, endColumn: 10 },
      ],
    },
    {
      code: 'import deepspeed\nfrom vllm import LLM\nimport tensorrt as trt\nimport torch_tensorrt\nimport cudf\nfrom nvidia.dali import pipeline_def\nimport pynvml\n',
      errors: [
        { line: 1, column: 8, endColumn: 17, message: /DeepSpeed/ },
        { line: 2, column: 6, endColumn: 10 },
        { line: 3, column: 8, endColumn: 16 },
        { line: 4, column: 8, endColumn: 22 },
        { line: 5, column: 8, endColumn: 12 },
        { line: 6, column: 6, endColumn: 17 },
        { line: 7, column: 8, endColumn: 14 },
      ],
    },
    {
      name: 'an optional import with a fallback is info',
      code: 'try:\n    import xformers.ops as xops\nexcept ImportError:\n    xops = None\n',
      errors: [{ line: 2, column: 12, endColumn: 24, severity: 'info' }],
    },
  ],
});
