import { dockerAnalyzer } from '../../../../src/analyzers/docker';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

ruleTester(dockerAnalyzer as Analyzer, 'docker/cuda-image', {
  filename: 'Dockerfile',
  valid: [
    { code: '# FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\nFROM python:3.11-slim\n', name: 'a CUDA image in a comment' },
    { code: 'FROM rocm/pytorch:rocm6.0_ubuntu22.04_py3.10_pytorch_2.1.1\n', name: 'ROCm is not CUDA' },
    { code: 'FROM public.ecr.aws/neuron/pytorch-training-neuronx:2.1.2-neuronx-py310-sdk2.20.0-ubuntu20.04\n', name: 'a Neuron image' },
    { code: 'FROM tensorflow/tensorflow:2.15.0\n', name: 'TensorFlow CPU image' },
    { code: 'FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1.0-cpu-py310-ubuntu20.04-sagemaker\n', name: 'AWS CPU DLC' },
    { code: 'ARG BASE\nFROM ${BASE}\n', name: 'an ARG without default' },
    { code: 'RUN echo nvidia/cuda\nFROM ubuntu:22.04\n', name: 'not a FROM' },
    { code: 'services:\n  web:\n    image: nginx:1.25\n', filename: 'docker-compose.yml' },
  ],
  invalid: [
    {
      code: 'FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\nRUN apt-get update\n',
      errors: [{ line: 1, column: 6, endColumn: 44, message: /NVIDIA CUDA image/ }],
    },
    {
      code: 'FROM --platform=linux/amd64 nvcr.io/nvidia/pytorch:24.01-py3 AS train\n',
      errors: [{ line: 1, column: 29, endColumn: 61, message: /NGC/ }],
    },
    {
      code: 'ARG BASE_IMAGE=pytorch/pytorch:2.2.0-cuda12.1-cudnn8-runtime\nFROM ${BASE_IMAGE}\n',
      errors: [{ line: 1, column: 16, endColumn: 61, message: /ARG BASE_IMAGE/ }],
    },
    {
      code: 'ARG CUDA=12.1.0\nFROM nvidia/cuda:${CUDA}-cudnn8-devel-ubuntu22.04 as builder\nFROM builder\n',
      errors: [{ line: 2, column: 6, endColumn: 50, message: /nvidia\/cuda:12\.1\.0-cudnn8/ }],
    },
    {
      code: 'FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:2.1.0-gpu-py310-cu121-ubuntu20.04-sagemaker\n',
      filename: 'train/Dockerfile.train',
      errors: [{ line: 1, column: 6, endColumn: 111, message: /AWS GPU deep-learning container/ }],
    },
    {
      code: 'FROM vllm/vllm-openai:v0.6.3\n',
      filename: 'serve.Dockerfile',
      errors: [{ line: 1, column: 6, endColumn: 29 }],
    },
    {
      code: 'FROM tensorflow/tensorflow:2.15.0-gpu\n',
      filename: 'Containerfile',
      errors: [{ line: 1, column: 6, endColumn: 38 }],
    },
    {
      code: 'FROM python:3.11 AS base\nFROM huggingface/transformers-pytorch-gpu:latest\n',
      filename: 'docker/Dockerfile-gpu',
      errors: [{ line: 2, column: 6, endColumn: 49 }],
    },
    {
      code: 'FROM \\\n  nvidia/cuda:11.8.0-base-ubuntu22.04\n',
      name: 'line continuation',
      errors: [{ line: 2, column: 3, endColumn: 38 }],
    },
    {
      code: '# escape=`\nFROM `\n  nvidia/cuda:11.8.0-base-ubuntu22.04\n',
      name: 'escape directive',
      errors: [{ line: 3, column: 3, endColumn: 38 }],
    },
    {
      code: 'FROM alpine\nRUN <<EOF\nFROM nvidia/cuda:12.1.0-base\nEOF\nFROM "nvidia/cuda:12.1.0-base-ubuntu22.04"\n',
      name: 'heredoc bodies are not instructions; quotes excluded',
      errors: [{ line: 5, column: 7, endColumn: 42 }],
    },
    {
      code: 'services:\n  trainer:\n    image: nvcr.io/nvidia/pytorch:24.05-py3\n  web:\n    image: "${IMAGE:-nvidia/cuda:12.4.1-runtime-ubuntu22.04}"\n',
      filename: 'docker-compose.yml',
      errors: [
        { line: 3, column: 12, endColumn: 44, message: /Service trainer image/ },
        { line: 5, column: 13, endColumn: 61, message: /Service web image nvidia\/cuda:12\.4\.1/ },
      ],
    },
  ],
});

describe('docker analyzer on broken input', () => {
  it('reports malformed compose YAML as one error, no crash', async () => {
    const { errors } = await findingsFor(dockerAnalyzer as Analyzer, 'docker/cuda-image', { code: 'services:\n  a:\n    image: nvidia/cuda:12.1\n   bad: [\n' }, 'docker-compose.yml');
    if (errors.length !== 1 || !/compose/.test(errors[0])) throw new Error(`expected one compose error, got ${JSON.stringify(errors)}`);
  });
  it('does not read Dockerfile sources or docs by name', () => {
    const m = (dockerAnalyzer as Analyzer).matches;
    const expected: [string, boolean][] = [
      ['Dockerfile', true], ['docker/Dockerfile.gpu', true], ['gpu.Dockerfile', true], ['Containerfile', true], ['build/dockerfile', true],
      ['Dockerfile-cuda', true], ['docker-compose.yml', true], ['compose.gpu.yaml', true], ['docs/Dockerfile.md', false], ['src/dockerfile.ts', false], ['k8s/deploy.yaml', false],
    ];
    for (const [p, want] of expected) if (m(p) !== want) throw new Error(`${p}: expected ${want}`);
  });
});
