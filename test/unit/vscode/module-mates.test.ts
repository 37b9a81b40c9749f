import assert from 'node:assert/strict';
import * as path from 'node:path';
import { cdkAppMates, mayHaveCdkAppMates, moduleMates } from '../../../src/vscode/module-mates';

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

  it("a CDK app's cdk.json or entry refreshes the app's other scripts; any other file of the app, nothing", () => {
    const app = { root: path.join('/ws', 'cdk'), entry: path.join('/ws', 'cdk', 'bin', 'app.ts') };
    const docs = [at('cdk', 'bin', 'app.ts'), at('cdk', 'lib', 'gpu-stack.ts'), at('cdk', 'lib', 'types.d.ts'), at('cdk', 'lib', 'notes.md'), at('other', 'stack.ts')];
    assert.deepEqual(cdkAppMates(app.entry, app, docs).map((d) => d.fsPath), [at('cdk', 'lib', 'gpu-stack.ts').fsPath]);
    assert.deepEqual(cdkAppMates(path.join('/ws', 'cdk', 'cdk.json'), app, docs).map((d) => path.basename(d.fsPath)), ['app.ts', 'gpu-stack.ts']);
    assert.deepEqual(cdkAppMates(path.join('/ws', 'cdk', 'lib', 'gpu-stack.ts'), app, docs), []);
    const py = { root: path.join('/ws', 'pyapp'), entry: path.join('/ws', 'pyapp', 'app.py') };
    assert.deepEqual(cdkAppMates(py.entry, py, [at('pyapp', 'app.py'), at('pyapp', 'stacks', 'gpu_stack.py')]).map((d) => path.basename(d.fsPath)), ['gpu_stack.py']);
  });

  it('looks a CDK app up on disk only for a saved cdk.json or script while another script is open', () => {
    const open = [at('cdk', 'bin', 'app.ts'), at('cdk', 'README.md')];
    assert.equal(mayHaveCdkAppMates(path.join('/ws', 'cdk', 'bin', 'app.ts'), open), false, 'no other script open');
    assert.equal(mayHaveCdkAppMates(path.join('/ws', 'cdk', 'cdk.json'), open), true);
    assert.equal(mayHaveCdkAppMates(path.join('/ws', 'cdk', 'notes.md'), open), false);
    assert.equal(mayHaveCdkAppMates(path.join('/ws', 'cdk', 'lib', 'stack.py'), [...open, at('cdk', 'lib', 'x.d.ts')]), true);
  });
});
