/**
 * Shared by the bounded fuzz tests (test/unit/robustness/fuzz.test.ts) and the long fuzz run
 * (test/fuzz/run.ts): file names per analyzer, seed texts from the fixtures, fast-check
 * arbitraries that mutate them, and the invariants every analysis must keep.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { decodeText } from '../../../../src/core/discovery';
import { SourceDocument } from '../../../../src/core/document';
import { analyzeDocument } from '../../../../src/core/engine';
import type { Analyzer } from '../../../../src/core/rule';

export const PROJECT_ROOT = path.resolve(__dirname, '../../../..');

/** One input that takes longer than this is a hang, not slowness. */
export const HANG_MS = 5_000;

/**
 * File names that route a document to each analyzer. Checked against every analyzer's
 * matches() by the tests, so a new analyzer without a name here fails loudly.
 */
export const FILE_NAMES: readonly string[] = [
  'train.py', 'app.py', 'stub.pyi', 'setup.py', 'nb.ipynb',
  'k.cu', 'k.cuh', 'v.h', 'x.cpp',
  'CMakeLists.txt', 'cuda.cmake', 'Makefile', 'rules.mk',
  'a.s', 'b.S', 'c.asm',
  'Dockerfile', 'Dockerfile.gpu', 'docker-compose.yml',
  'deploy.yaml', 'taskdef.json',
  'main.tf', 'x.tfvars', 'x.tf.json',
  'template.yaml', 'template.json',
  'stack.ts', 'stack.js',
  'requirements.txt', 'pyproject.toml', 'environment.yml', 'Pipfile', 'setup.cfg',
  'c.json', 'c.yaml', '.env', 'x.toml', 'run.sh', 'app.ini',
];

export function namesFor(analyzer: Analyzer): string[] {
  return FILE_NAMES.filter((n) => analyzer.matches(`fuzz/${n}`));
}

export interface Seed {
  /** Relative to the project root. */
  path: string;
  text: string;
}

const SEED_DIRS = ['test/fixtures', 'samples/gpu-workspace'];
const SKIP = /(^|\/)schemas\//;

/** Every text fixture and sample file (small ones), as seeds for mutation. */
export function loadSeeds(): Seed[] {
  const out: Seed[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(PROJECT_ROOT, rel)).sort()) {
      const r = `${rel}/${name}`;
      if (SKIP.test(r)) continue;
      const st = statSync(path.join(PROJECT_ROOT, r));
      if (st.isDirectory()) walk(r);
      else if (st.isFile() && st.size < 256 * 1024) out.push({ path: r, text: decodeText(readFileSync(path.join(PROJECT_ROOT, r))) });
    }
  };
  for (const d of SEED_DIRS) walk(d);
  return out;
}

/** Seeds an analyzer reads (by their own path); all seeds when none match. */
export function seedsFor(analyzer: Analyzer, seeds: readonly Seed[]): Seed[] {
  const own = seeds.filter((s) => analyzer.matches(s.path));
  return own.length ? own : [...seeds];
}

