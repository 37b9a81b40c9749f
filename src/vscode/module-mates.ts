import * as path from 'node:path';

const TERRAFORM = /\.(tf|tfvars)(\.json)?$/i;

/**
 * The open documents whose findings can change when the file `changed` is saved, created or
 * deleted: the other Terraform files of its folder. A Terraform module is a folder, and a
 * finding's region comes from any of its files (providers.tf, variables.tf, terraform.tfvars).
 */
export function moduleMates<T extends { fsPath: string }>(changed: string, open: readonly T[]): T[] {
  if (!TERRAFORM.test(changed)) return [];
  const dir = path.dirname(changed);
  return open.filter((d) => d.fsPath !== changed && TERRAFORM.test(d.fsPath) && path.dirname(d.fsPath) === dir);
}

const SCRIPT = /\.(ts|tsx|js|mjs|cjs|py)$/i;

/**
 * Whether saving `changed` can change another open document's CDK findings, so that its app is
 * worth looking up: it is a cdk.json or a script (maybe the entry), and another script is open.
 */
export function mayHaveCdkAppMates(changed: string, open: readonly { fsPath: string }[]): boolean {
  if (path.basename(changed) !== 'cdk.json' && !SCRIPT.test(changed)) return false;
  return open.some((d) => d.fsPath !== changed && SCRIPT.test(d.fsPath) && !/\.d\.ts$/i.test(d.fsPath));
}

/**
 * The open documents whose findings can change when a CDK app's cdk.json or entry (bin/app.ts,
 * app.py) is saved: the app's other TypeScript, JavaScript and Python files, whose stacks take
 * their region from the entry. Nothing for any other file of the app.
 */
export function cdkAppMates<T extends { fsPath: string }>(changed: string, app: { root: string; entry?: string }, open: readonly T[]): T[] {
  if (path.basename(changed) !== 'cdk.json' && changed !== app.entry) return [];
  return open.filter((d) => {
    if (d.fsPath === changed || !SCRIPT.test(d.fsPath) || /\.d\.ts$/i.test(d.fsPath)) return false;
    const rel = path.relative(app.root, d.fsPath);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  });
}
