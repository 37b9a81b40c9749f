import assert from 'node:assert/strict';
import * as path from 'node:path';
import { moduleMates } from '../../../src/vscode/module-mates';

describe('vscode module mates: open Terraform files analysed again when a file of their folder changes', () => {
  const at = (...p: string[]) => ({ fsPath: path.join('/ws', ...p) });
  const open = [at('infra', 'main.tf'), at('infra', 'gpu.tf.json'), at('infra', 'prod.tfvars'), at('infra', 'train.py'), at('infra', 'sub', 'main.tf'), at('other', 'main.tf')];

  it('a saved providers.tf refreshes the other Terraform files of its folder only', () => {
    assert.deepEqual(moduleMates(path.join('/ws', 'infra', 'providers.tf'), open).map((d) => d.fsPath), [at('infra', 'main.tf'), at('infra', 'gpu.tf.json'), at('infra', 'prod.tfvars')].map((d) => d.fsPath));
  });

  it('not the changed file itself, and nothing for a file that is not Terraform', () => {
    assert.deepEqual(moduleMates(path.join('/ws', 'infra', 'main.tf'), open).map((d) => path.basename(d.fsPath)), ['gpu.tf.json', 'prod.tfvars']);
    assert.deepEqual(moduleMates(path.join('/ws', 'infra', 'train.py'), open), []);
    assert.deepEqual(moduleMates(path.join('/ws', 'infra', 'terraform.tfvars.json'), open).length, 3);
  });
});