/** Tokens that get random text past the analyzers' pre-checks and into their parsers and rules. */
const TOKENS = [
  '\n', '\r\n', '\r', '  ', '\t', '- ', ': ', '"', "'", '`', '#', '//', '/*', '*/', '\\', '{', '}', '[', ']', '(', ')', ',', '=', '<<<', '>>>', '${', '$(', '!Ref ', '!Sub ',
  '\uFEFF', '\uD800', '\uDFFF', '\u0000', '\u2028', '\u00e9', '\u{1F600}',
  'cuda', '.cuda()', 'torch.device("cuda")', 'import torch\n', 'import triton\n', 'torch.cuda.synchronize()', 'device="cuda:0"', 'init_process_group("nccl")',
  'p4d.24xlarge', 'ml.g5.xlarge', 'm5.large', 'trn1.32xlarge', 'c7g.large', 'instance_type', 'InstanceType', 'instanceType', '--instance-type ',
  'nvidia.com/gpu', 'nvidia/cuda:12.4.0-devel-ubuntu22.04', 'FROM ', 'RUN pip install ', '--platform=linux/amd64', 'runtime: nvidia',
  'resource "aws_instance" "x" {', 'variable "t" {', 'default = ', 'AWSTemplateFormatVersion: "2010-09-09"\n', 'Resources:\n', 'Type: AWS::EC2::Instance\n',
  "import * as ec2 from 'aws-cdk-lib/aws-ec2';\n", 'from aws_cdk import aws_ec2 as ec2\n', 'ec2.InstanceType.of(', 'new ec2.InstanceType(', 'X86_64',
  'containerDefinitions', '"resourceRequirements": [{"type": "GPU", "value": "1"}]', 'kind: Pod\n', 'apiVersion: v1\n', 'nodeSelector:\n',
  '__global__ void k() {}', 'cudaMalloc(', '#include <cuda_runtime.h>\n', '_mm256_add_ps(', 'asm volatile("cpuid");', '#ifdef __x86_64__\n', '#endif\n',
  'project(x LANGUAGES CUDA)\n', 'set(CMAKE_CUDA_ARCHITECTURES 80)\n', 'NVCC = nvcc\n', '-arch=sm_80', '-mavx2', 'vmovaps %ymm0, %ymm1',
  'flash-attn==2.5.0\n', 'torch==2.3.0+cu121\n', '--extra-index-url https://download.pytorch.org/whl/cu121\n', '[tool.poetry.dependencies]\n', 'dependencies:\n',
  '{"cells": [{"cell_type": "code", "source": ["x.cuda()"]}]}', '"source": [', '%%bash\n', '!nvidia-smi\n',
  'sagemaker.estimator.Estimator(', 'instance_type="ml.p4d.24xlarge"', "instance_type='local_gpu'", 'accel-advisor-ignore ', 'accel-advisor-ignore-next-line ',
];

