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
