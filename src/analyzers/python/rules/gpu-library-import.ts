import type { RuleModule } from '../../../core/rule';
import type { SyntaxNode } from '../../../core/treesitter';
import { libraryForModule, type GpuLibrary } from '../../shared/gpu-libraries';
import { span, type ParsedPython } from '../syntax';

/** Whether an import sits in `try:` with an `except ImportError` (or broader) handler: an optional dependency. */
function isOptionalImport(stmt: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = stmt.parent; n; n = n.parent) {
    if (n.type === 'block' && n.parent?.type === 'try_statement' && n.parent.childForFieldName('body')?.id === n.id) {
      return n.parent.namedChildren.some(
        (c) => c?.type === 'except_clause' && (c.namedChildren.length === 1 || /ImportError|ModuleNotFoundError|Exception\b/.test(c.namedChildren[0]?.text ?? '')),
      );
    }
    if (n.type === 'function_definition' || n.type === 'class_definition') return false;
  }
  return false;
}

/** Module names (with their node) imported by one statement. */
function importedModules(stmt: SyntaxNode): { module: string; node: SyntaxNode }[] {
  const out: { module: string; node: SyntaxNode }[] = [];
  if (stmt.type === 'import_statement') {
    for (const child of stmt.namedChildren) {
      if (!child) continue;
      const name = child.type === 'aliased_import' ? child.childForFieldName('name') : child.type === 'dotted_name' ? child : null;
      if (name) out.push({ module: name.text, node: name });
    }
    return out;
  }
  const moduleNode = stmt.childForFieldName('module_name');
  if (!moduleNode || moduleNode.type !== 'dotted_name') return out; // relative imports are the project's own code
  out.push({ module: moduleNode.text, node: moduleNode });
  for (const child of stmt.childrenForFieldName('name')) {
    if (!child) continue;
    const name = child.type === 'aliased_import' ? child.childForFieldName('name') : child;
    if (name) out.push({ module: `${moduleNode.text}.${name.text}`, node: name });
  }
  return out;
}

/** `import` / `from … import` of an NVIDIA-only library (flash_attn, triton, cupy, numba.cuda, …). */
export const gpuLibraryImport: RuleModule<ParsedPython> = {
  meta: {
    id: 'python/gpu-library-import',
    category: 'gpu-library',
    severity: 'warning',
    effort: 'medium',
    description: 'An import of an NVIDIA-only library: flash-attn, triton, bitsandbytes, xformers, apex, cupy, pycuda, numba.cuda, tensorrt, vllm, deepspeed, RAPIDS, DALI, NVML, cuda-python.',
  },
  check(parsed, ctx) {
    const stmts = [...parsed.byType('import_statement'), ...parsed.byType('import_from_statement')];
    for (const stmt of stmts) {
      const seen = new Set<GpuLibrary>();
      for (const { module, node } of importedModules(stmt)) {
        const lib = libraryForModule(module);
        if (!lib || seen.has(lib)) continue;
        seen.add(lib);
        const optional = isOptionalImport(stmt);
        const s = span(parsed, node);
        ctx.report({
          start: s.start,
          end: s.end,
          message: `\`${module}\` imports ${lib.what}, NVIDIA GPUs only${optional ? " (an optional import with a fallback)" : ""}.`,
          advice: lib.advice[ctx.neuronTrack],
          severity: optional ? 'info' : lib.severity,
          effort: lib.effort,
          cudaKind: 'library',
        });
      }
    }
  },
};