/** Random text built from analyzer trigger tokens, plain strings and odd code units. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 120 })
  .map((parts) => parts.join(''));

/** Odd text to insert: lone surrogates, BOM, CR, NUL, line/paragraph separators, random UTF-16. */
const insertion: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('\uFEFF', '\r', '\r\n', '\n', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\u0000', '\u2028', '\u2029', '\u200B', '\u{10FFFF}', '"', "'", '{', '[', ':', '\\', '<<<', '${', '#', '*/'),
  fc.constantFrom(...TOKENS),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
);

/** One mutation; positions are fractions of the current text so they fit any seed. */
type Mutation =
  | { op: 'flip-char'; at: number; code: number }
  | { op: 'flip-byte'; at: number; byte: number }
  | { op: 'truncate'; at: number }
  | { op: 'dup-line'; at: number; times: number }
  | { op: 'del-line'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'splice'; at: number; other: number; from: number };

const frac = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip-char' as const), at: frac, code: fc.integer({ min: 0, max: 0xffff }) }),
  fc.record({ op: fc.constant('flip-byte' as const), at: frac, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: frac }),
  fc.record({ op: fc.constant('dup-line' as const), at: frac, times: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('del-line' as const), at: frac }),
  fc.record({ op: fc.constant('insert' as const), at: frac, text: insertion }),
  fc.record({ op: fc.constant('splice' as const), at: frac, other: fc.nat(), from: frac }),
);

const pos = (f: number, n: number) => Math.min(n, Math.floor(f * (n + 1)));

function applyMutation(text: string, m: Mutation, seeds: readonly Seed[]): string {
  switch (m.op) {
    case 'flip-char': {
      const i = pos(m.at, text.length - 1);
      return text.slice(0, i) + String.fromCharCode(m.code) + text.slice(i + 1);
    }
    case 'flip-byte': {
      // As if the file's bytes were damaged on disk, then read the way the engine reads files.
      const buf = Buffer.from(text, 'utf8');
      if (!buf.length) return text;
      buf[pos(m.at, buf.length - 1)] = m.byte;
      return decodeText(buf);
    }
    case 'truncate':
      return text.slice(0, pos(m.at, text.length));
    case 'dup-line':
    case 'del-line': {
      const lines = text.split('\n');
      const i = pos(m.at, lines.length - 1);
      if (m.op === 'del-line') lines.splice(i, 1);
      else lines.splice(i, 0, ...Array<string>(m.times).fill(lines[i]));
      return lines.join('\n');
    }
    case 'insert': {
      const i = pos(m.at, text.length);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'splice': {
      const other = seeds[m.other % seeds.length].text;
      return text.slice(0, pos(m.at, text.length)) + other.slice(pos(m.from, other.length));
    }
  }
}

/** A seed (by index) and 1–6 mutations applied in turn. */
export function mutatedText(seeds: readonly Seed[], all: readonly Seed[]): fc.Arbitrary<{ seed: string; text: string }> {
  return fc.record({ i: fc.nat({ max: seeds.length - 1 }), ms: fc.array(mutation, { minLength: 1, maxLength: 6 }) }).map(({ i, ms }) => ({
    seed: seeds[i].path,
    text: ms.reduce((t, m) => applyMutation(t, m, all), seeds[i].text),
  }));
}

/** The analyzer as the engine runs it, and without its pre-check so its parser and rules see every input. */
export function variants(analyzer: Analyzer): { label: string; analyzers: Analyzer[] }[] {
  return [
    { label: 'with pre-check', analyzers: [analyzer] },
    { label: 'without pre-check', analyzers: [{ ...analyzer, precheck: undefined }] },
  ];
}

/** Describes an input for a failure message without flooding the terminal. */
export function describeInput(name: string, text: string): string {
  const shown = text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
  return `${name}: ${JSON.stringify(shown)}`;
}

/**
 * Analyses `text` as `relPath` and checks the invariants: no throw, no rule crash, bounded time,
 * every range and fix edit inside the document. Returns the time taken; throws on a violation.
 */
export async function checkAnalysis(relPath: string, text: string, analyzers: readonly Analyzer[]): Promise<number> {
  const doc = new SourceDocument(relPath, text);
  const started = performance.now();
  let result;
  try {
    result = await analyzeDocument(doc, analyzers, DEFAULT_CONFIG);
  } catch (err) {
    throw new Error(`analyzeDocument threw for ${describeInput(relPath, text)}: ${(err as Error).stack ?? err}`);
  }
  const ms = performance.now() - started;
  if (ms > HANG_MS) throw new Error(`analysis took ${Math.round(ms)} ms (> ${HANG_MS} ms: a hang) for ${describeInput(relPath, text)}`);
  const crash = result.errors.find((e) => /internal error/.test(e.message));
  if (crash) throw new Error(`${crash.message} for ${describeInput(relPath, text)}`);

  const n = text.length;
  const lineCount = doc.lineCount;
  const inside = (line: number, column: number) => line >= 1 && line <= lineCount && column >= 1 && column <= doc.lineText(line - 1).length + 1;
  for (const f of result.findings) {
    const where = `${f.ruleId} at ${f.line}:${f.column}-${f.endLine}:${f.endColumn} [${f.startOffset}, ${f.endOffset}) of ${n}`;
    const ok =
      Number.isInteger(f.startOffset) && Number.isInteger(f.endOffset) &&
      f.startOffset >= 0 && f.startOffset <= f.endOffset && f.endOffset <= n &&
      inside(f.line, f.column) && inside(f.endLine, f.endColumn) &&
      (f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column));
    if (!ok) throw new Error(`range outside the document: ${where} for ${describeInput(relPath, text)}`);
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) {
        if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= n && typeof e.newText === 'string')) {
          throw new Error(`fix "${fix.title}" edit [${e.start}, ${e.end}) outside the document: ${where} for ${describeInput(relPath, text)}`);
        }
      }
    }
  }
  return ms;
}
