import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';
import type { Workload } from '../../core/types';
import { get, getPath, isTMap, isTSeq, items, parseJsonTree, parseYamlDocs, str, type TMap, type TNode } from '../kubernetes/tree';
import { workloadFromText } from '../kubernetes/syntax';

/** ECS task definitions, AWS Batch job definitions and compute environments (CLI/API JSON shape, or YAML). */
export interface EcsDoc {
  kind: 'task-definition' | 'batch-job' | 'batch-compute-environment';
  name?: string;
  root: TMap;
  /** Container definitions (ECS) or container properties (Batch). */
  containers: TMap[];
  /** Maps holding runtimePlatform (task definition, Batch container properties). */
  platforms: TMap[];
  workload?: Workload;
}

export interface ParsedEcs {
  docs: EcsDoc[];
}

const CONTAINER_HINT = ['essential', 'portMappings', 'memory', 'memoryReservation', 'cpu', 'resourceRequirements', 'logConfiguration', 'command', 'entryPoint'];

function classify(root: TNode, out: EcsDoc[], name = ''): void {
  if (isTSeq(root)) {
    // A bare list of container definitions (Terraform's container_definitions file).
    const maps = root.items.filter(isTMap);
    if (maps.length && maps.length === root.items.length && maps.every((m) => str(get(m, 'image')) !== undefined && str(get(m, 'name')) !== undefined && CONTAINER_HINT.some((k) => get(m, k) !== undefined))) {
      out.push({ kind: 'task-definition', root: { kind: 'map', pairs: [], start: root.start, end: root.end }, containers: maps, platforms: [], workload: workloadFromText(`${name} ${maps.map((m) => str(get(m, 'name'))).join(' ')}`) });
    }
    return;
  }
  if (!isTMap(root) || get(root, 'AWSTemplateFormatVersion') || isTMap(get(root, 'Resources'))) return;
  const td = isTMap(get(root, 'taskDefinition')) ? (get(root, 'taskDefinition') as TMap) : root;
  if (isTSeq(get(td, 'containerDefinitions'))) {
    const family = str(get(td, 'family'));
    const containers = items(get(td, 'containerDefinitions')).filter(isTMap);
    out.push({ kind: 'task-definition', name: family, root: td, containers, platforms: [td], workload: workloadFromText(`${name} ${family ?? ''} ${containers.map((c) => str(get(c, 'name'))).join(' ')}`) });
    return;
  }
  const jobName = str(get(root, 'jobDefinitionName'));
  const containers: TMap[] = [];
  const cp = get(root, 'containerProperties');
  if (isTMap(cp)) containers.push(cp);
  for (const r of items(getPath(root, 'nodeProperties', 'nodeRangeProperties'))) {
    const c = get(r, 'container');
    if (isTMap(c)) containers.push(c);
  }
  for (const t of items(getPath(root, 'ecsProperties', 'taskProperties'))) for (const c of items(get(t, 'containers'))) if (isTMap(c)) containers.push(c);
  if (containers.length && (jobName || str(get(root, 'type')))) {
    out.push({ kind: 'batch-job', name: jobName, root, containers, platforms: containers, workload: workloadFromText(`${name} ${jobName ?? ''}`) ?? 'training' });
    return;
  }
  if (isTSeq(getPath(root, 'computeResources', 'instanceTypes'))) {
    const ceName = str(get(root, 'computeEnvironmentName'));
    out.push({ kind: 'batch-compute-environment', name: ceName, root, containers: [], platforms: [], workload: workloadFromText(`${name} ${ceName ?? ''}`) });
  }
}

export const ecsParser: ParserAdapter<ParsedEcs> = {
  id: 'ecs',
  parse(doc: SourceDocument): ParsedEcs {
    const docs: EcsDoc[] = [];
    const fileName = doc.baseName;
    if (/\.json$/i.test(doc.relPath)) {
      const { root, error } = parseJsonTree(doc.text);
      if (error) throw new Error(error);
      if (root) classify(root, docs, fileName);
    } else {
      // YAML errors are the kubernetes analyzer's to report; here they only mean "not ours".
      for (const r of parseYamlDocs(doc.text).docs) classify(r, docs, fileName);
    }
    return { docs };
  },
};
