import type { RuleModule } from '../../../core/rule';
import { kernelAdvice } from '../advice';
import { matchClose, tokensNamed, type CToken, type ParsedCpp } from '../syntax';

/** Qualifiers that may sit between `__global__` and the kernel's name, with or without arguments. */
const SKIP_WITH_ARGS = new Set(['__launch_bounds__', '__maxnreg__', '__cluster_dims__', '__attribute__', '__declspec', 'alignas', '__align__', 'decltype']);
const STOP = new Set([';', '=', '{', '}', '[', ',']);

interface FoundFunction {
  name: CToken;
  isDefinition: boolean;
}

/** From a qualifier token, the function it qualifies: the first `name(` that is not another qualifier. */
function functionAfter(tokens: readonly CToken[], from: number): FoundFunction | undefined {
  for (let j = from + 1; j < tokens.length && j < from + 40; j++) {
    const t = tokens[j];
    if (STOP.has(t.text) || t.text === '(') return undefined;
    if (t.kind !== 'ident') continue;
    if (tokens[j + 1]?.text !== '(') continue;
    const close = matchClose(tokens, j + 1);
    if (close < 0) return undefined;
    if (SKIP_WITH_ARGS.has(t.text)) {
      j = close;
      continue;
    }
    // After the parameter list: `{` (definition) or `;` (declaration), past const/noexcept/attributes.
    for (let k = close + 1; k < tokens.length && k < close + 12; k++) {
      const x = tokens[k].text;
      if (x === '{') return { name: t, isDefinition: true };
      if (x === ';' || x === '=' || x === ',') return { name: t, isDefinition: false };
    }
    return { name: t, isDefinition: false };
  }
  return undefined;
}

/** Whether `__host__` (or a host-device macro) qualifies the same declaration. */
function alsoHost(parsed: ParsedCpp, i: number): boolean {
  const { tokens } = parsed;
  const isHost = (t: CToken) => t.text === '__host__' || parsed.qualifierMacros.get(t.text) === 'host-device';
  for (let j = i - 1; j >= 0 && j > i - 8; j--) {
    const x = tokens[j].text;
    if (x === ';' || x === '}' || x === '{' || x === '>' || x === ')') break;
    if (isHost(tokens[j])) return true;
  }
  for (let j = i + 1; j < tokens.length && j < i + 8; j++) {
    if (tokens[j].text === '(' || tokens[j].text === ';') break;
    if (isHost(tokens[j])) return true;
  }
  return false;
}

/** `__global__` kernels and `__device__`-only functions defined in C++/CUDA sources. */
export const kernelDefinition: RuleModule<ParsedCpp> = {
  meta: {
    id: 'cuda/kernel-definition',
    category: 'cuda-source',
    severity: 'warning',
    effort: 'high',
    description: 'A CUDA kernel (__global__) or device-only function (__device__) defined in the source: it must be rewritten for Trainium.',
  },
  check(parsed, ctx) {
    const { tokens } = parsed;
    const seen = new Set<number>();
    for (const i of tokensNamed(parsed, ['__global__', '__device__', ...parsed.qualifierMacros.keys()])) {
      const t = tokens[i];
      if (t.kind !== 'ident' || t.inMacro) continue;
      const alias = parsed.qualifierMacros.get(t.text);
      const role = t.text === '__global__' || alias === 'global' ? 'global' : t.text === '__device__' || alias === 'device' ? 'device' : undefined;
      if (!role) continue;
      if (role === 'device' && alsoHost(parsed, i)) continue;
      const fn = functionAfter(tokens, i);
      if (!fn || !fn.isDefinition || seen.has(fn.name.start)) continue;
      seen.add(fn.name.start);
      const name = fn.name.text;
      if (role === 'global') {
        ctx.report({
          start: fn.name.start,
          end: fn.name.end,
          message: `CUDA kernel \`${name}\` (__global__).`,
          advice: kernelAdvice(ctx.neuronTrack),
          cudaKind: 'kernel',
        });
      } else {
        ctx.report({
          start: fn.name.start,
          end: fn.name.end,
          message: `CUDA device function \`${name}\` (__device__).`,
          advice: `Device helpers are ported together with the kernels that call them: ${kernelAdvice(ctx.neuronTrack)}`,
          severity: 'info',
          cudaKind: 'kernel',
        });
      }
    }
  },
};
