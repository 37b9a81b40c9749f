import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/cuda-device-string', {
  filename: 'train.py',
  valid: [
    { code: 'print("cuda")\n', name: 'a cuda string that is not a device' },
    { code: '# torch.device("cuda")\n' },
    { code: '"""Move the model with torch.device("cuda")."""\n', name: 'docstring' },
    { code: 'parser.add_argument("--cuda", action="store_true")\n' },
    { code: 'use_cuda = True\nif use_cuda:\n    pass\n', name: 'use_cuda alone is not a device' },
    { code: 'import torch\ndevice = torch.device("cpu")\n' },
    { code: 'import torch\ndevice = torch.accelerator.current_accelerator()\nx.to(device)\n', name: 'torch.accelerator code' },
    { code: 'if device.type == "cuda":\n    pass\nif "cuda" in device:\n    pass\n', name: 'comparisons are not bindings' },
    { code: 'backend_name = "cuda"\nprint(backend_name)\n', name: 'a variable never used as a device' },
    { code: 'm = AutoModel.from_pretrained("x", device_map="auto")\n', name: 'device_map auto is portable' },
    { code: 'with torch.autocast(device_type="cuda"):\n    pass\n', name: 'autocast belongs to python/cuda-autocast' },
    { code: 'trainer = Trainer(accelerator="auto")\n' },
  ],
  invalid: [
    {
      code: 'import torch\ndevice = torch.device("cuda")\n',
      errors: [{ line: 2, column: 23, endColumn: 29, output: 'import torch\ndevice = torch.accelerator.current_accelerator()\n' }],
    },
    {
      code: 'import torch as T\nd = T.device("cuda:0")\n',
      errors: [{ line: 2, column: 14, endColumn: 22 }],
    },
    {
      code: 'x = x.to("cuda")\n',
      errors: [{ line: 1, column: 10, endColumn: 16, output: 'x = x.to(torch.accelerator.current_accelerator())\n' }],
    },
    {
      code: 'z = torch.zeros(3, device="cuda:1")\n',
      errors: [{ line: 1, column: 27, endColumn: 35 }],
    },
    {
      name: 'a variable assigned "cuda" and passed as a device: one finding, at the assignment',
      code: 'target = "cuda"\nmodel.to(target)\nbatch.to(target)\n',
      errors: [{ line: 1, column: 10, endColumn: 16, output: 'target = torch.accelerator.current_accelerator()\nmodel.to(target)\nbatch.to(target)\n' }],
    },
    {
      name: 'nanoGPT style: device name, derived device_type guard',
      code: "device = 'cuda'  # or 'cpu'\ndevice_type = 'cuda' if 'cuda' in device else 'cpu'\n",
      errors: [
        { line: 1, column: 10, endColumn: 16, severity: 'warning' },
        { line: 2, column: 15, endColumn: 21, severity: 'info', message: /condition/ },
      ],
    },
    {
      name: 'device chosen in an if/elif chain on a CUDA check: info, no fix',
      code: 'import torch\nok = torch.cuda.is_available()\nif use_cuda:\n    dev = torch.device("cuda")\nelif use_mps:\n    dev = torch.device("mps")\nif torch.cuda.is_available():\n    dev = "cuda:0"\n',
      errors: [
        { line: 4, column: 24, endColumn: 30, severity: 'info', message: /condition/ },
        { line: 8, column: 11, endColumn: 19, severity: 'info' },
      ],
    },
    {
      name: 'an unrelated if does not make a guard',
      code: 'import torch\nif train:\n    dev = torch.device("cuda")\n',
      errors: [{ line: 3, column: 24, endColumn: 30, severity: 'warning' }],
    },
    {
      name: 'portable guard: info, no fix',
      code: 'import torch\nd = torch.device("cuda" if torch.cuda.is_available() else "cpu")\n',
      errors: [{ line: 2, column: 18, endColumn: 24, severity: 'info', effort: 'low' }],
    },
    {
      name: 'f-string and % formatted devices',
      code: 'import torch\ntorch.device(f"cuda:{local_rank}")\nx.to("cuda:%d" % rank)\ny.to("cuda:{}".format(rank))\n',
      errors: [
        { line: 2, column: 14, endColumn: 34 },
        { line: 3, column: 6, endColumn: 15 },
        { line: 4, column: 6, endColumn: 15 },
      ],
    },
    {
      name: 'map_location, argparse default, parameter default, config dict',
      code: 'sd = torch.load(p, map_location="cuda:0")\nparser.add_argument("--device", default="cuda")\ndef run(model, device="cuda"):\n    pass\ncfg = {"device": "cuda"}\n',
      errors: [
        { line: 1, column: 33, endColumn: 41 },
        { line: 2, column: 41, endColumn: 47, output: 'sd = torch.load(p, map_location="cuda:0")\nparser.add_argument("--device", default="neuron")\ndef run(model, device="cuda"):\n    pass\ncfg = {"device": "cuda"}\n' },
        { line: 3, column: 23, endColumn: 29 },
        { line: 5, column: 18, endColumn: 24 },
      ],
    },
    {
      name: 'Hugging Face device_map pinned to CUDA',
      code: 'm = AutoModel.from_pretrained("x", device_map="cuda")\nn = AutoModel.from_pretrained("x", device_map={"": "cuda:0"})\n',
      errors: [
        { line: 1, column: 47, endColumn: 53, message: /device_map/ },
        { line: 2, column: 52, endColumn: 60, message: /device_map/ },
      ],
    },
    {
      name: 'Lightning accelerator="gpu"',
      code: 'trainer = L.Trainer(accelerator="gpu", devices=4)\n',
      errors: [{ line: 1, column: 33, endColumn: 38, message: /Lightning/ }],
    },
    {
      name: 'xla track fix',
      code: 'x = x.to("cuda")\n',
      config: { neuronTrack: 'xla' },
      errors: [{ line: 1, column: 10, endColumn: 16, output: 'x = x.to(xm.xla_device())\n' }],
    },
  ],
});
