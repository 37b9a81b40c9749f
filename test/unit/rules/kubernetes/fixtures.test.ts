import assert from 'node:assert/strict';
import * as path from 'node:path';
import { dockerAnalyzer } from '../../../../src/analyzers/docker';
import { ecsAnalyzer } from '../../../../src/analyzers/ecs';
import { kubernetesAnalyzer } from '../../../../src/analyzers/kubernetes';
import { DEFAULT_CONFIG } from '../../../../src/core/config';
import { scanFolder } from '../../../../src/core/engine';
import type { Analyzer } from '../../../../src/core/rule';

const analyzers = [dockerAnalyzer, kubernetesAnalyzer, ecsAnalyzer] as Analyzer[];
const root = path.resolve(__dirname, '../../../fixtures');

describe('container and scheduler fixtures (kubernetes/*, docker/*, ecs/*)', () => {
  it('finds the Helm values GPU settings, ignores the unparsable template and CloudFormation', async () => {
    const r = await scanFolder(path.join(root, 'kubernetes'), { config: DEFAULT_CONFIG, analyzers });
    assert.deepEqual(r.errors, []);
    const got = r.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
    assert.deepEqual(got, [
      'gpu-operator-clusterpolicy.yaml:2 kubernetes/nvidia-device-plugin',
      'helm-vllm/values.yaml:4 kubernetes/cuda-image',
      'helm-vllm/values.yaml:13 kubernetes/gpu-resource',
      'helm-vllm/values.yaml:15 kubernetes/gpu-node-selector',
      'helm-vllm/values.yaml:17 kubernetes/gpu-toleration',
    ]);
  });

  it('reads a Dockerfile with ARG-built tags, heredocs and comments', async () => {
    const r = await scanFolder(path.join(root, 'docker'), { config: DEFAULT_CONFIG, analyzers });
    assert.deepEqual(r.errors, []);
    const got = r.findings.map((f) => `${f.line} ${f.ruleId}`);
    assert.deepEqual(got, ['3 docker/cuda-image', '4 docker/cuda-wheel-index', '6 docker/cuda-image', '8 docker/nvidia-env']);
  });
});
