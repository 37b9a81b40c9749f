import type { SyntaxNode } from '../../core/treesitter';
import type { Workload } from '../../core/types';
import { callArguments, calleeName, methodName, stringValue, type ParsedPython } from '../python/syntax';

/**
 * Where an instance type literal in Python flows: the call it configures (a SageMaker estimator,
 * `.deploy`, a boto3 request), the count beside it and the deployed resource it names. Only
 * literals in the same file are read.
 */
export interface PySite {
  call?: SyntaxNode;
  /** Qualified callee, e.g. "sagemaker.pytorch.PyTorch" or "sm.create_training_job". */
  callee?: string;
  /** Keyword or dict key the value sits under ("instance_type", "InstanceType"). */
  key?: string;
  workload?: Workload;
  /** Why: shown in the advice. */
  reason?: string;
  /** A job that is neither training nor inference (processing, notebook): said in the advice. */
  note?: string;
  count?: number;
  /** Variable the call's result is assigned to, or a literal resource name. */
  resourceName?: string;
  /** Short description of the place. */
  where?: string;
}

const TRAINING_CLASSES = new Set([
  'Estimator', 'EstimatorBase', 'Framework', 'PyTorch', 'TensorFlow', 'HuggingFace', 'MXNet', 'SKLearn', 'XGBoost', 'Chainer',
  'RLEstimator', 'JumpStartEstimator', 'AlgorithmEstimator', 'ModelTrainer', 'Compute', 'KMeans', 'PCA', 'LinearLearner',
  'FactorizationMachines', 'NTM', 'LDA', 'RandomCutForest', 'KNN', 'Object2Vec', 'IPInsights', 'AmazonAlgorithmEstimatorBase',
]);
const TRAINING_METHODS = new Set(['create_training_job', 'create_hyper_parameter_tuning_job', 'create_cluster', 'create_training_plan']);
const TRAINING_KEYS = new Set(['ResourceConfig', 'InstanceGroups', 'TrainingJobDefinition', 'HyperParameterTrainingJobDefinition']);
const INFERENCE_METHODS = new Set(['deploy', 'transformer', 'create_endpoint_config', 'create_transform_job', 'production_variant', 'update_endpoint', 'create_inference_component']);
const INFERENCE_CLASSES = new Set(['Transformer', 'ModelBuilder', 'ProductionVariant', 'JumpStartModel', 'Model', 'ModelPackage', 'MultiDataModel']);
const INFERENCE_KEYS = new Set(['ProductionVariants', 'TransformResources']);
const PROCESSING_METHODS = new Set(['create_processing_job']);
const NOTEBOOK_METHODS = new Set(['create_notebook_instance', 'update_notebook_instance']);
const EC2_METHODS = new Set(['run_instances', 'request_spot_instances', 'create_launch_template', 'create_fleet']);

const COUNT_KEYS = ['instance_count', 'initial_instance_count', 'InstanceCount', 'InitialInstanceCount', 'MaxCount', 'MinCount', 'count'];

/** Values climbed through on the way from a literal to the call that consumes it. */
const CONTAINERS = new Set(['list', 'tuple', 'set', 'dictionary', 'pair', 'keyword_argument', 'argument_list', 'parenthesized_expression', 'conditional_expression', 'boolean_operator']);

function lastSegment(name: string | undefined): string {
  return name ? name.slice(name.lastIndexOf('.') + 1) : '';
}

/** A literal whole number, directly or through a module-level `NAME = 3`. */
export function intValue(parsed: ParsedPython, node: SyntaxNode | null | undefined, bindings: Map<string, SyntaxNode>): number | undefined {
  if (!node) return undefined;
  if (node.type === 'integer' && /^\d+$/.test(node.text)) return Number(node.text);
  if (node.type === 'identifier') {
    const v = bindings.get(node.text);
    if (v && v.type === 'integer' && /^\d+$/.test(v.text)) return Number(v.text);
  }
  if (node.type === 'string') {
    const s = stringValue(node);
    if (s && /^\d+$/.test(s)) return Number(s);
  }
  return undefined;
}

/** Name → value node for simple `NAME = <literal>` assignments (the last one wins). */
export function simpleBindings(parsed: ParsedPython): Map<string, SyntaxNode> {
  const map = new Map<string, SyntaxNode>();
  for (const a of parsed.byType('assignment')) {
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type === 'identifier' && right && (right.type === 'integer' || right.type === 'string')) map.set(left.text, right);
  }
  return map;
}

function dictKey(pair: SyntaxNode): string | undefined {
  const k = pair.childForFieldName('key');
  return k ? stringValue(k) ?? (k.type === 'identifier' ? k.text : undefined) : undefined;
}

function countInDict(parsed: ParsedPython, dict: SyntaxNode, bindings: Map<string, SyntaxNode>): number | undefined {
  const values = new Map<string, SyntaxNode>();
  for (const pair of dict.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const k = dictKey(pair);
    const v = pair.childForFieldName('value');
    if (k && v) values.set(k, v);
  }
  for (const k of COUNT_KEYS) {
    const n = intValue(parsed, values.get(k), bindings);
    if (n !== undefined) return n;
  }
  return undefined;
}

