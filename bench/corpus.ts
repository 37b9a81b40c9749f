import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * A deterministic benchmark corpus: mostly ordinary code, a realistic sprinkling of lock-in,
 * and a few large files. The same seed gives the same bytes.
 */
export interface CorpusSpec {
  files: number;
  seed: number;
}

export const FULL: CorpusSpec = { files: 20_000, seed: 20261124 };
export const QUICK: CorpusSpec = { files: 2_000, seed: 20261124 };

/** mulberry32: small, fast, deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const WORDS = ['alpha', 'batch', 'config', 'decode', 'encoder', 'feature', 'gather', 'hidden', 'index', 'joint', 'kernel', 'layer', 'mask', 'norm', 'output', 'pool', 'query', 'reduce', 'scale', 'token', 'update', 'value', 'weight'];
const ident = (r: Rand) => `${pick(r, WORDS)}_${pick(r, WORDS)}${int(r, 0, 99)}`;

function pythonPlain(r: Rand, lines: number): string {
  const out = ['"""Utility module."""', 'import os', 'import json', 'from typing import Any', ''];
  while (out.length < lines) {
    const fn = ident(r);
    out.push(`def ${fn}(x: Any, y: int = ${int(r, 0, 9)}) -> Any:`, `    """Computes ${pick(r, WORDS)} for ${pick(r, WORDS)}."""`);
    for (let i = 0, n = int(r, 3, 12); i < n; i++) out.push(`    ${ident(r)} = [v * ${int(r, 1, 9)} for v in range(y)]  # ${pick(r, WORDS)}`);
    out.push(`    return json.dumps({"k": x, "path": os.path.join("a", "${pick(r, WORDS)}")})`, '');
  }
  return out.join('\n');
}

function pythonCuda(r: Rand, lines: number): string {
  const body = pythonPlain(r, Math.max(10, lines - 12)).split('\n');
  const lock = [
    'import torch',
    'import torch.distributed as dist',
    `model = build_model("${ident(r)}").cuda()`,
    'device = torch.device("cuda:0")',
    'dist.init_process_group(backend="nccl")',
    'torch.cuda.synchronize()',
    'scaler = torch.cuda.amp.GradScaler()',
    pick(r, ['import flash_attn', 'import triton', 'import bitsandbytes as bnb', 'import apex']),
  ];
  return [...lock, ...body].join('\n');
}

function tsPlain(r: Rand, lines: number): string {
  const out = ["import { readFile } from 'node:fs/promises';", ''];
  while (out.length < lines) {
    out.push(`export async function ${ident(r).replace(/_/g, '')}(p: string): Promise<number> {`, `  const text = await readFile(p, 'utf8'); // ${pick(r, WORDS)}`, `  return text.length * ${int(r, 1, 9)};`, '}', '');
  }
  return out.join('\n');
}

function cdk(r: Rand): string {
  return `import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export class ${pick(r, ['Training', 'Inference', 'Batch'])}Stack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc');
    new ec2.Instance(this, 'Node', {
      vpc,
      instanceType: new ec2.InstanceType('${pick(r, ['p4d.24xlarge', 'g5.2xlarge', 'm5.large', 'c5.xlarge'])}'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    });
  }
}
`;
}

function k8s(r: Rand, gpu: boolean): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${ident(r).replace(/_/g, '-')}
spec:
  replicas: ${int(r, 1, 4)}
  template:
    spec:
      containers:
        - name: app
          image: ${gpu ? 'nvidia/cuda:12.2.0-runtime-ubuntu22.04' : 'python:3.11-slim'}
          resources:
            limits:
              ${gpu ? '"nvidia.com/gpu": 1' : 'cpu: "2"'}
              memory: 4Gi
${gpu ? '      nodeSelector:\n        node.kubernetes.io/instance-type: g5.2xlarge\n' : ''}`;
}

function terraform(r: Rand, resources: number): string {
  const out = ['provider "aws" {', '  region = "us-east-1"', '}', ''];
  for (let i = 0; i < resources; i++) {
    out.push(
      `resource "aws_instance" "${ident(r)}" {`,
      `  ami           = "ami-${int(r, 10000000, 99999999)}"`,
      `  instance_type = "${pick(r, ['p4d.24xlarge', 'g5.xlarge', 'm5.large', 'c5.2xlarge', 't3.medium', 'm7g.large'])}"`,
      `  count         = ${int(r, 1, 3)}`,
      '  tags = {',
      `    Name = "${ident(r)}"`,
      '  }',
      '}',
      '',
    );
  }
  return out.join('\n');
}

function cudaSource(r: Rand, kernels: number): string {
  const out = ['#include <cuda_runtime.h>', '#include <cublas_v2.h>', ''];
  for (let i = 0; i < kernels; i++) {
    const k = ident(r);
    out.push(
      `__global__ void ${k}(const float* a, float* b, int n) {`,
      '  int i = blockIdx.x * blockDim.x + threadIdx.x;',
      `  if (i < n) b[i] = a[i] * ${int(r, 1, 9)}.0f;`,
      '}',
      '',
      `void launch_${k}(const float* a, float* b, int n) {`,
      '  float* d;',
      '  cudaMalloc(&d, n * sizeof(float));',
      `  ${k}<<<(n + 255) / 256, 256>>>(a, d, n);`,
      '  cudaDeviceSynchronize();',
      '  cudaFree(d);',
      '}',
      '',
    );
  }
  return out.join('\n');
}

function cppPlain(r: Rand, lines: number): string {
  const out = ['#include <vector>', '#include <string>', ''];
  while (out.length < lines) {
    out.push(`int ${ident(r)}(const std::vector<int>& v) {`, '  int s = 0;', `  for (int x : v) s += x * ${int(r, 1, 9)};  // ${pick(r, WORDS)}`, '  return s;', '}', '');
  }
  return out.join('\n');
}

function requirements(r: Rand): string {
  return ['numpy>=1.26', 'pandas', pick(r, ['torch==2.3.0+cu121', 'torch==2.3.0', 'flash-attn==2.5.8', 'requests']), 'pyyaml', '# GPU extras below', pick(r, ['bitsandbytes', 'scikit-learn', 'xformers', 'tqdm'])].join('\n') + '\n';
}

function dockerfile(r: Rand): string {
  return `FROM ${pick(r, ['nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04', 'python:3.11-slim', 'pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime'])}
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "serve.py"]
`;
}

function jsonConfig(r: Rand): string {
  return JSON.stringify({ name: ident(r), version: `1.${int(r, 0, 9)}.${int(r, 0, 9)}`, instanceType: pick(r, ['g5.xlarge', 'm5.large', 'none']), replicas: int(r, 1, 5), labels: { team: pick(r, WORDS) } }, null, 2);
}

function markdown(r: Rand, lines: number): string {
  const out = ['# Notes', ''];
  while (out.length < lines) out.push(`We ran ${pick(r, WORDS)} on p4d.24xlarge with model.cuda() and nccl; see ${ident(r)}.`);
  return out.join('\n');
}

interface FileKind {
  weight: number;
  make: (r: Rand, i: number) => [string, string];
}

const KINDS: FileKind[] = [
  { weight: 50, make: (r, i) => [`pkg${i % 97}/mod_${i}.py`, pythonPlain(r, int(r, 80, 400))] },
  { weight: 5, make: (r, i) => [`train${i % 13}/job_${i}.py`, pythonCuda(r, int(r, 60, 300))] },
  { weight: 12, make: (r, i) => [`web${i % 31}/src/f_${i}.ts`, tsPlain(r, int(r, 60, 300))] },
  { weight: 1, make: (r, i) => [`infra/cdk${i % 7}/stack_${i}.ts`, cdk(r)] },
  { weight: 5, make: (r, i) => [`deploy/k8s${i % 11}/app_${i}.yaml`, k8s(r, r() < 0.3)] },
  { weight: 3, make: (r, i) => [`infra/tf${i % 17}/main_${i}.tf`, terraform(r, int(r, 1, 6))] },
  { weight: 3, make: (r, i) => [`config${i % 19}/c_${i}.json`, jsonConfig(r)] },
  { weight: 2, make: (r, i) => [`svc${i}/Dockerfile`, dockerfile(r)] },
  { weight: 2, make: (r, i) => [`svc_req${i}/requirements.txt`, requirements(r)] },
  { weight: 2, make: (r, i) => [`kernels${i % 5}/k_${i}.cu`, cudaSource(r, int(r, 2, 10))] },
  { weight: 8, make: (r, i) => [`native${i % 23}/n_${i}.cpp`, cppPlain(r, int(r, 80, 400))] },
  { weight: 7, make: (r, i) => [`docs${i % 29}/page_${i}.md`, markdown(r, int(r, 20, 200))] },
];

export async function generateCorpus(root: string, spec: CorpusSpec): Promise<{ files: number; bytes: number }> {
  const marker = path.join(root, '.corpus.json');
  try {
    const existing = JSON.parse(await fs.readFile(marker, 'utf8'));
    if (existing.files === spec.files && existing.seed === spec.seed && existing.version === 2) return existing;
  } catch {
    /* generate */
  }
  await fs.rm(root, { recursive: true, force: true });
  const r = rng(spec.seed);
  const total = KINDS.reduce((s, k) => s + k.weight, 0);
  let bytes = 0;
  const write = async (rel: string, text: string) => {
    const abs = path.join(root, rel);
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, text);
    bytes += Buffer.byteLength(text);
  };
  const large = spec.files >= 10_000;
  // The large files: a 20k-line Python module, a 5 MB JSON document, a long Terraform file.
  await write('big/huge_module.py', pythonCuda(r, large ? 20_000 : 4_000));
  await write('big/data.json', JSON.stringify({ rows: Array.from({ length: large ? 60_000 : 6_000 }, (_, i) => ({ id: i, name: ident(r), instanceType: i % 500 === 0 ? 'g5.xlarge' : 'none', v: r() })) }));
  await write('big/main.tf', terraform(r, large ? 800 : 100));
  for (let i = 3; i < spec.files; i++) {
    let x = r() * total;
    const kind = KINDS.find((k) => (x -= k.weight) < 0) ?? KINDS[0];
    const [rel, text] = kind.make(r, i);
    await write(rel, text);
  }
  const meta = { files: spec.files, seed: spec.seed, bytes, version: 2 };
  await fs.writeFile(marker, JSON.stringify(meta));
  return meta;
}

/** The product's trigger words, as one ripgrep pattern set (what a grep-based tool would search for). */
export const RG_PATTERNS = [
  'cuda', 'nccl', 'nvidia', 'cudnn', 'cublas', '__global__', '<<<', '_mm\\d*_', 'immintrin', '-mavx', '-march',
  'flash.?attn', 'triton', 'bitsandbytes', 'xformers', 'apex', 'cupy', 'tensorrt', 'vllm', 'deepspeed',
  'instance_?type', 'InstanceType', '\\b(ml\\.)?[a-z][a-z0-9-]*\\d[a-z0-9-]*\\.(nano|micro|small|medium|\\d*x?large|metal)\\b',
  'x86_64', 'amd64', 'nvidia\\.com/gpu',
];
