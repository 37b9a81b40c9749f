import { cudaAnalyzer } from '../../../../src/analyzers/cuda';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(cudaAnalyzer as Analyzer, 'cuda/libtorch-cuda-device', {
  filename: 'csrc/ops.cpp',
  valid: [
    { name: 'comment and string mentions', code: '// x.to(torch::kCUDA)\nconst char *s = "torch::kCUDA";\nint n;\n' },
    { name: 'device taken from the input', code: 'at::Tensor f(const at::Tensor &x) { return at::empty({4}, x.options()).to(x.device()); }\n' },
    { name: 'a variable named use_cuda', code: 'bool use_cuda = false; int cuda_count = 0;\n' },
    { name: 'is_cuda checks are not bindings', code: 'void f(const at::Tensor &x) { TORCH_CHECK(x.is_cuda(), "x must be CUDA"); }\n' },
  ],
  invalid: [
    {
      code: 'auto t = torch::ones({2, 2}).to(torch::kCUDA);\nauto u = t.cuda();\n',
      errors: [
        { line: 1, column: 33, endColumn: 45, message: /`torch::kCUDA`/ },
        { line: 2, column: 12, endColumn: 18, message: /`.cuda\(\)`/ },
      ],
    },
    {
      name: 'xla track offers mechanical fixes',
      config: { neuronTrack: 'xla' },
      code: 'auto d = torch::Device(torch::kCUDA, 0);\n',
      errors: [{ line: 1, column: 24, endColumn: 36, output: 'auto d = torch::Device(torch::kXLA, 0);\n' }],
    },
    {
      name: '.cuda() fix on the xla track',
      config: { neuronTrack: 'xla' },
      code: 'void f(torch::nn::Linear m) { m->cuda(); }\n',
      errors: [{ line: 1, column: 34, endColumn: 40, output: 'void f(torch::nn::Linear m) { m->to(torch::kXLA); }\n' }],
    },
    {
      name: 'device strings, DeviceType::CUDA and at::cuda streams',
      code: 'torch::Device dev("cuda:0");\nauto k = c10::DeviceType::CUDA;\ncudaStream_t s = at::cuda::getCurrentCUDAStream();\nconst at::cuda::OptionalCUDAGuard g(device_of(x));\n',
      errors: [
        { line: 1, column: 19, endColumn: 27, message: /device string/ },
        { line: 2, column: 10, endColumn: 31 },
        { line: 3, column: 18, endColumn: 48, message: /getCurrentCUDAStream/, effort: 'high' },
        { line: 4, column: 7, endColumn: 34, message: /OptionalCUDAGuard/ },
      ],
    },
  ],
});