/** The variable a call's result is assigned to (`est = PyTorch(...)` → "est"). */
function assignedName(call: SyntaxNode): string | undefined {
  let n: SyntaxNode | null = call;
  while (n?.parent && (n.parent.type === 'parenthesized_expression' || n.parent.type === 'await')) n = n.parent;
  const p = n?.parent;
  if (p?.type === 'assignment' && p.childForFieldName('right')?.id === n!.id) {
    const left = p.childForFieldName('left');
    if (left && (left.type === 'identifier' || left.type === 'attribute')) return left.text;
  }
  return undefined;
}

/** Classifies the consuming call and the keys on the way. */
function classify(site: PySite, keysOnPath: string[], parsed: ParsedPython): void {
  const callee = site.callee ?? '';
  const last = lastSegment(callee);
  const method = site.call ? methodName(site.call) : undefined;
  const keys = new Set(keysOnPath);
  const m = method ?? last;
  if (TRAINING_METHODS.has(m) || [...keys].some((k) => TRAINING_KEYS.has(k))) {
    site.workload = 'training';
    site.reason = m === 'create_cluster' ? 'a SageMaker HyperPod cluster runs training' : 'a SageMaker training job';
    site.where = `boto3 ${m}`;
  } else if (INFERENCE_METHODS.has(m) && method) {
    site.workload = 'inference';
    site.reason = m === 'transformer' || m === 'create_transform_job' ? 'batch transform runs inference' : `${m} serves inference`;
    site.where = m === 'deploy' ? `${callee}()` : m.startsWith('create_') ? `boto3 ${m}` : `${callee}()`;
  } else if ([...keys].some((k) => INFERENCE_KEYS.has(k))) {
    site.workload = 'inference';
    site.reason = 'an endpoint configuration or transform job serves inference';
  } else if (TRAINING_CLASSES.has(last) || /Estimator$/.test(last)) {
    site.workload = 'training';
    site.reason = `a SageMaker estimator (${last}) runs training jobs`;
    site.where = `SageMaker estimator ${last}`;
  } else if (INFERENCE_CLASSES.has(last) || /Model$/.test(last)) {
    site.workload = 'inference';
    site.reason = `${last} serves inference`;
    site.where = `SageMaker ${last}`;
  } else if (/Processor$/.test(last) || PROCESSING_METHODS.has(m)) {
    site.note = 'A processing job is neither training nor inference: the counterpart is a size match.';
    site.where = /Processor$/.test(last) ? `SageMaker processor ${last}` : `boto3 ${m}`;
  } else if (NOTEBOOK_METHODS.has(m) || /NotebookInstance/.test(last)) {
    site.note = 'This is a notebook instance (development): size it for interactive work; Neuron notebooks run on ml.trn1/ml.inf2 hosts.';
    site.where = `boto3 ${m}`;
  } else if (EC2_METHODS.has(m)) {
    site.where = `boto3 ec2 ${m}`;
  }
  void parsed;
}

/**
 * Climbs from a value (a literal, or a use of the name bound to it) to the call it configures,
 * collecting keys on the way and the count beside it.
 */
export function pySiteOf(parsed: ParsedPython, value: SyntaxNode, bindings: Map<string, SyntaxNode>): PySite {
  const site: PySite = {};
  const keys: string[] = [];
  let node: SyntaxNode = value;
  while (node.parent && CONTAINERS.has(node.parent.type)) {
    const p: SyntaxNode = node.parent;
    if (p.type === 'pair' && p.childForFieldName('value')?.id === node.id) {
      const k = dictKey(p);
      if (k) keys.push(k);
    } else if (p.type === 'pair') return site; // a dict key, not a value
    if (p.type === 'keyword_argument') {
      const k = p.childForFieldName('name')?.text;
      if (k) keys.push(k);
    }
    if (p.type === 'dictionary' && site.count === undefined) site.count = countInDict(parsed, p, bindings);
    if (p.type === 'argument_list' && p.parent?.type === 'call') {
      site.call = p.parent;
      break;
    }
    node = p;
  }
  site.key = keys[0];
  if (site.call) {
    site.callee = calleeName(parsed, site.call);
    const kw = callArguments(site.call).keywords;
    if (site.count === undefined) {
      for (const k of COUNT_KEYS) {
        const n = intValue(parsed, kw.get(k), bindings);
        if (n !== undefined) {
          site.count = n;
          break;
        }
      }
    }
    site.resourceName = assignedName(site.call);
    if (!site.resourceName) {
      for (const k of ['EndpointConfigName', 'TrainingJobName', 'NotebookInstanceName', 'TransformJobName', 'ProcessingJobName', 'ClusterName', 'endpoint_name', 'job_name']) {
        const s = stringValue(kw.get(k));
        if (s) {
          site.resourceName = s;
          break;
        }
      }
    }
    classify(site, keys, parsed);
  }
  return site;
}

/** A use of `name` (not its assignment) that sits in a call, for a literal bound to a variable. */
export function usesOf(parsed: ParsedPython, name: string, declaration: SyntaxNode): SyntaxNode[] {
  return parsed.byType('identifier').filter((id) => {
    if (id.text !== name || id.id === declaration.id) return false;
    const p = id.parent;
    if (!p) return false;
    if (p.type === 'keyword_argument' && p.childForFieldName('name')?.id === id.id) return false;
    if (p.type === 'attribute' && p.childForFieldName('attribute')?.id === id.id) return false;
    if (p.type === 'assignment' && p.childForFieldName('left')?.id === id.id) return false;
    return true;
  });
}
