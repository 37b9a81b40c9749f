import type { Analyzer } from '../core/rule';
import { cudaAnalyzer } from './cuda';
import { cmakeAnalyzer } from './cmake';
import { makeAnalyzer } from './make';
import { asmAnalyzer } from './asm';
import { pythonAnalyzer } from './python';
import { manifestsAnalyzer } from './manifests';
import { dockerAnalyzer } from './docker';
import { kubernetesAnalyzer } from './kubernetes';
import { ecsAnalyzer } from './ecs';
import { terraformAnalyzer } from './terraform';
import { cloudformationAnalyzer } from './cloudformation';
import { cdkAnalyzer } from './cdk';
import { cdkPythonAnalyzer } from './cdk-python';
import { sagemakerAnalyzer } from './sagemaker';
import { configAnalyzer } from './config';

/**
 * Every analyzer, in priority order: when two see the same token, the earlier one's finding is
 * kept, so specific analyzers come before generic ones.
 */
export const allAnalyzers: readonly Analyzer[] = [
  pythonAnalyzer,
  manifestsAnalyzer,
  dockerAnalyzer,
  kubernetesAnalyzer,
  ecsAnalyzer,
  terraformAnalyzer,
  cloudformationAnalyzer,
  cudaAnalyzer,
  cmakeAnalyzer,
  makeAnalyzer,
  asmAnalyzer,
  cdkAnalyzer,
  cdkPythonAnalyzer,
  sagemakerAnalyzer,
  // generic analyzers last
  configAnalyzer,
] as Analyzer[];

/** Every rule's metadata, for SARIF rules[] and the editor. */
export function ruleDescriptors(): { id: string; description: string; category: string; severity: 'error' | 'warning' | 'info' }[] {
  return allAnalyzers
    .flatMap((a) => a.rules.map((r) => ({ id: r.meta.id, description: r.meta.description, category: r.meta.category, severity: r.meta.severity })))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
