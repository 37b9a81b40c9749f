import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/gpu-library-usage', {
  filename: 'serve.py',
  valid: [
    { code: 'import onnxruntime as ort\ns = ort.InferenceSession("m.onnx", providers=["CPUExecutionProvider"])\n' },
    { code: 'import faiss\nindex = faiss.IndexFlatL2(128)\n', name: 'CPU FAISS' },
    { code: 'import numba\n@numba.jit(nopython=True)\ndef f(x):\n    return x\n', name: 'numba CPU jit' },
    { code: 'print("CUDAExecutionProvider not available")\n', name: 'prose' },
  ],
  invalid: [
    {
      code: 'import onnxruntime as ort\ns = ort.InferenceSession("m.onnx", providers=["CUDAExecutionProvider", "CPUExecutionProvider"])\n',
      errors: [{ line: 2, column: 47, endColumn: 70, effort: 'high' }],
    },
    {
      code: "import onnxruntime as ort\nproviders = [('TensorrtExecutionProvider', {'device_id': 0}), 'CPUExecutionProvider']\n",
      errors: [{ line: 2, column: 15, endColumn: 42 }],
    },
    {
      code: "import onnxruntime as ort\nif 'CUDAExecutionProvider' in ort.get_available_providers():\n    pass\n",
      errors: [{ line: 2, column: 4, endColumn: 27, severity: 'info' }],
    },
    {
      code: 'import faiss\nres = faiss.StandardGpuResources()\ngpu_index = faiss.index_cpu_to_gpu(res, 0, index)\n',
      errors: [
        { line: 2, column: 7, endColumn: 33 },
        { line: 3, column: 13, endColumn: 35 },
      ],
    },
    {
      code: 'import triton\nimport triton.language as tl\n\n@triton.autotune(configs=[], key=["n"])\n@triton.jit\ndef add_kernel(x_ptr, n, BLOCK: tl.constexpr):\n    pass\n',
      errors: [{ line: 5, column: 2, endColumn: 12, message: /Triton/ }],
    },
    {
      code: 'from numba import cuda\n\n@cuda.jit\ndef inc(a):\n    pass\n',
      errors: [{ line: 3, column: 2, endColumn: 10, message: /Numba/ }],
    },
  ],
});
