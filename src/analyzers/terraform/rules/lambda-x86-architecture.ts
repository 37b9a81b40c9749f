import type { RuleModule } from '../../../core/rule';
import { attr } from '../facts';
import type { ParsedTerraform, TfExpr } from '../syntax';

function x86Literals(e: TfExpr | undefined): Extract<TfExpr, { kind: 'string' }>[] {
  if (e?.kind !== 'tuple') return [];
  return e.items.filter((i): i is Extract<TfExpr, { kind: 'string' }> => i.kind === 'string' && i.value === 'x86_64');
}

/**
 * `architectures = ["x86_64"]` on aws_lambda_function (and on a module input of that name, as in
 * terraform-aws-modules/lambda). A function with no `architectures` also runs on x86_64, but that
 * is the AWS default rather than a choice in the code: not reported, to keep the list to pins.
 */
export const terraformLambdaX86Architecture: RuleModule<ParsedTerraform> = {
  meta: {
    id: 'terraform/lambda-x86-architecture',
    category: 'x86-code',
    severity: 'warning',
    effort: 'low',
    description: 'A Lambda function pinned to x86_64 with architectures = ["x86_64"] in Terraform.',
    fixable: true,
  },
  check(parsed, ctx) {
    if (parsed.fileKind !== 'tf') return;
    for (const b of parsed.body.blocks) {
      const isFunction = b.type === 'resource' && b.labels[0] === 'aws_lambda_function';
      if (!isFunction && b.type !== 'module') continue;
      const image = attr(b.body, 'package_type')?.value;
      const isImage = image?.kind === 'string' && image.value === 'Image';
      for (const str of x86Literals(attr(b.body, 'architectures')?.value)) {
        ctx.report({
          start: str.start,
          end: str.end,
          message: `Lambda ${b.type === 'module' ? `module "${b.labels[0]}"` : `function ${b.labels[1]}`} runs on x86_64.`,
          advice: isImage
            ? 'Build the container image for linux/arm64 (or multi-arch), then set architectures = ["arm64"]: Graviton functions cost about 20% less per GB-second.'
            : 'Set architectures = ["arm64"] after checking that native dependencies and layers have arm64 builds: Graviton functions cost about 20% less per GB-second.',
          effort: isImage ? 'medium' : 'low',
          fixes: [{ title: 'Use arm64 (Graviton)', edits: [{ start: str.start, end: str.end, newText: 'arm64' }] }],
        });
      }
    }
  },
};
