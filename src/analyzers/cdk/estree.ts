import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type * as Estree from '@typescript-eslint/typescript-estree';
import { requireWithCodeCache, type CachedModule } from '../../core/code-cache';

type EstreeModule = typeof Estree;
let loaded: CachedModule<EstreeModule> | undefined;

/**
 * The TypeScript parser (typescript-estree bundles the TypeScript compiler, ~9 MB) is loaded on
 * the first CDK file, not at start-up: in the bundle it is a file of its own beside this one
 * (dist/typescript-estree.js), compiled through V8's code cache (core/code-cache.ts); from
 * source, the npm package.
 */
function estree(): EstreeModule {
  if (!loaded) {
    const bundled = path.join(__dirname, 'typescript-estree.js');
    /* eslint-disable @typescript-eslint/no-require-imports */
    loaded = existsSync(bundled)
      ? requireWithCodeCache(bundled, () => require(bundled) as EstreeModule)
      : { exports: require('@typescript-eslint/typescript-estree') as EstreeModule, save: () => undefined };
    /* eslint-enable @typescript-eslint/no-require-imports */
  }
  return loaded.exports;
}

export const parseTypeScript: EstreeModule['parse'] = (code, options) => {
  const program = estree().parse(code, options);
  // After a parse, so the cache holds the functions parsing compiled too (it is written once).
  loaded?.save();
  return program;
};
