import type { RuleModule } from '../../../core/rule';
import { get, getPath, resources, str, type CfnNode, type ParsedTemplate } from '../syntax';

const FUNCTION_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

/**
 * `Architectures: [x86_64]` on AWS::Lambda::Function, AWS::Serverless::Function and SAM's
 * `Globals.Function`. A function with no Architectures also runs on x86_64, but that is the AWS
 * default rather than a choice in the template: not reported, to keep the list to pins.
 */
export const cloudformationLambdaX86Architecture: RuleModule<ParsedTemplate> = {
  meta: {
    id: 'cloudformation/lambda-x86-architecture',
    category: 'x86-code',
    severity: 'warning',
    effort: 'low',
    description: 'A Lambda or SAM function (or SAM Globals) pinned to x86_64 with Architectures: [x86_64].',
    fixable: true,
  },
  check(parsed, ctx) {
    const root = parsed.root;
    if (!root) return;
    const targets: { name: string; props: CfnNode | undefined }[] = [];
    const globals = getPath(root, 'Globals', 'Function');
    if (globals) targets.push({ name: 'SAM Globals.Function (every function in the template)', props: globals });
    for (const r of resources(root)) if (FUNCTION_TYPES.has(r.type)) targets.push({ name: `function ${r.id}`, props: r.props });
    for (const t of targets) {
      const arch = get(t.props, 'Architectures');
      if (arch?.kind !== 'seq') continue;
      const isImage = str(get(t.props, 'PackageType')) === 'Image';
      for (const item of arch.items) {
        if (item.kind !== 'scalar' || item.tag || !item.literal || item.value !== 'x86_64') continue;
        ctx.report({
          start: item.start,
          end: item.end,
          message: `Lambda ${t.name} runs on x86_64.`,
          advice: isImage
            ? 'Build the container image for linux/arm64 (or multi-arch), then set Architectures: [arm64]: Graviton functions cost about 20% less per GB-second.'
            : 'Set Architectures: [arm64] after checking that native dependencies and layers have arm64 builds: Graviton functions cost about 20% less per GB-second.',
          effort: isImage ? 'medium' : 'low',
          fixes: [{ title: 'Use arm64 (Graviton)', edits: [{ start: item.start, end: item.end, newText: 'arm64' }] }],
        });
      }
    }
  },
};
