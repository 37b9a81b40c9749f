import type { Category, Effort, Finding, Severity } from '../core/types';

/**
 * The lock-in score: 0 (portable) … 100 (deeply locked in).
 *
 *   weight(f)  = CATEGORY_WEIGHT[category] × SEVERITY_FACTOR[severity] × EFFORT_FACTOR[effort]
 *   pressure   = Σ weight(f) / SCALE  +  BREADTH × (files with a blocking finding / files scanned)
 *   score      = round(100 × (1 − e^(−pressure)))
 *
 * Every term is ≥ 0 and the files-touched share never falls when a finding is added, so adding a
 * finding never lowers the score (monotone). Portable instances weigh nothing. The exponential
 * saturates: the first hard bindings move the score most, and a huge repository tends to 100
 * only when it is locked in widely.
 */
export const CATEGORY_WEIGHT: Record<Category, number> = {
  'cuda-source': 3,
  'framework-cuda': 1.5,
  'gpu-library': 2,
  'gpu-instance': 1.5,
  'x86-instance': 0.5,
  'portable-instance': 0,
  'cuda-image': 1,
  'gpu-scheduling': 1,
  'x86-code': 1,
};
export const SEVERITY_FACTOR: Record<Severity, number> = { error: 1.5, warning: 1, info: 0.3 };
export const EFFORT_FACTOR: Record<Effort, number> = { none: 0, low: 0.5, medium: 1, high: 2 };
export const SCALE = 40;
export const BREADTH = 1;

export function findingWeight(f: Pick<Finding, 'category' | 'severity' | 'effort'>): number {
  return CATEGORY_WEIGHT[f.category] * SEVERITY_FACTOR[f.severity] * EFFORT_FACTOR[f.effort];
}

export function lockInScore(findings: readonly Finding[], filesScanned: number): number {
  let sum = 0;
  const touched = new Set<string>();
  for (const f of findings) {
    const w = findingWeight(f);
    sum += w;
    if (w > 0) touched.add(f.file);
  }
  const share = filesScanned > 0 ? Math.min(1, touched.size / filesScanned) : touched.size ? 1 : 0;
  const pressure = sum / SCALE + BREADTH * share;
  return Math.round(100 * (1 - Math.exp(-pressure)));
}

/** Per-file score: the same formula over one file's findings (the file counts as touched). */
export function fileScores(findings: readonly Finding[]): Record<string, number> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const out: Record<string, number> = {};
  for (const file of [...byFile.keys()].sort()) out[file] = lockInScore(byFile.get(file)!, 1);
  return out;
}
