import type { Category, Effort, Finding, Severity } from '../core/types';

/**
 * The lock-in score: 0 (portable) … 100 (deeply locked in).
 *
 *   weight(f)   = CATEGORY_WEIGHT[category] × SEVERITY_FACTOR[severity] × EFFORT_FACTOR[effort]
 *   fileLoad(F) = min(1, Σ weight(f in F) / FILE_SATURATION)         how locked in one file is
 *   breadth     = min(1, Σ fileLoad(F) / files scanned)              how much of the code base
 *   pressure    = Σ weight(f) / VOLUME_SCALE  +  BREADTH_WEIGHT × breadth
 *   score       = round(100 × (1 − e^(−pressure)))
 *
 * Every term grows (or stays) when a finding is added, so adding a finding never lowers the
 * score. Portable instances weigh nothing. A few hard bindings spread over many files of a large
 * code base score lower than the same bindings in a small one; sheer volume still pushes the
 * score up through the first term. A file's own score is the same formula with one file scanned.
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
export const VOLUME_SCALE = 400;
export const FILE_SATURATION = 4;
export const BREADTH_WEIGHT = 2;

export function findingWeight(f: Pick<Finding, 'category' | 'severity' | 'effort'>): number {
  return CATEGORY_WEIGHT[f.category] * SEVERITY_FACTOR[f.severity] * EFFORT_FACTOR[f.effort];
}

export function lockInScore(findings: readonly Finding[], filesScanned: number): number {
  let sum = 0;
  const perFile = new Map<string, number>();
  for (const f of findings) {
    const w = findingWeight(f);
    if (w <= 0) continue;
    sum += w;
    perFile.set(f.file, (perFile.get(f.file) ?? 0) + w);
  }
  let load = 0;
  for (const w of perFile.values()) load += Math.min(1, w / FILE_SATURATION);
  return scoreOf(sum, load, filesScanned);
}

function scoreOf(sum: number, load: number, filesScanned: number): number {
  const breadth = Math.min(1, load / Math.max(filesScanned, 1));
  const pressure = sum / VOLUME_SCALE + BREADTH_WEIGHT * breadth;
  return Math.round(100 * (1 - Math.exp(-pressure)));
}

/**
 * Per-file score: the same formula over one file's findings (the file counts as touched), summed
 * in one pass (calling lockInScore per file had V8 throw its optimised code away on every call:
 * 3,500 deoptimisations in a 20,000-file scan's report).
 */
export function fileScores(findings: readonly Finding[]): Record<string, number> {
  const sums = new Map<string, number>();
  for (const f of findings) {
    const w = findingWeight(f);
    sums.set(f.file, (sums.get(f.file) ?? 0) + (w > 0 ? w : 0));
  }
  const out: Record<string, number> = {};
  for (const file of [...sums.keys()].sort()) {
    const sum = sums.get(file)!;
    out[file] = scoreOf(sum, Math.min(1, sum / FILE_SATURATION), 1);
  }
  return out;
}
