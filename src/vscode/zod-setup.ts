/**
 * Imported first by extension.ts. zod's JIT probe reads `navigator`, which VS Code's extension
 * host reports as a migration error; the extension parses small inputs, so the plain (jitless)
 * validators cost nothing noticeable.
 */
import * as z from 'zod';

z.config({ jitless: true });
