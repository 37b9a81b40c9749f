import type { Workload } from '../../core/types';

const TRAIN_RE = /train|fine[-_]?tun/i;
const INFER_RE = /infer|serving|\bserve|predict|endpoint|hosting/i;

/**
 * Training or inference from the names people give resources, groups and labels (a node group
 * called "gpu-inference", a stack parameter "TrainingInstanceType"); undefined when unclear or
 * when both appear.
 */
export function workloadFromNames(names: (string | undefined)[]): Workload | undefined {
  let train = false;
  let infer = false;
  for (const n of names) {
    if (!n) continue;
    if (TRAIN_RE.test(n)) train = true;
    if (INFER_RE.test(n)) infer = true;
  }
  return train === infer ? undefined : train ? 'training' : 'inference';
}
