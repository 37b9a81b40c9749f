import type { RuleModule } from '../../../core/rule';
import { constraintsOf, type ParsedK8s } from '../syntax';

const ARCH_LABELS = new Set(['kubernetes.io/arch', 'beta.kubernetes.io/arch']);

/** Node selectors and Karpenter requirements that allow only amd64 nodes. */
export const amd64NodeSelector: RuleModule<ParsedK8s> = {
  meta: {
    id: 'kubernetes/amd64-node-selector',
    category: 'x86-code',
    severity: 'warning',
    effort: 'low',
    description: 'A nodeSelector, node affinity or Karpenter requirement that allows only amd64 (x86-64) nodes, so the workload cannot land on Graviton.',
    fixable: true,
  },
  check(parsed, ctx) {
    for (const d of parsed.docs) {
      for (const c of constraintsOf(d)) {
        if (!ARCH_LABELS.has(c.key) || c.operator !== 'In') continue;
        const values = c.values.map((v) => String(v.value ?? ''));
        if (values.some((v) => v === 'arm64')) continue;
        for (const v of c.values) {
          if (v.value !== 'amd64') continue;
          ctx.report({
            start: v.start,
            end: v.end,
            message: `The ${c.source}${d.name ? ` in ${d.kind} ${d.name}` : ''} allows only amd64 nodes (${c.key}: amd64).`,
            advice: c.source === 'Karpenter requirement' ? 'Allow arm64 too (`values: [amd64, arm64]`) once the images are multi-arch, so Karpenter can launch Graviton nodes.' : 'Build multi-arch images and select arm64 (Graviton) nodes, or drop the architecture selector.',
            fixes: [{ title: 'Select arm64 (Graviton)', edits: [{ start: v.start, end: v.end, newText: 'arm64' }] }],
          });
        }
      }
    }
  },
};
