import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type * as Estree from '@typescript-eslint/typescript-estree';

type EstreeModule = typeof Estree;
let loaded: EstreeModule | undefined;

/**
 * The TypeScript parser (typescript-estree bundles the TypeScript compiler, ~9 MB) is loaded on
 * the first CDK file, not at start-up: in the bundle it is a file of its own beside this one
 * (dist/typescript-estree.js); from source, the npm package.
 */
function estree(): EstreeModule {
  if (!loaded) {
    const bundled = path.join(__dirname, 'typescript-estree.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = (existsSync(bundled) ? require(bundled) : require('@typescript-eslint/typescript-estree')) as EstreeModule;
  }
  return loaded;
}

export const parseTypeScript: EstreeModule['parse'] = (code, options) => estree().parse(code, options);
