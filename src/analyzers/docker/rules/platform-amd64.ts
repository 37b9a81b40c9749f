import type { RuleContext, RuleModule } from '../../../core/rule';
import { get, isTSeq, isTScalar, str } from '../../kubernetes/tree';
import { expandVars } from '../dockerfile';
import type { ParsedDocker } from '../syntax';

const AMD64 = /^(linux\/)?(amd64|x86_64|x86-64)(\/v[1-4])?$/i;
const ARM64 = /^(linux\/)?(arm64|aarch64)/i;

function report(ctx: RuleContext, value: string, start: number, end: number, where: string): void {
  ctx.report({
    start,
    end,
    message: `${where} pins the x86-64 platform (${value}).`,
    advice: 'Use linux/arm64 for Graviton, or drop the pin and build a multi-arch image with `docker buildx build --platform linux/amd64,linux/arm64`.',
    fixes: [{ title: 'Use linux/arm64', edits: [{ start, end, newText: 'linux/arm64' }] }],
  });
}

/** `--platform=linux/amd64` in FROM and `platform: linux/amd64` in compose files. */
export const platformAmd64: RuleModule<ParsedDocker> = {
  meta: {
    id: 'docker/platform-amd64',
    category: 'x86-code',
    severity: 'warning',
    effort: 'low',
    description: 'A Dockerfile FROM --platform or a compose platform that pins linux/amd64, so the image cannot run on Graviton.',
    fixable: true,
  },
  check(parsed, ctx) {
    if (parsed.kind === 'dockerfile') {
      for (const f of parsed.froms) {
        const p = f.platform;
        if (!p) continue;
        if (AMD64.test(p.value)) {
          report(ctx, p.value, p.valueStart, p.valueEnd, 'FROM --platform');
          continue;
        }
        // --platform=$PLATFORM with a literal ARG default.
        const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(p.value);
        const a = m ? parsed.globalArgs.get(m[1]) : undefined;
        if (a && AMD64.test(a.value)) report(ctx, a.value, a.valueStart, a.valueEnd, `ARG ${a.name} (used as FROM --platform)`);
        else if (!a && p.value.includes('$')) {
          const v = expandVars(p.value, parsed.globalArgs);
          if (v && AMD64.test(v)) report(ctx, v, p.valueStart, p.valueEnd, 'FROM --platform');
        }
      }
      return;
    }
    for (const svc of parsed.services) {
      const platform = get(svc.node, 'platform');
      const v = str(platform);
      if (v && isTScalar(platform) && AMD64.test(v)) report(ctx, v, platform.start, platform.end, `Service ${svc.name} platform`);
      const platforms = get(get(svc.node, 'build'), 'platforms');
      if (isTSeq(platforms)) {
        const values = platforms.items.map((i) => str(i) ?? '');
        if (values.some((x) => ARM64.test(x))) continue;
        for (const item of platforms.items) {
          const iv = str(item);
          if (iv && isTScalar(item) && AMD64.test(iv)) report(ctx, iv, item.start, item.end, `Service ${svc.name} build platforms`);
        }
      }
    }
  },
};
