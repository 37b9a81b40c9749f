import type { RuleModule } from '../../../core/rule';
import type { CudaRefKind, Fix } from '../../../core/types';
import { stringContent, tokensWhere, type CToken, type ParsedCpp } from '../syntax';

/** How a string literal token starts: its prefix, if any, and quote. */
const STRING_START = /^(?:u8|u|U|L)?R?["']/;

function advice(track: 'native' | 'xla'): string {
  return track === 'native'
    ? 'Do not hard-code the CUDA device in libtorch code: take a torch::Device from the caller (the tensor\'s own x.device()) so the op can run on the Neuron device of the native backend.'
    : 'Do not hard-code the CUDA device in libtorch code: take a torch::Device from the caller, or use torch::kXLA on the torch-xla track.';
}

/** Start of a qualified name ending at tokens[i]: `torch::kCUDA`, `c10::DeviceType::CUDA`. */
function qualifiedStart(tokens: readonly CToken[], i: number): number {
  let j = i;
  while (j >= 2 && tokens[j - 1].text === '::' && tokens[j - 2].kind === 'ident') j -= 2;
  return j;
}

/**
 * libtorch (C++) code bound to CUDA: `torch::kCUDA`/`at::kCUDA`/`DeviceType::CUDA`, `torch::Device("cuda")`,
 * `tensor.cuda()`, `torch::cuda::*` and `at::cuda::`/`c10::cuda::` streams and guards.
 */
export const libtorchCudaDevice: RuleModule<ParsedCpp> = {
  meta: {
    id: 'cuda/libtorch-cuda-device',
    category: 'framework-cuda',
    severity: 'warning',
    effort: 'low',
    description: 'libtorch C++ code bound to the CUDA device: torch::kCUDA, DeviceType::CUDA, torch::Device("cuda"), .cuda(), torch::cuda::/at::cuda:: APIs.',
    fixable: true,
  },
  check(parsed, ctx) {
    const { tokens } = parsed;
    const track = ctx.neuronTrack;
    const report = (start: number, end: number, message: string, cudaKind: CudaRefKind, fix?: Fix, effort?: 'low' | 'medium' | 'high') =>
      ctx.report({ start, end, message, advice: advice(track), cudaKind, fixes: fix ? [fix] : undefined, effort });
    // The names this rule reads, and string literals that mention CUDA (`"cuda:0"`).
    const mayMatter = (x: string) => x === 'kCUDA' || x === 'CUDA' || x === 'cuda' || (STRING_START.test(x) && x.includes('cuda'));
    for (const i of tokensWhere(parsed, 'kCc"\'uULR', mayMatter)) {
      const t = tokens[i];
      const prev = tokens[i - 1]?.text;
      if (t.kind === 'ident' && (t.text === 'kCUDA' || (t.text === 'CUDA' && prev === '::' && tokens[i - 2]?.text === 'DeviceType'))) {
        const s = tokens[qualifiedStart(tokens, i)].start;
        const fix = track === 'xla' ? { title: `Use ${t.text === 'kCUDA' ? 'kXLA' : 'XLA'}`, edits: [{ start: t.start, end: t.end, newText: t.text === 'kCUDA' ? 'kXLA' : 'XLA' }] } : undefined;
        report(s, t.end, `libtorch device \`${parsed.text.slice(s, t.end)}\` pins this code to CUDA.`, 'device', fix);
        continue;
      }
      // tensor.cuda() / module->cuda()
      if (t.kind === 'ident' && t.text === 'cuda' && (prev === '.' || prev === '->') && tokens[i + 1]?.text === '(' && tokens[i + 2]?.text === ')') {
        const end = tokens[i + 2].end;
        const fix = track === 'xla' ? { title: 'Replace .cuda() with .to(torch::kXLA)', edits: [{ start: t.start, end, newText: 'to(torch::kXLA)' }] } : undefined;
        report(t.start, end, '`.cuda()` moves this tensor or module to an NVIDIA GPU.', 'memory', fix);
        continue;
      }
      // torch::Device("cuda:0"), tensor.to("cuda")
      if (t.kind === 'string' && /^cuda(:\d+)?$/.test(stringContent(t)) && prev === '(') {
        const callee = tokens[i - 2];
        const before = tokens[i - 3];
        if (callee?.text === 'Device' || (callee?.text === 'to' && (before?.text === '.' || before?.text === '->')) || before?.text === 'Device') {
          report(t.start, t.end, `libtorch device string ${t.text} pins this code to CUDA.`, 'device');
        }
        continue;
      }
      // torch::cuda::…, at::cuda::…, c10::cuda::…
      if (t.kind === 'ident' && t.text === 'cuda' && prev === '::' && tokens[i + 1]?.text === '::' && tokens[i + 2]?.kind === 'ident') {
        const ns = tokens[i - 2]?.text;
        if (ns !== 'torch' && ns !== 'at' && ns !== 'c10') continue;
        if (tokens[i - 3]?.text === '::' && tokens[i - 4]?.kind === 'ident') continue;
        const last = tokens[i + 2];
        const name = `${ns}::cuda::${last.text}`;
        const kind: CudaRefKind = /Stream|Event|Graph/.test(last.text) ? 'stream' : /Guard|[Dd]evice|synchronize|is_available/.test(last.text) ? 'device' : /Blas|blas|cudnn|Cudnn/.test(last.text) ? 'library' : 'other';
        report(tokens[i - 2].start, last.end, `libtorch CUDA API \`${name}\`.`, kind, undefined, kind === 'stream' ? 'high' : 'low');
      }
    }
  },
};
