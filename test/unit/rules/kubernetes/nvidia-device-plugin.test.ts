import { kubernetesAnalyzer } from '../../../../src/analyzers/kubernetes';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(kubernetesAnalyzer as Analyzer, 'kubernetes/nvidia-device-plugin', {
  filename: 'k8s/device-plugin.yaml',
  valid: [
    { name: 'a mirror path without an nvidia/ segment', code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers:\n        - image: registry.example.com/tools/driver:1.0\n' },
    { code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: neuron-device-plugin}\nspec:\n  template:\n    spec:\n      containers:\n        - name: p\n          image: public.ecr.aws/neuron/neuron-device-plugin:2.22.4.0\n' },
  ],
  invalid: [
    {
      name: 'the device plugin re-hosted on a private mirror',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: dp}\nspec:\n  template:\n    spec:\n      containers:\n        - image: registry.example.com/mirror/nvidia/k8s-device-plugin:latest\n',
      errors: [{ line: 8, column: 18, endColumn: 77, message: /mirrored/ }],
    },
    {
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: nvidia-device-plugin-daemonset\nspec:\n  template:\n    spec:\n      containers:\n        - image: nvcr.io/nvidia/k8s-device-plugin:v0.15.0\n          name: nvidia-device-plugin-ctr\n',
      errors: [{ line: 9, column: 18, endColumn: 58, message: /device-plugin/ }],
    },
    {
      code: 'apiVersion: nvidia.com/v1\nkind: ClusterPolicy\nmetadata:\n  name: cluster-policy\nspec: {}\n',
      errors: [{ line: 2, column: 7, endColumn: 20 }],
    },
    {
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: gpu-operator}\nspec:\n  source:\n    repoURL: https://helm.ngc.nvidia.com/nvidia\n    chart: gpu-operator\n    targetRevision: v24.3.0\n',
      errors: [{ line: 7, column: 12, endColumn: 24 }],
    },
  ],
});
