import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';
import type { Workload } from '../../core/types';
import { get, getPath, isTMap, isTScalar, isTSeq, items, parseYamlDocs, str, walk, type TMap, type TNode, type TPair, type TScalar } from './tree';

/** One YAML document the kubernetes rules read: a Kubernetes-style object or a Helm values file. */
export interface K8sDoc {
  root: TMap;
  /** '' for Helm values. */
  kind: string;
  apiVersion: string;
  isValues: boolean;
  name?: string;
  /** Training or inference, when the kind, name or labels tell it. */
  workload?: Workload;
}

export interface ParsedK8s {
  docs: K8sDoc[];
}

/** values.yaml, values-gpu.yaml, my-values.yml … (Helm chart values). */
export function isHelmValuesName(relPath: string): boolean {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase();
  return /(^|[-_.])values([-_.][^/]*)?\.ya?ml$/.test(base);
}

const TRAINING_KINDS = new Set(['PyTorchJob', 'TFJob', 'MPIJob', 'XGBoostJob', 'PaddleJob', 'JAXJob', 'TrainJob', 'TrainingRuntime', 'ClusterTrainingRuntime', 'RayJob', 'Job', 'CronJob', 'VolcanoJob']);
const INFERENCE_KINDS = new Set(['InferenceService', 'ServingRuntime', 'ClusterServingRuntime', 'RayService', 'InferenceGraph', 'LLMInferenceService']);

/** Training vs inference from names and labels ("llama-finetune", "vllm-server"). */
export function workloadFromText(text: string): Workload | undefined {
  const t = text.toLowerCase();
  const train = /train|finetun|fine-tun|pretrain/.test(t);
  const infer = /infer|serv(e|er|ing)|predict|vllm|tgi|triton|endpoint|deploy/.test(t);
  if (train && !infer) return 'training';
  if (infer && !train) return 'inference';
  return undefined;
}

function labelsText(n: TNode | undefined): string {
  if (!isTMap(n)) return '';
  return n.pairs.map((p) => `${p.key}=${str(p.value) ?? ''}`).join(' ');
}

function docWorkload(root: TMap, kind: string): Workload | undefined {
  if (TRAINING_KINDS.has(kind)) return 'training';
  if (INFERENCE_KINDS.has(kind)) return 'inference';
  const meta = get(root, 'metadata');
  return workloadFromText(`${str(get(meta, 'name')) ?? ''} ${labelsText(get(meta, 'labels'))} ${labelsText(getPath(root, 'spec', 'template', 'metadata', 'labels'))}`);
}

function isCloudFormation(root: TMap): boolean {
  return !!get(root, 'AWSTemplateFormatVersion') || isTMap(get(root, 'Resources'));
}

function collectK8sDocs(root: TNode, isValues: boolean, out: K8sDoc[]): void {
  if (!isTMap(root) || isCloudFormation(root)) return;
  const kind = str(get(root, 'kind'));
  const apiVersion = str(get(root, 'apiVersion'));
  if (kind && apiVersion) {
    if (kind === 'List' && isTSeq(get(root, 'items'))) {
      for (const it of items(get(root, 'items'))) collectK8sDocs(it, false, out);
      return;
    }
    out.push({ root, kind, apiVersion, isValues: false, name: str(getPath(root, 'metadata', 'name')), workload: docWorkload(root, kind) });
  } else if (isValues) {
    out.push({ root, kind: '', apiVersion: '', isValues: true });
  }
}

export const kubernetesParser: ParserAdapter<ParsedK8s> = {
  id: 'kubernetes-yaml',
  parse(doc: SourceDocument): ParsedK8s {
    const isValues = isHelmValuesName(doc.relPath);
    // Only documents with an apiVersion (or a Helm values file) become Kubernetes documents: a
    // YAML file without the word (a CloudFormation template, a CI file) is not parsed at all.
    if (!isValues && !doc.text.includes('apiVersion')) return { docs: [] };
    const { docs: roots, errors } = parseYamlDocs(doc.text, doc.cacheKey !== undefined);
    const docs: K8sDoc[] = [];
    for (const r of roots) collectK8sDocs(r, isValues, docs);
    if (errors.length && !docs.length) {
      // Helm templates ({{ … }}) and YAML that is not Kubernetes are none of our business.
      const looksK8s = /^apiVersion:/m.test(doc.text) && /^kind:/m.test(doc.text);
      if (looksK8s && !doc.text.includes('{{')) throw new Error(`invalid YAML: ${errors[0]}`);
    }
    return { docs };
  },
};

