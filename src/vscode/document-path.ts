/**
 * Which path the engine sees for an editor document. Analyzers choose files by path
 * (`matches(relPath)`), so an open file is analysed under its workspace-relative path, and an
 * untitled document (or a file whose name no analyzer knows but whose language one does) under a
 * synthetic name chosen by its language id. Editor-free.
 */
import * as path from 'node:path';

/** Language id → a file name the analyzers read. */
export const SYNTHETIC_NAMES: Readonly<Record<string, string>> = {
  python: 'untitled.py',
  terraform: 'untitled.tf',
  'terraform-vars': 'untitled.tfvars',
  hcl: 'untitled.tf',
  yaml: 'untitled.yaml',
  dockerfile: 'Dockerfile',
  dockercompose: 'docker-compose.yml',
  json: 'untitled.json',
  jsonc: 'untitled.json',
  c: 'untitled.c',
  cpp: 'untitled.cpp',
  'cuda-cpp': 'untitled.cu',
  typescript: 'untitled.ts',
  typescriptreact: 'untitled.tsx',
  javascript: 'untitled.js',
  javascriptreact: 'untitled.jsx',
  toml: 'pyproject.toml',
  'pip-requirements': 'requirements.txt',
  shellscript: 'untitled.sh',
  cmake: 'CMakeLists.txt',
  makefile: 'Makefile',
};

export interface PathInput {
  /** Absolute file system path, when the document is a file on disk. */
  fsPath?: string;
  /** The workspace folder containing it, if any. */
  folderPath?: string;
  languageId: string;
  /** Whether some analyzer reads this relative path. */
  matches: (relPath: string) => boolean;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** The relative path to analyse a document under; undefined when no analyzer would read it. */
export function analysisPath(input: PathInput): string | undefined {
  let rel: string | undefined;
  if (input.fsPath) {
    rel = input.folderPath ? toPosix(path.relative(input.folderPath, input.fsPath)) : path.basename(input.fsPath);
    if (rel.startsWith('../')) rel = path.basename(input.fsPath);
    if (input.matches(rel)) return rel;
  }
  const synthetic = SYNTHETIC_NAMES[input.languageId];
  if (!synthetic) return undefined;
  const dir = rel && rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
  const candidate = dir + synthetic;
  return input.matches(candidate) ? candidate : undefined;
}
