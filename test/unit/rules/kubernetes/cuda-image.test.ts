import { kubernetesAnalyzer } from '../../../../src/analyzers/kubernetes';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(kubernetesAnalyzer as Analyzer, 'kubernetes/cuda-image', {
  filename: 'k8s/deploy.yaml',
  valid: [
    { code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: rocm/pytorch:latest\n', name: 'ROCm' },
    { code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    # image: nvidia/cuda:12.1.0-base\n    - name: a\n      image: python:3.11\n' },
    { code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: nvcr.io/nvidia/k8s-device-plugin:v0.15.0\n', name: 'the device plugin is another rule' },
  ],
  invalid: [
    {
      code: 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: llama\nspec:\n  predictor:\n    containers:\n      - name: kserve-container\n        image: vllm/vllm-openai:v0.5.4\n',
      errors: [{ line: 9, column: 16, endColumn: 39, message: /vLLM/ }],
    },
    {
      code: 'image:\n  repository: nvcr.io/nvidia/tritonserver\n  tag: 24.01-py3\n',
      filename: 'chart/values.yaml',
      errors: [{ line: 2, column: 15, endColumn: 42, message: /nvcr\.io\/nvidia\/tritonserver:24\.01-py3/ }],
    },
  ],
});