// ---------------------------------------------------------------- scheduling constraints

/** A node constraint: a nodeSelector entry, a node-affinity match expression or a Karpenter requirement. */
export interface Constraint {
  key: string;
  keyNode: TScalar;
  operator: string;
  values: TScalar[];
  /** "nodeSelector", "node affinity", "Karpenter requirement". */
  source: string;
}

/** Every node constraint in a document (pod templates at any depth, Helm values, Karpenter NodePools). */
export function constraintsOf(d: K8sDoc): readonly Constraint[] {
  return remember(constraintsMemo, d, constraintsOfUncached);
}

/**
 * Per document tree, what several rules ask for: each is a walk of the whole document, and nine
 * rules ask (the lists are shared: rules only read them). Keyed by the tree, which an open
 * document's unchanged YAML documents keep from one edit to the next (tree.ts).
 */
const pairsMemo = new WeakMap<TNode, { pair: TPair; path: readonly string[]; parent: TMap }[]>();
const imagesMemo = new WeakMap<TNode, { ref: string; node: TScalar }[]>();
const constraintsMemo = new WeakMap<TNode, Constraint[]>();

function remember<T>(memo: WeakMap<TNode, T>, d: K8sDoc, compute: (d: K8sDoc) => T): T {
  let v = memo.get(d.root);
  if (v === undefined) memo.set(d.root, (v = compute(d)));
  return v;
}

function constraintsOfUncached(d: K8sDoc): Constraint[] {
  const out: Constraint[] = [];
  walk(d.root, (node, path) => {
    const last = path[path.length - 1];
    if (last === 'nodeSelector' && isTMap(node)) {
      for (const p of node.pairs) {
        if (isTScalar(p.value) && p.value.value !== null) out.push({ key: p.key, keyNode: p.keyNode, operator: 'In', values: [p.value], source: 'nodeSelector' });
      }
    } else if ((last === 'matchExpressions' && path.some((k) => k === 'nodeAffinity' || k === 'nodeSelectorTerms')) || last === 'requirements') {
      for (const it of items(node)) {
        const keyNode = get(it, 'key');
        const key = str(keyNode);
        const operator = str(get(it, 'operator'));
        if (!key || !operator || !isTScalar(keyNode)) continue;
        const values = items(get(it, 'values')).filter(isTScalar);
        out.push({ key, keyNode, operator, values, source: last === 'requirements' ? 'Karpenter requirement' : 'node affinity' });
      }
    }
  });
  return out;
}

/** Map entries anywhere in a document, with the keys that lead to them. */
export function pairsOf(d: K8sDoc): readonly { pair: TPair; path: readonly string[]; parent: TMap }[] {
  return remember(pairsMemo, d, pairsOfUncached);
}

function pairsOfUncached(d: K8sDoc): { pair: TPair; path: readonly string[]; parent: TMap }[] {
  const out: { pair: TPair; path: readonly string[]; parent: TMap }[] = [];
  walk(d.root, (node, path) => {
    if (isTMap(node)) for (const p of node.pairs) out.push({ pair: p, path, parent: node });
  });
  return out;
}

/** Image references: `image: "repo:tag"` scalars, and Helm-style `image: {registry, repository, tag}` maps. */
export function imagesOf(d: K8sDoc): readonly { ref: string; node: TScalar }[] {
  return remember(imagesMemo, d, imagesOfUncached);
}

function imagesOfUncached(d: K8sDoc): { ref: string; node: TScalar }[] {
  const out: { ref: string; node: TScalar }[] = [];
  for (const { pair } of pairsOf(d)) {
    if (!/^image$/i.test(pair.key)) continue;
    const v = pair.value;
    if (isTScalar(v) && typeof v.value === 'string') out.push({ ref: v.value, node: v });
    else if (isTMap(v)) {
      const repo = get(v, 'repository') ?? get(v, 'name');
      const repoText = str(repo);
      if (!repoText || !isTScalar(repo)) continue;
      const registry = str(get(v, 'registry'));
      const tag = str(get(v, 'tag'));
      const ref = `${registry && !repoText.startsWith(registry) ? registry + '/' : ''}${repoText}${tag && !repoText.includes(':') ? ':' + tag : ''}`;
      out.push({ ref, node: repo });
    }
  }
  return out;
}
