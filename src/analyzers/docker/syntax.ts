import type { SourceDocument } from '../../core/document';
import type { ParserAdapter } from '../../core/rule';
import { get, isTMap, parseYamlDocs, type TMap, type TNode } from '../kubernetes/tree';
import { tokenizeDockerfile, type ParsedDockerfile } from './dockerfile';

/** A compose file: its services by name. */
export interface ParsedCompose {
  kind: 'compose';
  services: { name: string; node: TMap }[];
  root: TNode;
}

export type ParsedDocker = ParsedDockerfile | ParsedCompose;

const SOURCE_EXT = /\.(md|markdown|rst|txt|adoc|html?|json|ya?ml|toml|sh|bash|ps1|py|ts|js|mjs|cjs|go|rs|java|rb|php|cs|kt|swift|lock|sum|bak|orig|swp)$/i;

/** Dockerfile / Containerfile under the names people use: Dockerfile, Dockerfile.gpu, gpu.Dockerfile, Dockerfile-cuda … */
export function isDockerfileName(relPath: string): boolean {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'dockerfile' || base === 'containerfile') return true;
  if (/^(dockerfile|containerfile)[._-].+/.test(base)) return !SOURCE_EXT.test(base);
  return /.[._-](dockerfile|containerfile)$/.test(base);
}

/** docker-compose.yml, docker-compose.gpu.yaml, compose.yaml, compose.override.yml … */
export function isComposeName(relPath: string): boolean {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase();
  return /^(docker-)?compose([._-][^/]*)?\.ya?ml$/.test(base);
}

function parseCompose(doc: SourceDocument): ParsedCompose {
  const { docs, errors } = parseYamlDocs(doc.text);
  if (errors.length) throw new Error(`invalid YAML in compose file: ${errors[0]}`);
  const root = docs[0];
  const services: ParsedCompose['services'] = [];
  const svc = get(root, 'services');
  if (isTMap(svc)) {
    for (const p of svc.pairs) if (isTMap(p.value)) services.push({ name: p.key, node: p.value });
  }
  return { kind: 'compose', services, root: root ?? { kind: 'map', pairs: [], start: 0, end: 0 } };
}

export const dockerParser: ParserAdapter<ParsedDocker> = {
  id: 'docker',
  parse(doc: SourceDocument): ParsedDocker {
    if (isComposeName(doc.relPath)) return parseCompose(doc);
    return tokenizeDockerfile(doc.text);
  },
};
