import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { manifestsAnalyzer } from '../../../../src/analyzers/manifests';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

const fixtures = path.resolve(__dirname, '../../../fixtures/manifests');
const an = manifestsAnalyzer as Analyzer;

ruleTester(an, 'manifests/gpu-package', {
  filename: 'requirements.txt',
  valid: [
    { code: '# flash-attn\ntorch==2.3.0\nnumpy\n', name: 'comments are never findings' },
    { code: 'numba==0.59.1\nonnxruntime==1.18\nfaiss-cpu\n', name: 'portable builds: numba, onnxruntime, faiss-cpu' },
    { code: 'tritonclient[http]==2.45.0\napexcharts\n', name: 'look-alikes: tritonclient, apexcharts' },
    { code: 'torch==2.3.0+cpu\n', name: 'CPU local version' },
    { code: '-r requirements-gpu.txt\n', name: 'an include is scanned on its own' },
    { code: 'flash-attn\n', filename: 'README.txt', name: 'not a manifest' },
  ],
  invalid: [
    {
      name: 'CUDA extras on any package; the same package under another marker is reported once',
      code: 'nvidia-cutlass-dsl[cu13]==4.7\nkernels-x[cu12]==0.1\nflashinfer-python==0.6\nbitsandbytes==0.41; platform_system != "Windows"\nhttps://example.org/w/bitsandbytes-0.41.1-py3-none-win_amd64.whl; platform_system == "Windows"\n',
      errors: [
        { line: 1, column: 1, endColumn: 19 },
        { line: 2, column: 1, endColumn: 10, message: /CUDA extras/ },
        { line: 3, column: 1, endColumn: 18, message: /FlashInfer/ },
        { line: 4, column: 1, endColumn: 13 },
      ],
    },
    {
      code: 'Flash_Attn>=2.5 ; platform_system == "Linux"  # fused attention\n',
      errors: [{ line: 1, column: 1, endColumn: 11, message: /FlashAttention/ }],
    },
    {
      code: 'torch==2.3.0+cu121\nnvidia-nccl-cu12==2.20.5\njax[cuda12_pip]==0.4.28\ntensorflow[and-cuda]\n',
      filename: 'requirements/gpu.txt',
      errors: [
        { line: 1, column: 1, endColumn: 6, effort: 'low' },
        { line: 2, column: 1, endColumn: 17 },
        { line: 3, column: 1, endColumn: 4 },
        { line: 4, column: 1, endColumn: 11, effort: 'high' },
      ],
    },
    {
      code: 'bitsandbytes\nxformers==0.0.26\nvllm\ndeepspeed\ncupy-cuda12x\npycuda\ntensorrt-cu12\ntorch-tensorrt\nonnxruntime-gpu\nfaiss-gpu\ncudf-cu12\nnvidia-dali-cuda120\nnvidia-ml-py\ntriton\n',
      filename: 'constraints.txt',
      errors: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((line, i) => ({
        line,
        column: 1,
        endColumn: 1 + ['bitsandbytes', 'xformers', 'vllm', 'deepspeed', 'cupy-cuda12x', 'pycuda', 'tensorrt-cu12', 'torch-tensorrt', 'onnxruntime-gpu', 'faiss-gpu', 'cudf-cu12', 'nvidia-dali-cuda120', 'nvidia-ml-py', 'triton'][i].length,
      })),
    },
    {
      name: 'pyproject PEP 621 dependencies and extras',
      filename: 'pyproject.toml',
      code: '[project]\nname = "x"\ndependencies = [\n    "torch>=2.3",\n    "deepspeed>=0.14",  # flash-attn later\n]\n\n[project.optional-dependencies]\nkernels = ["flash-attn>=2.5"]\n',
      errors: [
        { line: 5, column: 6, endColumn: 15 },
        { line: 9, column: 13, endColumn: 23 },
      ],
    },
    {
      name: 'Poetry keys and a CUDA-suffixed version',
      filename: 'pyproject.toml',
      code: '[tool.poetry.dependencies]\npython = "^3.10"\ntorch = { version = "2.2.2+cu118", source = "pt" }\npycuda = "^2024.1"\n',
      errors: [
        { line: 3, column: 1, endColumn: 6 },
        { line: 4, column: 1, endColumn: 7 },
      ],
    },
    {
      name: 'Pipfile packages',
      filename: 'Pipfile',
      code: '[packages]\napex = "*"\nrequests = "*"\n\n[dev-packages]\ngpustat = "*"\n',
      errors: [
        { line: 2, column: 1, endColumn: 5 },
        { line: 6, column: 1, endColumn: 8 },
      ],
    },
    {
      name: 'conda environment with a pip sub-list',
      filename: 'environment.yml',
      code: 'name: seg\nchannels:\n  - conda-forge\ndependencies:\n  - pytorch-cuda=12.1\n  - cudatoolkit=11.8\n  - nvidia::cuda-toolkit\n  - numpy\n  # - cudnn\n  - pip:\n      - "xformers"\n',
      errors: [
        { line: 5, column: 5, endColumn: 17 },
        { line: 6, column: 5, endColumn: 16 },
        { line: 7, column: 13, endColumn: 25 },
        { line: 11, column: 10, endColumn: 18 },
      ],
    },
    {
      name: 'setup.py install_requires through a variable, extras_require',
      filename: 'setup.py',
      code: 'REQUIRED = ["torch", "triton>=2.1"]\nsetup(name="x", install_requires=REQUIRED, extras_require={"bench": ["pynvml"]})\n',
      errors: [
        { line: 1, column: 23, endColumn: 29 },
        { line: 2, column: 71, endColumn: 77 },
      ],
    },
    {
      name: 'setup.cfg multi-line install_requires',
      filename: 'setup.cfg',
      code: '[options]\ninstall_requires =\n    pandas\n    cuml-cu12==24.4.0\n\n[options.extras_require]\ngpu =\n    cupy-cuda12x  # optional\n',
      errors: [
        { line: 4, column: 5, endColumn: 14 },
        { line: 8, column: 5, endColumn: 17 },
      ],
    },
  ],
});

describe('manifests: fixtures and broken files', () => {
  it('finds the GPU packages of a realistic requirements file', async () => {
    const code = fs.readFileSync(path.join(fixtures, 'requirements-gpu.txt'), 'utf8');
    const { findings } = await findingsFor(an, 'manifests/gpu-package', { code }, 'requirements-gpu.txt');
    assert.deepEqual(findings.map((f) => f.line), [4, 5, 6, 7, 8, 9, 10, 11, 12]); // line 16 is flash-attn again (a wheel URL): one finding per distribution
  });

  it('a broken pyproject.toml is one clear error', async () => {
    const code = fs.readFileSync(path.join(fixtures, 'broken-pyproject.toml'), 'utf8');
    const { findings, errors } = await findingsFor(an, 'manifests/gpu-package', { code }, 'pyproject.toml');
    assert.deepEqual(findings, []);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /invalid TOML/);
  });

  it('a broken environment.yml is one clear error', async () => {
    const { errors } = await findingsFor(an, 'manifests/gpu-package', { code: 'dependencies:\n  - [cudatoolkit\n' }, 'environment.yml');
    assert.equal(errors.length, 1);
    assert.match(errors[0], /invalid YAML/);
  });
});
