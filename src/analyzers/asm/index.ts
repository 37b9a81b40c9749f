import { defineAnalyzer } from '../../core/rule';
import { x86AssemblyFile } from './rules/x86-assembly-file';
import { asmParser, type ParsedAsm } from './syntax';

/** Assembly sources (.s, .S, .asm): x86 assembly that needs an Arm port for Graviton. */
export const asmAnalyzer = defineAnalyzer<ParsedAsm>({
  id: 'asm',
  matches: (rel) => /\.(s|asm)$/i.test(rel),
  parser: asmParser,
  rules: [x86AssemblyFile],
});
