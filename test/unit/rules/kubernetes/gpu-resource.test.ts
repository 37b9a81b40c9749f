import { kubernetesAnalyzer } from '../../../../src/analyzers/kubernetes';
import type { Analyzer } from '../../../../src/core/rule';
import { findingsFor, ruleTester } from '../../rule-tester';

const pod = (resources: string) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: trainer', 'spec:', '  containers:', '    - name: main', '      image: python:3.11', '      resources:', resources, ''].join('\n');

ruleTester(kubernetesAnalyzer as Analyzer, 'kubernetes/gpu-resource', {
  filename: 'k8s/pod.yaml',
  valid: [
    { code: pod('        limits:\n          aws.amazon.com/neuron: 1'), name: 'Neuron resource' },
    { code: pod('        limits:\n          nvidia.com/gpu: 0'), name: 'zero GPUs is no GPU' },
    { code: pod('        limits:\n          # nvidia.com/gpu: 1\n          cpu: 2'), name: 'in a comment' },
    { code: pod('        limits:\n          amd.com/gpu: 1'), name: 'AMD GPUs are not NVIDIA' },
    { code: 'resources:\n  limits:\n    nvidia.com/gpu: 1\n', filename: 'config/settings.yaml', name: 'a YAML that is not Kubernetes nor Helm values' },
    { code: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  X:\n    Type: AWS::EKS::Nodegroup\n    Properties:\n      limits:\n        nvidia.com/gpu: 1\n', filename: 'cfn/template.yaml', name: 'CloudFormation is not ours' },
    { code: 'spec:\n  template: {{ .Values.x }}\n  nvidia.com/gpu: 1\n', filename: 'chart/templates/job.yaml', name: 'Helm template that does not parse: ignored quietly' },
  ],
  invalid: [
    {
      code: pod('        limits:\n          nvidia.com/gpu: 1'),
      errors: [{ line: 11, column: 11, endColumn: 25, message: /Pod trainer requests 1 nvidia\.com\/gpu/, output: pod('        limits:\n          aws.amazon.com/neuron: 1') }],
    },
    {
      code: pod('        requests:\n          "nvidia.com/gpu": "8"\n        limits:\n          nvidia.com/mig-1g.5gb: 2'),
      errors: [
        { line: 11, column: 12, endColumn: 26 },
        { line: 13, column: 11, endColumn: 32, message: /MIG/ },
      ],
    },
    {
      code: 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: gpu-quota\nspec:\n  hard:\n    requests.nvidia.com/gpu: 4\n',
      errors: [{ line: 7, column: 5, endColumn: 28, output: 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: gpu-quota\nspec:\n  hard:\n    requests.aws.amazon.com/neuron: 4\n' }],
    },
    {
      code: pod('        requests:\n          nvidia.com/gpu: 8\n          cpu: 4\n        limits:\n          nvidia.com/gpu: 8'),
      name: 'limits and requests of one container are one ask, at the limits; the fix renames both',
      errors: [
        {
          line: 14,
          column: 11,
          endColumn: 25,
          message: /requests 8 nvidia\.com\/gpu \(in limits and requests\)/,
          output: pod('        requests:\n          aws.amazon.com/neuron: 8\n          cpu: 4\n        limits:\n          aws.amazon.com/neuron: 8'),
        },
      ],
    },
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nspec:\n  containers:\n    - name: a\n      resources:\n        limits:\n          nvidia.com/gpu: 1\n    - name: b\n      resources:\n        requests:\n          nvidia.com/gpu: 2\n        limits:\n          nvidia.com/gpu: 2\n',
      name: 'two containers: two asks',
      errors: [{ line: 10, column: 11, endColumn: 25, message: /requests 1 nvidia\.com\/gpu\.$/ }, { line: 16, column: 11, endColumn: 25, message: /requests 2 nvidia\.com\/gpu \(in limits and requests\)/ }],
    },
    {
      code: 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec:\n  hard:\n    requests.nvidia.com/gpu: 4\n    limits.nvidia.com/gpu: 4\n',
      name: 'a quota limiting requests and limits: one ask',
      errors: [{ line: 8, column: 5, endColumn: 26, output: 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\nspec:\n  hard:\n    requests.aws.amazon.com/neuron: 4\n    limits.aws.amazon.com/neuron: 4\n' }],
    },
    {
      code: 'worker:\n  resources:\n    limits:\n      nvidia.com/gpu: 1\n',
      filename: 'charts/ray/values.yaml',
      name: 'Helm values',
      errors: [{ line: 4, column: 7, endColumn: 21, message: /Helm values/ }],
    },
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: x, resources: {limits: {nvidia.com/gpu: 1}}}]}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers:\n    - name: b\n      resources: {limits: {cpu: 1}}\n',
      name: 'multi-document, flow style',
      errors: [{ line: 4, column: 62, endColumn: 76 }],
    },
  ],
});

describe('kubernetes analyzer on broken input', () => {
  it('reports malformed Kubernetes YAML as one error', async () => {
    const r = await findingsFor(kubernetesAnalyzer as Analyzer, 'kubernetes/gpu-resource', { code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n   - nvidia.com/gpu: 1\n' }, 'pod.yaml');
    if (r.errors.length !== 1 || !/invalid YAML/.test(r.errors[0])) throw new Error(JSON.stringify(r.errors));
  });
});
